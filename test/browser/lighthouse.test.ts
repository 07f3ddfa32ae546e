// What Lighthouse (mobile defaults, Debian's Chromium) says of the pages a visitor opens
// most: 100 in accessibility, best practices and SEO. Performance is a timing, so it is
// measured by `npm run bench:lighthouse` (≥ 95, docs/figures.md), not asserted here.
// About 7 s a page: the four pages of the benchmark, in one Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { monthKeyOf } from '#src/time/zone.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { lighthouseReports, shortfalls } from '../support/lighthouse.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PATHS = ['/', '/en/', '/availability', `/maintenance/calendar/${monthKeyOf(+FIXED_NOW)}`];

let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-lighthouse-'));
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('scores 100 in accessibility, best practices and SEO on the home, availability and calendar pages', async () => {
  const reports = await lighthouseReports(server.url, PATHS, ['accessibility', 'best-practices', 'seo']);
  expect(reports.map((r) => r.path)).toEqual(PATHS);
  expect(shortfalls(reports)).toEqual([]);
});
