// What a Statuspage consumer sees of the built app with its demo history: every /api/v2
// document answers 200 as JSON with CORS, caching headers and a body that passes the
// schema written from docs/statuspage-v2.md, the same bytes twice; 304 on If-None-Match and
// If-Modified-Since; HEAD (an exporter's detection); the doubled slash a migration tool
// sends; a CORS preflight; the summary equals its parts; shortlinks open our pages. And the
// load balancer's view: /healthz and /readyz, and on a PostgreSQL server /readyz turning
// 503 when the migrations differ or the database is gone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { drivers, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { DOCUMENT_SCHEMAS, expectValid, type DocumentName } from '../support/statuspage-schema.ts';

const SITE_URL = 'https://status.voizxl.test';
const NAMES = Object.keys(DOCUMENT_SCHEMAS) as DocumentName[];
const pathOf = (name: DocumentName) => `/api/v2/${name}.json`;

/**
 * availability.json counts the month in progress up to the current minute, so its bytes
 * change when a minute begins: checks that compare two of its answers keep clear of that.
 */
async function clearOfMinuteEdge(name: DocumentName): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (name === 'availability' && left < 5_000) await new Promise((r) => setTimeout(r, left + 100));
}

describe('the Statuspage v2 JSON of the built app', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'status-statuspage-e2e-'));
  let server: RunningServer;
  const get = (path: string, init: RequestInit = {}) => fetch(server.url + path, init);

  beforeAll(async () => {
    server = await startServer({ DATA_DIR: dataDir, SITE_URL });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every document as JSON with CORS and caching headers, valid by the schema, the same bytes twice', async () => {
    for (const name of NAMES) {
      await clearOfMinuteEdge(name);
      const path = pathOf(name);
      const first = await get(path, { headers: { Origin: 'https://dashboard.example' } });
      expect(first.status, path).toBe(200);
      expect(first.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
      expect(first.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(first.headers.get('etag'), path).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers.get('last-modified'), path).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(first.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+$/);
      const body = await first.text();
      expectValid(name, JSON.parse(body));
      const second = await get(path);
      expect(await second.text(), path).toBe(body);
      expect(second.headers.get('etag'), path).toBe(first.headers.get('etag'));
    }
  });

  it('answers 304 to If-None-Match and If-Modified-Since, still with CORS, and 200 to another tag', async () => {
    for (const name of NAMES) {
      await clearOfMinuteEdge(name);
      const path = pathOf(name);
      const first = await get(path);
      await first.arrayBuffer();
      const etag = first.headers.get('etag')!;
      const byTag = await get(path, { headers: { 'If-None-Match': etag } });
      expect(byTag.status, path).toBe(304);
      expect(byTag.headers.get('etag'), path).toBe(etag);
      expect(byTag.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(await byTag.text()).toBe('');
      const other = await get(path, { headers: { 'If-None-Match': '"something-else"' } });
      expect(other.status, path).toBe(200);
      await other.arrayBuffer();
    }
    const path = pathOf('summary');
    const first = await get(path);
    await first.arrayBuffer();
    const byDate = await get(path, { headers: { 'If-Modified-Since': first.headers.get('last-modified')! } });
    expect(byDate.status).toBe(304);
    await byDate.arrayBuffer();
  });

  it('answers HEAD with the headers of GET and no body, as an exporter probing components.json sends it', async () => {
    for (const name of NAMES) {
      await clearOfMinuteEdge(name);
      const path = pathOf(name);
      // Uncompressed, so Content-Length is the length of the body read here.
      const identity = { 'Accept-Encoding': 'identity' };
      const full = await get(path, { headers: identity });
      const length = (await full.arrayBuffer()).byteLength;
      const head = await get(path, { method: 'HEAD', headers: identity });
      expect(head.status, path).toBe(200);
      expect(head.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
      expect(head.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(head.headers.get('etag'), path).toBe(full.headers.get('etag'));
      expect(head.headers.get('content-length'), path).toBe(String(length));
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    }
  });

  it('answers the doubled slash a migration tool sends, and a CORS preflight', async () => {
    const single = await (await get('/api/v2/incidents.json')).text();
    const doubled = await get('//api/v2/incidents.json');
    expect(doubled.status).toBe(200);
    expect(await doubled.text()).toBe(single);
    const preflight = await get('/api/v2/summary.json', {
      method: 'OPTIONS',
      headers: { Origin: 'https://dashboard.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
  });

  it('puts the summary together from the other documents, and its shortlinks open our pages', async () => {
    const json = async <N extends DocumentName>(name: N) => DOCUMENT_SCHEMAS[name].parse(await (await get(pathOf(name))).json()) as z.infer<(typeof DOCUMENT_SCHEMAS)[N]>;
    const summary = await json('summary');
    const [status, components, unresolved, active, upcoming, recent] = await Promise.all([
      json('status'),
      json('components'),
      json('incidents/unresolved'),
      json('scheduled-maintenances/active'),
      json('scheduled-maintenances/upcoming'),
      json('incidents'),
    ]);
    expect(summary.page).toEqual(status.page);
    expect(summary.page).toMatchObject({ url: SITE_URL, name: 'voizXL status', time_zone: 'Europe/Amsterdam' });
    expect(summary.status).toEqual(status.status);
    expect(summary.components).toEqual(components.components);
    expect(summary.incidents).toEqual(unresolved.incidents);
    expect(summary.scheduled_maintenances).toEqual([...active.scheduled_maintenances, ...upcoming.scheduled_maintenances]);
    // At most the newest 50, newest first.
    expect(recent.incidents.length).toBeGreaterThan(0);
    expect(recent.incidents.length).toBeLessThanOrEqual(50);
    const reported = recent.incidents.map((i) => Date.parse(i.created_at));
    expect(reported).toEqual([...reported].sort((a, b) => b - a));
    expect(upcoming.scheduled_maintenances.length).toBeGreaterThan(0);
    for (const link of [recent.incidents[0]!.shortlink, upcoming.scheduled_maintenances[0]!.shortlink]) {
      expect(link.startsWith(`${SITE_URL}/`)).toBe(true);
      const page = await get(link.slice(SITE_URL.length));
      expect(page.status, link).toBe(200);
      await page.arrayBuffer();
    }
  });

  it('answers /healthz and /readyz as plain text that no cache keeps', async () => {
    for (const [path, text] of [
      ['/healthz', 'ok\n'],
      ['/readyz', 'ready\n'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(await response.text(), path).toBe(text);
      const head = await get(path, { method: 'HEAD' });
      expect(head.status, path).toBe(200);
      await head.arrayBuffer();
    }
  });
});

describe.runIf(drivers.includes('postgres'))('/readyz against a PostgreSQL server', () => {
  let database: TestDatabase;
  let dropped = false;
  let server: RunningServer;
  const get = async (path: string) => {
    const response = await fetch(server.url + path);
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    server = await startServer({ DATABASE_URL: database.url! });
  });
  afterAll(async () => {
    await server?.stop();
    if (!dropped) await database?.drop();
  });

  it('is 503 with the reason while the migrations differ or the database is gone; /healthz stays 200', async () => {
    expect(await get('/readyz')).toEqual({ status: 200, text: 'ready\n' });
    const { db } = database.handle;
    // A newer build migrated the database further than this one knows.
    await db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer', 9999999999999)`);
    const ahead = await get('/readyz');
    expect(ahead.status).toBe(503);
    expect(ahead.text).toMatch(/^the database has \d+ migrations applied, this build knows \d+\n$/);
    await db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'newer'`);
    expect(await get('/readyz')).toEqual({ status: 200, text: 'ready\n' });
    // Gone: the database is dropped under the running server.
    await database.drop();
    dropped = true;
    const gone = await get('/readyz');
    expect(gone.status).toBe(503);
    expect(gone.text).toMatch(/^database unavailable: \S.*\n$/);
    expect(gone.text.trim().split('\n')).toHaveLength(1);
    expect(await get('/healthz')).toEqual({ status: 200, text: 'ok\n' });
  });
});
