// The static snapshot as a user makes it from the README: `npm run export -- --out DIR`
// writes every public page in both languages, the feeds, the calendars and the public JSON
// as files with the links of SITE_URL, and nothing of the console or the write API; the
// same with --from against a running instance; and EXPORT_DIR refreshes it after a write.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCalendar, parseRss } from '../support/feed-parsers.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { run, target, type Target } from '../support/targets.ts';

const SITE = 'https://status.example.nl';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('npm run export', () => {
  let where: Target;
  let out: string;
  beforeAll(async () => {
    where = await target('pglite');
    out = mkdtempSync(join(tmpdir(), 'status-export-'));
  });
  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
    await where?.remove();
  });

  it('writes the public side in both languages as files, with the links of SITE_URL', async () => {
    const result = await run('export', ['--out', out], { ...where.env, SITE_URL: SITE });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Exported \d+ files \(\d+ KB\) to .+, links for https:\/\/status\.example\.nl\./);
    expect(result.stdout).not.toContain('/admin/setup');
    const files = filesUnder(out).map((f) => relative(out, f));
    for (const file of ['index.html', 'en/index.html', 'history/index.html', 'en/history/index.html', 'maintenance/index.html', 'availability/index.html', 'en/availability/index.html', 'products/voipnow/index.html', 'en/products/3cx/index.html', 'subscribe/index.html', '404.html', 'en/404.html', 'incidents.rss', 'en/maintenance.ics', 'maintenance.rss', 'products/voipnow/maintenance.ics', 'api/v2/summary.json', 'api/v2/scheduled-maintenances/upcoming.json', 'favicon.svg']) {
      expect(files, file).toContain(file);
    }
    // Every incident and maintenance the history and maintenance pages link to.
    expect(files.filter((f) => /^incidents\/\d+\/index\.html$/.test(f)).length).toBeGreaterThan(5);
    expect(files.filter((f) => /^en\/maintenance\/\d+\/index\.html$/.test(f)).length).toBeGreaterThan(3);
    // The stylesheet the pages link to is there.
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(home)![1]!;
    expect(existsSync(join(out, css))).toBe(true);
    expect(home).toContain(`<link rel="alternate" hreflang="en" href="${SITE}/en/">`);
    // Nothing private.
    expect(files.some((f) => /^(en\/)?(admin|subscription)\//.test(f) || f.startsWith('api/v1'))).toBe(false);
    // The feeds and the JSON read as what they are.
    expect(parseRss(readFileSync(join(out, 'incidents.rss'), 'utf8')).items.length).toBeGreaterThan(0);
    expect(parseCalendar(readFileSync(join(out, 'maintenance.ics'), 'utf8')).events.length).toBeGreaterThan(0);
    const summary = JSON.parse(readFileSync(join(out, 'api/v2/summary.json'), 'utf8')) as { page: { url: string } };
    expect(summary.page.url).toBe(SITE);
    // The calendar months, bounded: two years back and one ahead, both languages.
    const months = files.filter((f) => /^maintenance\/calendar\/\d{4}-\d{2}\/index\.html$/.test(f));
    expect(months).toHaveLength(37);
  }, 300_000);
});

describe('npm run export -- --from, and EXPORT_DIR', () => {
  let where: Target;
  let server: RunningServer;
  let kept: string;
  beforeAll(async () => {
    where = await target('pglite');
    kept = mkdtempSync(join(tmpdir(), 'status-kept-'));
    server = await startServer({ ...where.env, DEMO_DATA: 'auto', EXPORT_DIR: kept });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(kept, { recursive: true, force: true });
    await where?.remove();
  });

  it('reads a running instance, and the instance keeps its own export up to date', async () => {
    const out = mkdtempSync(join(tmpdir(), 'status-export-'));
    try {
      // The embedded database is the running app's: --from reads it through that app.
      const result = await run('export', ['--out', out, '--from', server.url], { DATA_DIR: mkdtempSync(join(tmpdir(), 'unused-')) });
      expect(result.code, result.stderr).toBe(0);
      const served = await (await fetch(`${server.url}/en/availability`, { headers: { 'Accept-Encoding': 'identity' } })).text();
      expect(readFileSync(join(out, 'en/availability/index.html'), 'utf8')).toBe(served);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    const deadline = Date.now() + 20_000;
    while (!existsSync(join(kept, 'index.html')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(join(kept, 'index.html'))).toBe(true);
  }, 300_000);
});
