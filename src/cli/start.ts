// `npm start` / `npm run serve`: validate the configuration, prepare the database, then
// start the built Astro server (dist/server/entry.mjs) in this same process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { needsSetup, newSetupToken } from '#src/auth/first-run.ts';
import { committedMigrations } from '#db/migrate.ts';
import { boot } from '#src/server/boot.ts';
import { loadConfig } from '#src/server/config.ts';
import { setRuntime } from '#src/server/runtime.ts';
import { failOnStartupError } from './fail.ts';

const entry = fileURLToPath(new URL('../../dist/server/entry.mjs', import.meta.url));

try {
  const config = loadConfig();
  if (!existsSync(entry)) throw new Error('dist/server/entry.mjs is missing: run `npm run build` first (npm start does).');
  const { handle, seeded } = await boot(config);
  let setup = null;
  if (await needsSetup(handle.db)) {
    const made = newSetupToken(Date.now());
    setup = { tokenHash: made.tokenHash, expiresAt: made.expiresAt };
    console.log(`No administrator yet: create one within the hour at ${config.siteUrl}/admin/setup?token=${made.token}`);
  }
  setRuntime({ config, database: handle, clock: () => new Date(), setup, migrations: committedMigrations() });
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
  console.log(`Database: ${where}${seeded ? ', filled with 13 months of demo history' : ''}`);
  process.env.HOST = config.host;
  process.env.PORT = String(config.port);
  await import(entry);
  const stop = async () => {
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  failOnStartupError(error);
}
