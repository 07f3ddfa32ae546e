// How every command runs: parse the input with its zod schema, check the actor's
// permission, then do the work in one transaction that also writes the audit row and
// bumps the data version. Whatever a command refuses, it refuses before committing, so a
// refused request has written nothing.
import type { z } from 'zod';
import type { Database, Transaction } from '#db/client.ts';
import { can, type Actor, type Permission } from '#src/domain/actor.ts';
import { writeAudit, type AuditEntry } from '#src/audit/write.ts';
import { bumpDataVersion } from './data-version.ts';
import { CommandError, invalidInput } from './errors.ts';

export interface CommandContext {
  db: Database;
  actor: Actor;
  /** The time of the request: defaults and "not in the future" rules use it. */
  now: Date;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    const why = actor.kind === 'user' && actor.token ? `the token lacks the scope "${permission}"` : `the role may not manage ${permission}`;
    throw new CommandError('forbidden', `not allowed: ${why}`);
  }
}

export interface WorkResult<T> {
  result: T;
  /** The audit entry for what was written; null when nothing changed (no version bump). */
  audit: AuditEntry | null;
}

/**
 * Runs `work` in one transaction with the audit row and, for what the public page shows
 * (`publishes`, the default), the data-version bump. Users and tokens publish nothing.
 */
export async function runCommand<T>(
  ctx: CommandContext,
  permission: Permission,
  work: (tx: Transaction) => Promise<WorkResult<T>>,
  { publishes = true } = {},
): Promise<T> {
  requirePermission(ctx.actor, permission);
  return ctx.db.transaction(async (tx) => {
    const { result, audit } = await work(tx);
    if (audit) {
      await writeAudit(tx, ctx.actor, ctx.now, audit);
      if (publishes) await bumpDataVersion(tx, ctx.now);
    }
    return result;
  });
}

/** The caller's If-Match version, when given, must be the stored one. */
export function checkVersion(stored: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== stored) {
    throw new CommandError('stale', `${what} was changed by someone else (version ${stored}, you sent ${expected}): reload and try again`);
  }
}
