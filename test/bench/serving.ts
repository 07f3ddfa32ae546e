// `npm run bench:serving` (node test/bench/serving.ts): the front server under load, as the
// docs/figures.md reports it. With 32 connections (autocannon) for 10 s each, in one run:
// - the cached home page, against the same bytes as a static file (dist/client) served by
//   the Astro handler behind the same server;
// - the cached home page with brotli, as browsers ask for it;
// - a flood of unique query strings (`/?fbclid=<unique per request>`, as a crowd from a
//   shared link sends them) against the same cached home page: the target is at least half
//   the cached rate, p99 at most 50 ms; beside it the plain address with each request
//   built anew as the flood's are (autocannon's own cost, on the server's cores);
// - a cache miss: the home page rendered for the first request after a write (a KPI month
//   set through the API to another value each time, which the home page does not show),
//   100 times one after another;
// with 1 and with 10 years of generated history on the embedded database (and on
// PostgreSQL with TEST_DATABASE_URL), and the server's memory after every public route of
// both languages is in the cache (measured before the misses' writes). Needs `npm run build` first. Not a test: the figures go
// into docs/figures.md by hand.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon, { type Request as AutocannonRequest } from 'autocannon';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { runMigrations } from '#db/migrate.ts';
import { importHistory } from '#src/history-import/write.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';
import { addUser, createToken } from '#src/auth/users.ts';
import { linksOf } from '#src/server/export.ts';
import { drivers, freshDatabase, type Driver } from '../support/databases.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { generateBenchHistory } from './history.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const DAY = 86_400_000;
const catalogue = readCatalogue('db/catalogue.json');
const products = catalogue.groups.flatMap((g) => g.products.map((p) => p.slug));
const staticFile = join('dist', 'client', 'bench-static.html');

interface Prepared {
  env: Record<string, string>;
  /** A token of an admin, for the writes before each miss. */
  token: string;
  drop(): Promise<void>;
}

async function prepare(years: number, driver: Driver): Promise<Prepared> {
  let handle: DatabaseHandle;
  let prepared: Omit<Prepared, 'token'>;
  if (driver === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `status-bench-${years}y-`));
    handle = await openDatabase({ dataDir: dir });
    prepared = { env: { DATA_DIR: dir, DEMO_DATA: 'off' }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  } else {
    const database = await freshDatabase('postgres', { migrated: false });
    handle = database.handle;
    prepared = { env: { DATABASE_URL: database.url!, DATA_DIR: mkdtempSync(join(tmpdir(), 'status-bench-pages-')) }, drop: () => database.drop() };
  }
  const now = Date.now();
  const start = now - years * 365 * DAY;
  await runMigrations(handle);
  await syncCatalogue(handle.db, catalogue, new Date(start));
  const scale = years / 10;
  const sizes = { outages: 5_000 * scale, incidents: 2_000 * scale, updatesPerIncident: 5, maintenances: 1_000 * scale };
  const result = await importHistory(handle.db, generateBenchHistory({ products, start, end: now - DAY, sizes }), { now: new Date(now) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  const ctx = { db: handle.db, actor: { kind: 'system', name: 'cli' } as const, now: new Date(now) };
  await addUser(ctx, { email: 'bench@example.nl', name: 'Bench', role: 'admin', password: 'correct horse battery staple' });
  const { token } = await createToken(ctx, { email: 'bench@example.nl', name: 'bench' });
  if (driver === 'pglite') await handle.close();
  return { ...prepared, token };
}

interface Row {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  bytes: number;
}

async function hammer(label: string, url: string, headers: Record<string, string> = {}, requests?: AutocannonRequest[]): Promise<Row> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers, requests });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, requests });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { label, perSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bytes: Math.round(r.throughput.average / r.requests.average) };
}

/** Every request a query string of its own, as a crowd from a shared link sends. */
let clicks = 0;
const uniqueQueries: AutocannonRequest[] = [{ setupRequest: (request) => ({ ...request, path: `/?fbclid=IwAR${(++clicks).toString(36)}${process.pid}` }) }];
/** The same client work per request (autocannon builds each request anew) for the plain address: the flood's fair baseline on a shared machine. */
const samePath: AutocannonRequest[] = [{ setupRequest: (request) => ({ ...request, path: '/' }) }];

