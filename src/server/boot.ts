// Start-up, shared by `npm start`, `astro dev`, the CLI commands and the test server
// (test/support/serve-fixed.ts): open the database named by the configuration, apply
// migrations, sync the product catalogue and, on an empty embedded database, fill the demo
// history (or the history the caller hands over).
import { count } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type Database } from '#db/client.ts';
import { runMigrations } from '#db/migrate.ts';
import { incidents, maintenances, outages } from '#db/schema.ts';
import { generateDemoHistory } from '#src/demo/history.ts';
import { demoWasRemoved } from '#src/demo/remove.ts';
import { importHistory, type ImportOptions } from '#src/history-import/write.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';
import type { Config } from '#src/config/environment.ts';

export async function openConfiguredDatabase(config: Config, now = new Date()): Promise<DatabaseHandle> {
  // A bad catalogue is a configuration error: found before any database is touched.
  const catalogue = readCatalogue(config.catalogueFile);
  const handle = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await prepareDatabase(handle, config, now, catalogue);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Migrations, then the product catalogue: on an open handle (also one that was away at start). */
export async function prepareDatabase(handle: DatabaseHandle, config: Config, now: Date, catalogue = readCatalogue(config.catalogueFile)): Promise<void> {
  await runMigrations(handle);
  // One transaction: a start that fails half-way leaves the products as they were.
  await handle.db.transaction((tx) => syncCatalogue(tx, catalogue, now));
}

export interface BootOptions {
  /** The clock of the start-up (catalogue sync, demo history); the wall clock unless a test fixes it. */
  clock?: () => Date;
  /**
   * A history document (the import format) for an empty database, in place of the demo
   * history and whatever DEMO_DATA says: how the browser and end-to-end tests start with
   * a known history.
   */
  history?: unknown;
}

/** Opens, migrates and syncs; fills demo history only into an empty embedded database that never had its demo removed. */
export async function boot(config: Config, { clock = () => new Date(), history }: BootOptions = {}): Promise<{ handle: DatabaseHandle; seeded: boolean }> {
  const now = clock();
  const handle = await openConfiguredDatabase(config, now);
  try {
    if (history !== undefined) {
      const seeded = await hasNoHistory(handle.db);
      if (seeded) await importOrThrow(handle.db, history, { now }, 'the history handed to boot');
      return { handle, seeded };
    }
    // Not again into a database whose demo history was removed (npm run -s demo -- remove).
    const seeded = !config.databaseUrl && config.demoData === 'auto' && (await hasNoHistory(handle.db)) && !(await demoWasRemoved(handle.db));
    if (seeded) await seedDemoHistory(handle.db, now);
    return { handle, seeded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function hasNoHistory(db: Database): Promise<boolean> {
  const counts = await Promise.all([incidents, maintenances, outages].map((t) => db.select({ n: count() }).from(t)));
  return counts.every(([row]) => row!.n === 0);
}

export async function seedDemoHistory(db: Database, now: Date): Promise<void> {
  await importOrThrow(db, generateDemoHistory(now), { now, actor: { kind: 'system', name: 'demo' } }, 'the demo history');
}

async function importOrThrow(db: Database, history: unknown, options: ImportOptions, what: string): Promise<void> {
  const result = await importHistory(db, history, options);
  if (!result.ok) {
    throw new Error(`${what} does not import: ${result.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
}
