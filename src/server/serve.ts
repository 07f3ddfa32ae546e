// Serving the built app (dist/server/entry.mjs) in this process, after boot: the one
// start-up of `npm start` / `npm run serve` (src/cli/start.ts) and of the test server
// (test/support/serve-fixed.ts), which passes a fixed clock and a known history.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { committedMigrations } from '#db/migrate.ts';
import { needsSetup, newSetupToken } from '#src/auth/first-run.ts';
import { DatabaseUnavailableError, serverHandle, type DatabaseHandle } from '#db/client.ts';
import { boot, prepareDatabase, type BootOptions } from './boot.ts';
import { exportSite } from './export.ts';
import { createFront, type Front, type NodeHandler } from './front.ts';
import type { Config } from '#src/config/environment.ts';
import { setRuntime, type Runtime } from '#src/config/runtime.ts';
import { describeMail } from '#src/notifications/channels/email/transport.ts';
import { startNotificationThread } from '#src/notifications/delivery/thread.ts';
import { workerConfigOf } from '#src/notifications/runner.ts';
import { hasSavedPages, pageCacheDir } from './response-cache.ts';

/** First run: no administrator yet, so a one-time set-up link (src/auth/first-run.ts). */
async function offerSetup(handle: DatabaseHandle, config: Config, runtime: Runtime): Promise<void> {
  if (!(await needsSetup(handle.db))) return;
  const made = newSetupToken(Date.now());
  runtime.setup = { tokenHash: made.tokenHash, expiresAt: made.expiresAt };
  console.log(`No administrator yet: create one within the hour at ${config.siteUrl}/admin/setup?token=${made.token}`);
}

/** Tries the database every 5 s until it answers, then prepares it as a start-up would. */
async function whenBack(handle: DatabaseHandle, config: Config, clock: () => Date, runtime: Runtime): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    try {
      await prepareDatabase(handle, config, clock());
      console.log('Database: answers again; fresh pages from now on.');
      await offerSetup(handle, config, runtime);
      return;
    } catch {
      // Still away.
    }
  }
}

/** EXPORT_DIR: the static snapshot again a few seconds after each change (one at a time). */
function exportAfterWrites(front: Front, url: string, siteUrl: string, dir: string): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const result = await exportSite(url, siteUrl, dir);
        console.log(`Export: ${result.files} files to ${dir}.`);
      } catch (error) {
        console.error(`Export to ${dir} failed: ${(error as Error).message}`);
      }
    });
  };
  front.published.onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 3000);
    timer.unref();
  };
  run();
}

const entry = fileURLToPath(new URL('../../dist/server/entry.mjs', import.meta.url));
const clientDir = fileURLToPath(new URL('../../dist/client/', import.meta.url));

/** The files of the build the adapter serves as they are ("/robots.txt", "/_astro/…"); any other address without a route is a 404 the front server answers itself. */
function clientFiles(): Set<string> {
  if (!existsSync(clientDir)) return new Set();
  const names = readdirSync(clientDir, { recursive: true, encoding: 'utf8' });
  return new Set(names.filter((name) => statSync(join(clientDir, name)).isFile()).map((name) => `/${name.split('\\').join('/')}`));
}

export interface Started {
  front: Front;
  /** Where this instance listens, e.g. http://127.0.0.1:4321. */
  url: string;
  /** Stops accepting, finishes in-flight requests, stops the workers, closes the database. */
  stop(): Promise<void>;
}

/** Boots, publishes the runtime to the pages, starts the workers and the front server, and on SIGINT/SIGTERM shuts down gracefully. */
export async function serve(config: Config, options: BootOptions = {}): Promise<void> {
  const started = await start(config, options);
  const stop = async (signal: string) => {
    console.log(`${signal}: finishing in-flight requests (at most ${config.shutdownGraceSeconds} s), then closing the database.`);
    await started.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** The start-up without signal handling: also what `npm run export` runs on a free port. */
export async function start(config: Config, options: BootOptions & { setupLink?: boolean } = {}): Promise<Started> {
  if (!existsSync(entry)) throw new Error('dist/server/entry.mjs is missing: run `npm run build` first (npm start does).');
  const clock = options.clock ?? (() => new Date());
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  let handle: DatabaseHandle;
  let away = false;
  try {
    const booted = await boot(config, { ...options, clock });
    handle = booted.handle;
    const filled = booted.seeded ? (options.history === undefined ? ', filled with 13 months of demo history' : ', filled with the history handed over') : '';
    console.log(`Database: ${where}${filled}`);
  } catch (error) {
    // A server that is away at start-up: serve the last good pages kept on disk meanwhile.
    if (!(error instanceof DatabaseUnavailableError) || !config.databaseUrl || !hasSavedPages(config)) throw error;
    console.log(`Database: ${where} does not answer (${error.message}); serving the last good pages from ${pageCacheDir(config)} until it does.`);
    handle = serverHandle(config.databaseUrl);
    away = true;
  }
  const runtime: Runtime = { config, database: handle, clock, setup: null, migrations: committedMigrations() };
  setRuntime(runtime);
  if (away) void whenBack(handle, config, clock, runtime);
  else if (options.setupLink !== false) await offerSetup(handle, config, runtime);
  // Notifications: sent by a worker thread of this process unless `npm run worker` sends them.
  const notifications = config.notifications.inProcessWorker ? startNotificationThread(handle, workerConfigOf(config), clock) : null;
  console.log(notifications ? `Notifications: sent by a worker thread of this process while deliveries are due; mail: ${describeMail(config.notifications)}` : 'Notifications: queued for `npm run worker` (NOTIFICATION_WORKERS=separate)');
  // The adapter's handler (static files, then the app) without its own server: the front
  // server (./front.ts) listens, serves cached public responses and hands the rest over.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const { handler } = (await import(entry)) as { handler: NodeHandler };
  const front = createFront({ config, database: handle, clock, handler, staticFiles: clientFiles(), onWrite: () => notifications?.prepare() });
  await front.listen();
  const { port } = front.server.address() as { port: number };
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  console.log(`Listening on ${url} (public address ${config.siteUrl})`);
  if (config.exportDir) exportAfterWrites(front, url, config.siteUrl, config.exportDir);
  return { front, url, stop: () => front.shutdown(() => notifications?.stop()) };
}
