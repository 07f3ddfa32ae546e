// The write side's bookkeeping: the published state's version and the API's idempotency keys.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { utc } from './columns.ts';
import { apiTokens } from './access.ts';
/**
 * The published state's version: every write (commands, import, demo) bumps it in its own
 * transaction, so readers and caches can tell that what the page shows has changed.
 */
export const dataVersion = pgTable(
  'data_version',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull(),
    changedAt: utc('changed_at').notNull(),
  },
  (t) => [check('data_version_single_row', sql`${t.id} = 1`)],
);

/** The first answer to a POST with an Idempotency-Key, replayed to a retry for 24 hours. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: smallint('status').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    body: text('body').notNull(),
    createdAt: utc('created_at').notNull(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pk', columns: [t.tokenId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
