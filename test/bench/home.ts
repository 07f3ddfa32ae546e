// `npm run bench:home` (node test/bench/home.ts): requests per second and latency of the
// home page with 1 and with 10 years of generated history, against a prerendered static
// page of the same size served by the same server in the same run. The home page reads a
// bounded amount of data, so its figures should not depend on the length of the history.
// With TEST_DATABASE_URL set, the same runs against a fresh PostgreSQL database too.
// Needs `npm run build` first. Not a test: the figures go into README by hand.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { runMigrations } from '#db/migrate.ts';
import { importHistory } from '#src/history-import/write.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';
import { drivers, freshDatabase, type Driver } from '../support/databases.ts';
import { startServer } from '../support/server.ts';
import { generateBenchHistory } from './history.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DAY = 86_400_000;
const catalogue = readCatalogue('db/catalogue.json');
const products = catalogue.groups.flatMap((g) => g.products.map((p) => p.slug));
const staticFile = join('dist', 'client', 'bench-static.html');

interface Load {
  label: string;
  bytes: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function load(label: string, url: string): Promise<Load> {
  const fetchOnce = async () => {
    const started = performance.now();
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  for (let n = 0; n < 30; n++) await fetchOnce();
  const latencies: number[] = [];
  let bytes = 0;
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const result = await fetchOnce();
        latencies.push(result.ms);
        bytes = result.bytes;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { label, bytes, perSecond: REQUESTS / seconds, p50: at(0.5), p99: at(0.99) };
}

interface Prepared {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A database with `years` of generated history: embedded, or a fresh one on the server. */
async function prepare(years: number, driver: Driver): Promise<Prepared> {
  let handle: DatabaseHandle;
  let prepared: Prepared;
  if (driver === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `status-bench-${years}y-`));
    handle = await openDatabase({ dataDir: dir });
    prepared = { env: { DATA_DIR: dir, DEMO_DATA: 'off' }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  } else {
    const database = await freshDatabase('postgres', { migrated: false });
    handle = database.handle;
    prepared = { env: { DATABASE_URL: database.url! }, drop: () => database.drop() };
  }
  const now = Date.now();
  const start = now - years * 365 * DAY;
  await runMigrations(handle);
  await syncCatalogue(handle.db, catalogue, new Date(start));
  const scale = years / 10;
  const sizes = { outages: 5_000 * scale, incidents: 2_000 * scale, updatesPerIncident: 5, maintenances: 1_000 * scale };
  const result = await importHistory(handle.db, generateBenchHistory({ products, start, end: now - DAY, sizes }), { now: new Date(now), actor: 'bench' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  if (driver === 'pglite') await handle.close();
  return prepared;
}

const results: Load[] = [];
for (const driver of drivers) {
  for (const years of [1, 10]) {
    const prepared = await prepare(years, driver);
    const server = await startServer(prepared.env);
    try {
      const home = await fetch(`${server.url}/`).then((r) => r.text());
      writeFileSync(staticFile, home);
      results.push(await load(`home, ${years} year(s) of history, ${driver}`, `${server.url}/`));
      results.push(await load(`static page of the same size`, `${server.url}/bench-static.html`));
    } finally {
      await server.stop();
      unlinkSync(staticFile);
      await prepared.drop();
    }
  }
}

console.log(`${REQUESTS} requests, ${CONCURRENCY} at a time, client and server on one machine (${cpus().length} × ${cpus()[0]?.model})`);
console.log('| page | bytes | req/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.label} | ${r.bytes.toLocaleString('en')} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
}
