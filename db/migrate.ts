// Applies the committed drizzle-kit migrations in db/migrations: the same ones at start-up,
// in `npm run db:migrate`, in tests, on the embedded database and on a server. Also tells
// which are committed, for GET /readyz (src/server/readiness.ts).
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DatabaseHandle } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const migrate = handle.driver === 'pglite' ? migratePglite : migratePostgres;
  // Both migrators take any drizzle pg database; the union of their parameter types is not.
  await migrate(handle.db as never, { migrationsFolder });
}

/** A migration as drizzle records it: the SHA-256 of its SQL and its journal time. */
export interface MigrationStamp {
  hash: string;
  createdAt: number;
}

/** The committed migrations in db/migrations, oldest first. */
export function committedMigrations(): MigrationStamp[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
}
