// Shared pieces of the command tests: a migrated database with the catalogue's products,
// actors (the command line, users acting through a token or the console), the audit rows
// and data version a write leaves, and the CommandError a refused command throws.
import { asc } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '#db/client.ts';
import { auditLog, users } from '#db/schema.ts';
import type { Actor, Role, TokenScope } from '#src/domain/actor.ts';
import { readDataVersion } from '#src/commands/data-version.ts';
import { CommandError } from '#src/commands/errors.ts';
import type { CommandContext } from '#src/commands/run.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';
import { freshDatabase, type Driver, type TestDatabase } from './databases.ts';
import { dumpTables } from './table-dump.ts';

export const cli: Actor = { kind: 'system', name: 'cli' };

/** A migrated database holding the six products of db/catalogue.json. */
export async function databaseWithProducts(driver: Driver): Promise<TestDatabase> {
  const database = await freshDatabase(driver);
  await syncCatalogue(database.handle.db, readCatalogue('db/catalogue.json'), new Date('2025-01-01T00:00:00Z'));
  return database;
}

export type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * A user row (the audit log's user_id refers to it) and the actor acting as that user:
 * through a token with `scopes` (prefix vzs_test0001 unless given), or without a token
 * (the console) when `scopes` is null.
 */
export async function userActor(
  db: Database,
  { email = 'noc@example.nl', role = 'operator' as Role, scopes = ['incidents'] as TokenScope[] | null, prefix = 'vzs_test0001' } = {},
): Promise<UserActor> {
  const [row] = await db.insert(users).values({ email, name: email.split('@')[0]!, role, createdAt: new Date('2026-01-01T00:00:00Z') }).returning();
  return { kind: 'user', userId: row!.id, email, role, ...(scopes && { token: { id: 1, prefix, scopes } }) };
}

export const context = (db: Database, actor: Actor, now: Date | string): CommandContext => ({ db, actor, now: new Date(now) });

/** The CommandError `promise` rejects with; fails the test when it resolves or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<CommandError> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if ('resolved' in outcome) throw new Error(`expected a CommandError, the command succeeded with ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.error).toBeInstanceOf(CommandError);
  return outcome.error as CommandError;
}

/** Runs `refused`, expects a CommandError, and checks that no table changed. */
export async function refusedWithoutWriting(db: Database, refused: () => Promise<unknown>): Promise<CommandError> {
  const before = await dumpTables(db);
  const error = await refusal(refused());
  expect(await dumpTables(db)).toEqual(before);
  return error;
}

export async function auditRows(db: Database) {
  return db.select().from(auditLog).orderBy(asc(auditLog.id));
}

/** What a write left: its new audit rows (after `since` of them) and the data version. */
export async function trail(db: Database, since = 0) {
  const rows = (await auditRows(db)).slice(since);
  return { rows, actions: rows.map((r) => r.action), version: (await readDataVersion(db)).version };
}
