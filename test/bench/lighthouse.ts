// `npm run bench:lighthouse` (node test/bench/lighthouse.ts, after `npm run build`): what
// Lighthouse says of the pages a visitor opens most: the home page in both languages, the
// availability page and the month's maintenance calendar. Starts the built app with the
// test clock and its demo history (test/support/serve-fixed.ts), runs Lighthouse's mobile
// defaults in Debian's Chromium and prints the scores; exits 1 under 100 in accessibility,
// best practices and SEO, or under 95 in performance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_NOW } from '../support/clock.ts';
import { CATEGORIES, lighthouseReports, shortfalls } from '../support/lighthouse.ts';
import { startServer } from '../support/server.ts';
import { monthKeyOf } from '#src/time/zone.ts';

const PATHS = ['/', '/en/', '/availability', `/maintenance/calendar/${monthKeyOf(+FIXED_NOW)}`];

const dataDir = mkdtempSync(join(tmpdir(), 'status-lighthouse-'));
const server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
let failures: string[];
try {
  const started = Date.now();
  const reports = await lighthouseReports(server.url, PATHS);
  console.log(`Lighthouse (mobile defaults), ${PATHS.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s, Node ${process.versions.node}\n`);
  console.log(`| page | ${CATEGORIES.join(' | ')} | FCP ms | LCP ms | TBT ms | CLS |`);
  console.log(`|---|${CATEGORIES.map(() => '---:|').join('')}---:|---:|---:|---:|`);
  for (const r of reports) {
    const { fcpMs, lcpMs, tbtMs, cls } = r.metrics;
    console.log(`| \`${r.path}\` | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ${fcpMs.toFixed(0)} | ${lcpMs.toFixed(0)} | ${tbtMs.toFixed(0)} | ${cls.toFixed(3)} |`);
  }
  for (const r of reports) {
    if (r.failing.length > 0) console.log(`\n${r.path} loses points on:\n${r.failing.map((a) => `  ${a.id} (${a.score}): ${a.title}${a.detail ? ` — ${a.detail}` : ''}`).join('\n')}`);
  }
  failures = shortfalls(reports);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\nUnder the thresholds:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('\nEvery page at or above the thresholds.');
}
