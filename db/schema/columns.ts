// Column helpers every table file of the schema uses.
import { sql } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/** A timestamptz read and written as a Date (UTC). */
export const utc = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A CHECK that the column holds one of the values. */
export const oneOf = (column: string, values: readonly (string | number)[]) =>
  sql.raw(`${column} in (${values.map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(', ')})`);
