// Serving the built app (dist/server/entry.mjs) in this process, after boot: the one
// start-up of `npm start` / `npm run serve` (src/cli/start.ts) and of the test server
// (test/support/serve-fixed.ts), which passes a fixed clock and a known history.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { committedMigrations } from '#db/migrate.ts';
import { needsSetup, newSetupToken } from '#src/auth/first-run.ts';
import { boot, type BootOptions } from './boot.ts';
import type { Config } from '#src/config/environment.ts';
import { setRuntime } from '#src/config/runtime.ts';
import { startNotifications } from '#src/notifications/runner.ts';

const entry = fileURLToPath(new URL('../../dist/server/entry.mjs', import.meta.url));

/** Boots, publishes the runtime to the pages, starts the HTTP server and closes the database on SIGINT/SIGTERM. */
export async function serve(config: Config, options: BootOptions = {}): Promise<void> {
  if (!existsSync(entry)) throw new Error('dist/server/entry.mjs is missing: run `npm run build` first (npm start does).');
  const clock = options.clock ?? (() => new Date());
  const { handle, seeded } = await boot(config, { ...options, clock });
  // First run: no administrator yet, so a one-time set-up link (src/auth/first-run.ts).
  let setup = null;
  if (await needsSetup(handle.db)) {
    const made = newSetupToken(Date.now());
    setup = { tokenHash: made.tokenHash, expiresAt: made.expiresAt };
    console.log(`No administrator yet: create one within the hour at ${config.siteUrl}/admin/setup?token=${made.token}`);
  }
  setRuntime({ config, database: handle, clock, setup, migrations: committedMigrations() });
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  const filled = seeded ? (options.history === undefined ? ', filled with 13 months of demo history' : ', filled with the history handed over') : '';
  console.log(`Database: ${where}${filled}`);
  // Notifications: sent from this process unless `npm run worker` sends them.
  const notifications = config.notifications.inProcessWorker ? startNotifications(handle.db, config, clock) : null;
  console.log(notifications ? `Notifications: sent by this process; mail: ${notifications.mail.describe}` : 'Notifications: queued for `npm run worker` (NOTIFICATION_WORKERS=separate)');
  process.env.HOST = config.host;
  process.env.PORT = String(config.port);
  await import(entry);
  const stop = async () => {
    await notifications?.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
