// Applies the committed drizzle-kit migrations in db/migrations: the same ones at start-up,
// in `npm run db:migrate`, in tests, on the embedded database and on a server.
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DatabaseHandle } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const migrate = handle.driver === 'pglite' ? migratePglite : migratePostgres;
  // Both migrators take any drizzle pg database; the union of their parameter types is not.
  await migrate(handle.db as never, { migrationsFolder });
}
