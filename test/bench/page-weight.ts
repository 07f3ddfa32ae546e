// `npm run bench:weight` (node test/bench/page-weight.ts): what the home page costs to load.
// Starts the built server (run `npm run build` first) on a fresh data directory with the
// demo history, loads `/` and `/en/` in Debian's Chromium, and sums the uncompressed sizes
// of HTML, CSS and JavaScript. Budget (issue 4): HTML + CSS + JS ≤ 60 KB, JS ≤ 10 KB
// (1 KB = 1,000 bytes), no web font and no request to another origin. Exits 1 when over.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFont, isThirdParty, launchChromium, openIn } from '../support/chromium.ts';
import { startServer } from '../support/server.ts';

const BUDGET = { total: 60_000, js: 10_000 };
const PATHS = ['/', '/en/'];

interface Row {
  url: string;
  kind: 'HTML' | 'CSS' | 'JS' | 'font' | 'other';
  bytes: number;
}

const kinds: Record<string, Row['kind']> = { document: 'HTML', stylesheet: 'CSS', script: 'JS', font: 'font' };
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const grouped = (n: number) => n.toLocaleString('en-GB');

const dataDir = mkdtempSync(join(tmpdir(), 'status-weight-'));
const server = await startServer({ DATA_DIR: dataDir });
const browser = await launchChromium();
const failures: string[] = [];
try {
  console.log(`Chromium ${browser.version()}, Node ${process.versions.node}, demo history, ${new Date().toISOString().slice(0, 10)}\n`);
  for (const path of PATHS) {
    const opened = await openIn(browser, server.url + path, { width: 1280 });
    await opened.page.waitForLoadState('networkidle');
    const rows: Row[] = [];
    const refused: string[] = [];
    for (const record of opened.requests) {
      const response = await record.request.response();
      if (!response) {
        refused.push(record.url);
        continue;
      }
      const bytes = (await response.body()).byteLength;
      rows.push({ url: record.url.replace(server.url, ''), kind: isFont(record) ? 'font' : (kinds[record.type] ?? 'other'), bytes });
    }
    const inline = await opened.page.evaluate(() => ({
      css: [...document.querySelectorAll('style')].reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
      js: [...document.querySelectorAll('script:not([src])')].reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
    }));
    await opened.close();

    const sum = (kind: Row['kind']) => rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.bytes, 0);
    const html = sum('HTML');
    const css = sum('CSS');
    const js = sum('JS');
    const total = html + css + js;
    const allJs = js + inline.js;
    console.log(`${path}\n`);
    console.log('| request | kind | bytes |\n|---|---|---:|');
    for (const row of rows) console.log(`| \`${row.url}\` | ${row.kind} | ${grouped(row.bytes)} |`);
    console.log('');
    console.log(`| | bytes | budget |\n|---|---:|---:|`);
    console.log(`| HTML (inline CSS ${grouped(inline.css)}, inline JS ${grouped(inline.js)}) | ${grouped(html)} | |`);
    console.log(`| CSS files | ${grouped(css)} | |`);
    console.log(`| JS files | ${grouped(js)} | |`);
    console.log(`| **HTML + CSS + JS** | **${grouped(total)}** (${kb(total)}) | ${kb(BUDGET.total)} |`);
    console.log(`| JS, files and inline | ${grouped(allJs)} (${kb(allJs)}) | ${kb(BUDGET.js)} |`);
    console.log('');

    const fonts = rows.filter((r) => r.kind === 'font').map((r) => r.url);
    const foreign = opened.requests.filter((r) => isThirdParty(r, opened.origin)).map((r) => r.url);
    if (fonts.length > 0) console.log(`Font requests: ${fonts.join(', ')}`);
    if (foreign.length > 0) console.log(`Third-party requests (refused): ${foreign.join(', ')}`);
    if (refused.length > foreign.length) console.log(`Requests without a response: ${refused.join(', ')}`);
    if (fonts.length === 0 && foreign.length === 0) console.log('No font and no third-party request.\n');

    if (total > BUDGET.total) failures.push(`${path}: HTML + CSS + JS is ${kb(total)}, over ${kb(BUDGET.total)}`);
    if (allJs > BUDGET.js) failures.push(`${path}: JS is ${kb(allJs)}, over ${kb(BUDGET.js)}`);
    if (fonts.length > 0) failures.push(`${path}: ${fonts.length} font request(s)`);
    if (foreign.length > 0) failures.push(`${path}: ${foreign.length} third-party request(s)`);
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`Over budget:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('Within budget.');
}
