// Boot for `astro dev`: the same start-up as `npm start`, once per process.
import { committedMigrations } from '#db/migrate.ts';
import { boot } from './boot.ts';
import { loadConfig } from '#src/config/environment.ts';
import { setRuntime } from '#src/config/runtime.ts';

export async function bootForDevelopment(): Promise<void> {
  const config = loadConfig();
  const { handle } = await boot(config);
  setRuntime({ config, database: handle, clock: () => new Date(), migrations: committedMigrations() });
}
