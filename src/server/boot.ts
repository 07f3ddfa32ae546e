// Start-up, shared by `npm start`, `astro dev` and the CLI commands: open the database
// named by the configuration, apply migrations, sync the product catalogue and, on an
// empty embedded database, fill the demo history.
import { count } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type Database } from '#db/client.ts';
import { runMigrations } from '#db/migrate.ts';
import { incidents, maintenances, outages } from '#db/schema.ts';
import { generateDemoHistory } from '#src/demo/history.ts';
import { importHistory } from '#src/history-import/write.ts';
import { readCatalogue, syncCatalogue } from './catalogue.ts';
import type { Config } from './config.ts';

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  // A bad catalogue is a configuration error: found before any database is touched.
  const catalogue = readCatalogue(config.catalogueFile);
  const handle = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await runMigrations(handle);
    // One transaction: a start that fails half-way leaves the products as they were.
    await handle.db.transaction((tx) => syncCatalogue(tx, catalogue, new Date()));
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Opens, migrates and syncs; fills demo history only into an empty embedded database. */
export async function boot(config: Config, now = new Date()): Promise<{ handle: DatabaseHandle; seeded: boolean }> {
  const handle = await openConfiguredDatabase(config);
  const seeded = !config.databaseUrl && config.demoData === 'auto' && (await hasNoHistory(handle.db));
  if (seeded) await seedDemoHistory(handle.db, now);
  return { handle, seeded };
}

export async function hasNoHistory(db: Database): Promise<boolean> {
  const counts = await Promise.all([incidents, maintenances, outages].map((t) => db.select({ n: count() }).from(t)));
  return counts.every(([row]) => row!.n === 0);
}

export async function seedDemoHistory(db: Database, now: Date): Promise<void> {
  const result = await importHistory(db, generateDemoHistory(now), { now, actor: 'demo' });
  if (!result.ok) {
    throw new Error(`the demo history does not import: ${result.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
}
