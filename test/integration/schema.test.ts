// Migrations from empty, on the embedded database and on a real PostgreSQL server.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '#db/migrate.ts';
import { drivers, freshDatabase, type TestDatabase } from '../support/databases.ts';

const tables = [
  'api_tokens',
  'audit_log',
  'console_settings',
  'data_version',
  'idempotency_keys',
  'incident_reports',
  'incident_templates',
  'incident_update_impacts',
  'incident_updates',
  'incidents',
  'login_throttle',
  'maintenance_products',
  'maintenance_revisions',
  'maintenances',
  'monthly_kpis',
  'notification_events',
  'notification_jobs',
  'outages',
  'product_groups',
  'products',
  'sessions',
  'subscriber_products',
  'subscriber_tokens',
  'subscribers',
  'users',
];

describe.each(drivers)('migrations on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it('creates every table from an empty database, and a second run changes nothing', async () => {
    database = await freshDatabase(driver, { migrated: false });
    const list = async () =>
      rowsOf<{ table_name: string }>(
        await database.handle.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        ),
      ).map((r) => r.table_name);
    expect(await list()).toEqual([]);
    await runMigrations(database.handle);
    expect(await list()).toEqual(tables);
    await runMigrations(database.handle);
    expect(await list()).toEqual(tables);
  });

  it('stores times as timestamptz and gives them back as the same instant', async () => {
    database = await freshDatabase(driver);
    const { db } = database.handle;
    const result = await db.execute<{ data_type: string }>(
      sql`select data_type from information_schema.columns where table_name = 'outages' and column_name = 'started_at'`,
    );
    expect(rowsOf<{ data_type: string }>(result)[0]?.data_type).toBe('timestamp with time zone');
    const at = await db.execute<{ at: string }>(sql`select (${'2026-03-29T01:30:00+01:00'}::timestamptz at time zone 'UTC')::text as at`);
    expect(rowsOf<{ at: string }>(at)[0]?.at).toBe('2026-03-29 00:30:00');
  });

  it('refuses rows that break the domain rules', async () => {
    database = await freshDatabase(driver);
    const { db } = database.handle;
    await expect(db.execute(sql`insert into monthly_kpis values ('2026-13', 1.5, 99.2)`)).rejects.toThrow();
    await expect(
      db.execute(sql`insert into incidents (title, category, reported_at, status) values ('x', 3, now(), 'investigating')`),
    ).rejects.toThrow();
  });
});

// postgres.js returns an array-like result; PGlite returns { rows }.
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
