// `npm run bench:notify` (node test/bench/notify.ts): notifications at scale against the
// built app (`npm run build` first), as docs/figures.md reports them. For 1,000 and 20,000
// e-mail subscribers of every product, without and with 5 webhooks that accept a
// connection and never answer, on the embedded database (and on PostgreSQL with
// TEST_DATABASE_URL): one incident opened through /api/v1; the write's time to its 201;
// the first and the last mail handed to a local SMTP sink (a child process that accepts
// everything), counted from the 201; mails a second; duplicates; and the p50/p99 of the
// cached /api/v2/status.json under 16 connections meanwhile, against the same route idle.
// Not a test: the figures go into docs/figures.md by hand. BENCH_SIZES=1000 limits the
// sizes, BENCH_DRIVERS=postgres the databases.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';
import { runMigrations } from '#db/migrate.ts';
import { users } from '#db/schema.ts';
import { createToken } from '#src/auth/users.ts';
import { addSubscribers } from '#src/notifications/admin-subscribers.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';
import { drivers, freshDatabase, type Driver } from '../support/databases.ts';
import { startDeadEnd, type DeadEnd } from '../support/receivers.ts';
import { startServer } from '../support/server.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,20000').split(',').map(Number);
/** BENCH_DRIVERS=postgres: one database only. */
const DRIVERS = drivers.filter((d) => (process.env.BENCH_DRIVERS ?? d).split(',').includes(d));
const CONNECTIONS = 16;
const ROUTE = '/api/v2/status.json';

interface Sink {
  port: number;
  count(reset?: boolean): Promise<{ count: number; first: number; last: number; duplicates: number }>;
  stop(): void;
}

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'smtp-sink.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [ready] = (await once(child, 'message')) as [{ port: number }];
  const ask = async (type: 'count' | 'reset') => {
    child.send({ type });
    const [answer] = (await once(child, 'message')) as [{ count: number; first: number; last: number; duplicates: number }];
    return answer;
  };
  return { port: ready.port, count: (reset = false) => ask(reset ? 'reset' : 'count'), stop: () => child.kill() };
}

async function prepare(driver: Driver, size: number, hooks: DeadEnd[]): Promise<{ env: Record<string, string>; token: string; drop(): Promise<void> }> {
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  if (driver === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'status-bench-notify-'));
    handle = await openDatabase({ dataDir: dir });
    env = { DATA_DIR: dir };
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const database = await freshDatabase('postgres', { migrated: false });
    handle = database.handle;
    env = { DATABASE_URL: database.url!, DATA_DIR: mkdtempSync(join(tmpdir(), 'status-bench-pages-')) };
    drop = () => database.drop();
  }
  const now = new Date();
  await runMigrations(handle);
  await syncCatalogue(handle.db, readCatalogue('db/catalogue.json'), new Date(+now - 86_400_000));
  const [admin] = await handle.db.insert(users).values({ email: 'noc@example.nl', name: 'NOC', role: 'admin', createdAt: now }).returning();
  const ctx = { db: handle.db, actor: { kind: 'user' as const, userId: admin!.id, email: admin!.email, role: 'admin' as const }, now };
  const { token } = await createToken({ db: handle.db, actor: { kind: 'system', name: 'cli' }, now }, { email: 'noc@example.nl', name: 'bench' });
  // The dead webhooks first, so that they are at the head of the queue.
  if (hooks.length) await addSubscribers(ctx, { subscribers: hooks.map((h, i) => ({ channel: 'webhook', url: `${h.url}${i}`, email: 'ops@example.nl' })) }, { allowPrivate: true });
  for (let start = 0; start < size; start += 10_000) {
    const slice = Array.from({ length: Math.min(10_000, size - start) }, (_, i) => ({ email: `klant${start + i}@example.nl`, locale: i % 4 ? 'nl' : 'en' }));
    await addSubscribers(ctx, { subscribers: slice }, { allowPrivate: false });
  }
  if (driver === 'pglite') await handle.close();
  return { env, token, drop };
}

const latency = async (url: string, seconds: number) => {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return { p50: r.latency.p50, p99: r.latency.p99, perSecond: Math.round(r.requests.average) };
};

async function measure(driver: Driver, size: number, deadHooks: number, sink: Sink) {
  const hooks = await Promise.all(Array.from({ length: deadHooks }, () => startDeadEnd()));
  const prepared = await prepare(driver, size, hooks);
  const server = await startServer({ ...prepared.env, DEMO_DATA: 'off', SMTP_URL: `smtp://127.0.0.1:${sink.port}`, WEBHOOK_ALLOW_PRIVATE: 'true' }, { timeoutMs: 120_000 });
  try {
    await latency(`${server.url}${ROUTE}`, 2);
    const idle = await latency(`${server.url}${ROUTE}`, 5);
    await sink.count(true);
    // Load on the cached route from before the write until the last mail is out.
    const load = autocannon({ url: `${server.url}${ROUTE}`, connections: CONNECTIONS, duration: 600 });
    await new Promise((r) => setTimeout(r, 1000));
    const began = performance.now();
    const response = await fetch(`${server.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${prepared.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Storing alle diensten', category: 2, status: 'investigating', message: 'We onderzoeken een storing.', impacts: { voipnow: 'major_outage' } }),
    });
    const answered = Date.now();
    const writeMs = performance.now() - began;
    if (response.status !== 201) throw new Error(`POST /api/v1/incidents: ${response.status} ${await response.text()}`);
    let seen = await sink.count();
    const deadline = Date.now() + 10 * 60_000;
    while (seen.count < size && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      seen = await sink.count();
    }
    (load as unknown as { stop(): void }).stop();
    const busy = await load;
    const row = {
      driver,
      size,
      deadHooks,
      writeMs: Math.round(writeMs),
      firstMs: seen.first - answered,
      lastMs: seen.last - answered,
      mailsPerSecond: Math.round(seen.count / Math.max(0.001, (seen.last - answered) / 1000)),
      sent: seen.count,
      duplicates: seen.duplicates,
      idle: `${idle.p50} / ${idle.p99} ms`,
      busy: `${busy.latency.p50} / ${busy.latency.p99} ms (${Math.round(busy.requests.average)} req/s)`,
    };
    console.log(JSON.stringify(row));
    return row;
  } finally {
    await server.stop();
    await prepared.drop();
    await Promise.all(hooks.map((h) => h.close()));
  }
}

const sink = await startSink();
const rows = [];
try {
  for (const driver of DRIVERS) for (const size of SIZES) for (const deadHooks of [0, 5]) rows.push(await measure(driver, size, deadHooks, sink));
} finally {
  sink.stop();
}
console.log(`\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model}; ${CONNECTIONS} connections on ${ROUTE}; times from the 201.`);
console.log('| database | subscribers | dead webhooks | write (201) | first mail | last mail | mails/s | duplicates | status.json p50 / p99 idle | … while sending |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.driver} | ${r.size.toLocaleString('en')} | ${r.deadHooks} | ${r.writeMs} ms | ${(r.firstMs / 1000).toFixed(2)} s | ${(r.lastMs / 1000).toFixed(2)} s | ${r.mailsPerSecond} | ${r.duplicates} | ${r.idle} | ${r.busy} |`);
}
process.exit(0);
