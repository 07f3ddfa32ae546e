// What a new user does: start the built app and open the page; and what an operator sees
// when the configuration or the database is wrong.
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, drivers } from '../support/databases.ts';
import { runStart, startServer, type RunningServer } from '../support/server.ts';

const products = ['VOIPNOW', '3CX', 'Teams (DR)', 'Connectivity', 'voizplus', 'voizApps'];
const productLink = (name: string) => new RegExp(`class="product-name"[^>]*>${name.replace(/[()]/g, '\\$&')}</a>`);

function getWithHost(url: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { Host: host } }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

async function page(server: RunningServer, path: string) {
  const response = await fetch(server.url + path);
  return { response, html: await response.text() };
}

describe('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'status-e2e-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates, migrates and fills the database, and serves every product in Dutch and English', async () => {
    const server = await startServer({ DATA_DIR: dataDir });
    try {
      expect(server.output()).toContain('filled with 13 months of demo history');
      const nl = await page(server, '/');
      expect(nl.response.status).toBe(200);
      expect(nl.html).toContain('<html lang="nl"');
      for (const name of products) expect(nl.html).toMatch(productLink(name));
      expect(nl.html).toMatch(/Beschikbaarheidsnorm 99,95 %/);
      expect(nl.html).toMatch(/Stand van \d+ \w+ \d{4} om \d\d:\d\d CES?T/);
      const en = await page(server, '/en/');
      expect(en.html).toContain('<html lang="en"');
      expect(en.html).toContain('Availability target 99.95 %');
      // The demo keeps one incident open: the page says so in words.
      expect(nl.html).not.toContain('Alle systemen werken normaal');
      // And every page says that the history is made up.
      expect(nl.html).toContain('<aside class="demo-notice" aria-label="Voorbeeldgegevens">');
      expect(en.html).toContain('<aside class="demo-notice" aria-label="Sample data">');
      // Pages may be cached briefly; a missing page not at all.
      expect(nl.response.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=30, stale-if-error=86400');
      expect((await page(server, '/incidents/987654')).response.headers.get('cache-control')).toBe('no-store');
      // Per class of route: English pages like Dutch ones, feeds their own, the console,
      // the write API and every error never stored.
      expect((await page(server, '/en/history')).response.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=30, stale-if-error=86400');
      expect((await page(server, '/incidents.rss')).response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
      expect((await page(server, '/products/nope/incidents.rss')).response.headers.get('cache-control')).toBe('no-store');
      for (const path of ['/admin', '/en/admin/incidents', '/api/v1/incidents']) {
        expect((await page(server, path)).response.headers.get('cache-control'), path).toBe('no-store');
      }
      // Absolute links come from SITE_URL, whatever Host the request names.
      const spoofed = await getWithHost(`${server.url}/history`, 'evil.example');
      expect(spoofed).toContain(`hreflang="en" href="${server.url}/en/history"`);
      expect(spoofed).not.toContain('evil.example');
    } finally {
      await server.stop();
    }
    // A second start keeps the data and adds no second demo history.
    const again = await startServer({ DATA_DIR: dataDir });
    try {
      expect(again.output()).not.toContain('demo history');
      expect((await page(again, '/')).response.status).toBe(200);
    } finally {
      await again.stop();
    }
  });

  it('refuses a second process on the same data directory', async () => {
    const server = await startServer({ DATA_DIR: dataDir });
    try {
      const second = await runStart({ DATA_DIR: dataDir, PORT: '1' });
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toMatch(/^Database error: DATA_DIR: .* is in use by process \d+; stop it first or point DATA_DIR elsewhere$/);
    } finally {
      await server.stop();
    }
  });
});

describe('start-up errors', () => {
  it('ends with one line naming a bad setting, and exit code 1', async () => {
    const result = await runStart({ PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Configuration error: PORT must be a whole number from 1 to 65535 (got "eighty")');
  });

  it('ends with one line when the database server cannot be reached', async () => {
    const result = await runStart({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/status' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Database error: DATABASE_URL: cannot connect to postgres:\/\/postgres@127\.0\.0\.1:1\/status: .+$/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe.runIf(drivers.includes('postgres'))('npm start with DATABASE_URL', () => {
  it('migrates a fresh server database and serves the products without demo history', async () => {
    const database = await freshDatabase('postgres', { migrated: false });
    await database.handle.close();
    const server = await startServer({ DATABASE_URL: database.url! });
    try {
      expect(server.output()).toContain('Database: PostgreSQL server');
      expect(server.output()).not.toContain('demo history');
      const nl = await page(server, '/');
      for (const name of products) expect(nl.html).toMatch(productLink(name));
      expect(nl.html).toContain('Alle systemen werken normaal');
      expect(nl.html).not.toContain('demo-notice');
    } finally {
      await server.stop();
      await database.drop();
    }
  });
});