/** The home page rendered after a write, one after another: the cost of a miss (the write's own time not counted). */
async function misses(server: RunningServer, token: string, count = 100): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  const month = new Date(Date.now() - 40 * DAY).toISOString().slice(0, 7);
  for (let n = 0; n < count; n++) {
    const written = await fetch(`${server.url}/api/v1/kpis/${month}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ callSetupSeconds: n % 2 === 0 ? 1.5 : 1.6, callSuccessRatio: 99.5 }),
    });
    if (written.status !== 200) throw new Error(`the write before miss ${n} answered ${written.status}: ${await written.text()}`);
    const began = performance.now();
    const response = await fetch(`${server.url}/`);
    await response.arrayBuffer();
    if (response.headers.get('x-cache') !== 'MISS') throw new Error(`request ${n} after a write was a ${response.headers.get('x-cache')}`);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(count / 2)]!, p99: times[Math.min(count - 1, Math.floor(count * 0.99))]! };
}

/** Every public page both languages link to, in the cache; then the server's resident memory. */
async function warmAll(server: RunningServer): Promise<{ routes: number; rssMb: number; peakMb: number }> {
  const seen = new Set(['/', '/en/']);
  const queue = [...seen];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await fetch(server.url + path);
    const text = await response.text();
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    for (const link of linksOf(text, server.url)) {
      if (seen.has(link) || link.startsWith('/_astro/')) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  // Resident now, and the most it has been since the server started (Linux: /proc).
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { routes: seen.size, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

const rows: Row[] = [];
const notes: string[] = [];
for (const driver of drivers) {
  for (const years of [1, 10]) {
    const prepared = await prepare(years, driver);
    // The server knows the build's files from its start: the file is there before, its bytes after.
    writeFileSync(staticFile, '');
    const server = await startServer(prepared.env);
    try {
      const home = Buffer.from(await (await fetch(`${server.url}/`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer());
      writeFileSync(staticFile, home);
      const where = `${years} year${years > 1 ? 's' : ''}, ${driver}`;
      rows.push(await hammer(`home, cached (${where})`, `${server.url}/`));
      rows.push(await hammer(`same bytes as a static file (${where})`, `${server.url}/bench-static.html`));
      rows.push(await hammer(`home, cached, brotli (${where})`, `${server.url}/`, { 'Accept-Encoding': 'br' }));
      const baseline = await hammer(`home, cached, each request built anew (${where})`, `${server.url}/`, {}, samePath);
      rows.push(baseline);
      const flood = await hammer(`home, a unique query string per request (${where})`, `${server.url}/`, {}, uniqueQueries);
      rows.push(flood);
      const cached = rows.find((r) => r.label === `home, cached (${where})`)!;
      const ratio = (row: Row) => (flood.perSecond / row.perSecond).toFixed(2);
      notes.push(`unique query strings (${where}): ${ratio(cached)} × the cached rate, ${ratio(baseline)} × with the same client work; p99 ${flood.p99} ms (target ≥ 0.5 ×, ≤ 50 ms)`);
      // Memory before the writes of the misses: a write starts the notification thread, which
      // holds about 55 MB until a minute after it last sent (docs/figures.md, memory).
      const warm = await warmAll(server);
      const miss = await misses(server, prepared.token);
      notes.push(`miss (home rendered, ${where}): p50 ${miss.p50.toFixed(1)} ms, p99 ${miss.p99.toFixed(1)} ms`);
      await server.stop();
      const cache = /Response cache: (.+)/.exec(server.output())?.[1] ?? '?';
      notes.push(`memory (${where}): ${warm.rssMb.toFixed(0)} MB resident (at most ${warm.peakMb.toFixed(0)} MB since the start) with ${warm.routes} public routes visited, before the writes; response cache at the end: ${cache}`);
    } finally {
      await server.stop();
      unlinkSync(staticFile);
      await prepared.drop();
    }
  }
}

console.log(`${CONNECTIONS} connections, ${DURATION} s each, autocannon and server on one machine (${cpus().length} × ${cpus()[0]?.model})`);
console.log('| what | bytes | req/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.bytes.toLocaleString('en')} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} |`);
for (const note of notes) console.log(`- ${note}`);
