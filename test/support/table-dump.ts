// Every table of the schema, read whole, to prove what an operation wrote: a dump before
// and after a refused import (or a repeated one) must be equal. Tables are found in
// db/schema.ts, so a table added later is covered without touching the tests.
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '#db/client.ts';
import * as schema from '#db/schema.ts';

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

/** Per table name, its rows as JSON strings, sorted: equal dumps mean equal contents. */
export async function dumpTables(db: Database): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db.select().from(table);
    dump[getTableName(table)] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

/** Per table name, its number of rows. */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const dump = await dumpTables(db);
  return Object.fromEntries(Object.entries(dump).map(([name, rows]) => [name, rows.length]));
}
