// Fresh databases for integration tests: an in-memory PGlite always, and a new database on
// the PostgreSQL server named by TEST_DATABASE_URL when it is set (CI sets it; there it is
// required, so PostgreSQL tests fail rather than silently skip). Each is removed afterwards.
// seededDatabase adds the product catalogue and a history: the common set-up, once.
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { EMBEDDED_START_PARAMS, openDatabase, type Database, type DatabaseHandle } from '#db/client.ts';
import { runMigrations } from '#db/migrate.ts';
import * as schema from '#db/schema.ts';
import { importHistory, type ImportResult } from '#src/history-import/write.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';

export type Driver = 'pglite' | 'postgres';

const serverUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI && !serverUrl) {
  throw new Error('CI must set TEST_DATABASE_URL so the PostgreSQL driver is tested too');
}

export const drivers: Driver[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The URL of the fresh server database (postgres only). */
  url?: string;
  drop(): Promise<void>;
}

let counter = 0;

// A fresh embedded database costs about 3 s (initdb and every migration); a copy of one
// migrated database, made once per test process, costs a tenth of that.
let migratedTemplate: Promise<Blob> | undefined;
async function migratedPglite(): Promise<DatabaseHandle> {
  migratedTemplate ??= (async () => {
    const handle = await openDatabase({ dataDir: undefined });
    await runMigrations(handle);
    const dump = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  const client = await PGlite.create({ loadDataDir: await migratedTemplate, startParams: [...EMBEDDED_START_PARAMS] });
  return { db: drizzle({ client, schema }) as unknown as Database, driver: 'pglite', close: () => client.close() };
}

/** A new, empty database; `migrated` applies the committed migrations. */
export async function freshDatabase(driver: Driver, { migrated = true } = {}): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const handle = migrated ? await migratedPglite() : await openDatabase({ dataDir: undefined });
    return { handle, drop: () => handle.close() };
  }
  const name = `status_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  if (migrated) await runMigrations(handle);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

export interface SeedOptions {
  /** When the catalogue's products are first created (their "measured since" until an import moves it). */
  catalogueAt: Date;
  /** A history document to import, at `now`. */
  history?: unknown;
  /** The time of the import (required with `history`). */
  now?: Date;
}

/**
 * The set-up of nearly every database test in one place: a fresh migrated database, the
 * product catalogue (db/catalogue.json) synced at `catalogueAt`, and, when given, a history
 * imported at `now`. The import's result is returned for the test to judge.
 */
export async function seededDatabase(driver: Driver, options: SeedOptions): Promise<TestDatabase & { imported: ImportResult | null }> {
  const database = await freshDatabase(driver);
  try {
    await syncCatalogue(database.handle.db, readCatalogue('db/catalogue.json'), options.catalogueAt);
    const imported =
      options.history === undefined ? null : await importHistory(database.handle.db, options.history, { now: options.now ?? options.catalogueAt });
    return { ...database, imported };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
