// How every command runs: parse the input with its zod schema, check the actor's
// permission, then do the work in one transaction that also writes the audit row and
// bumps the data version. Whatever a command refuses, it refuses before committing, so a
// refused request has written nothing.
import type { z } from 'zod';
import type { Database, Transaction } from '#db/client.ts';
import { can, type Actor, type Permission } from '#src/domain/actor.ts';
import { writeAudits, type AuditEntry } from '#src/audit/write.ts';
import { bumpDataVersion } from './data-version.ts';
import { CommandError, invalidInput } from './errors.ts';
import { uniqueExternalIdClash } from './external-id.ts';

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
  /**
   * The audit entry for what was written, or one per entity a command changed (the
   * import); null or none when nothing changed (no version bump).
   */
  audit: AuditEntry | readonly AuditEntry[] | null;
}

/**
 * Kinds of data no public page or feed shows: users and their tokens (the incident
 * templates are managed as users are) and the subscribers. A write of only these leaves the
 * data version alone, so no cached page is rendered again for it.
 */
const UNPUBLISHED: ReadonlySet<Permission> = new Set(['users', 'tokens', 'subscribers']);

/**
 * Runs `work` in one transaction with the audit rows and, when it writes what the public
 * pages show (any permission but those UNPUBLISHED, unless `publishes` says otherwise), the
 * data-version bump. A command that touches several kinds (the import) needs the permission of each.
 */
export async function runCommand<T>(
  ctx: CommandContext,
  permission: Permission | readonly Permission[],
  work: (tx: Transaction) => Promise<WorkResult<T>>,
  options: { publishes?: boolean } = {},
): Promise<T> {
  const permissions = typeof permission === 'string' ? [permission] : permission;
  for (const p of permissions) requirePermission(ctx.actor, p);
  const publishes = options.publishes ?? permissions.some((p) => !UNPUBLISHED.has(p));
  try {
    return await ctx.db.transaction(async (tx) => {
      const { result, audit } = await work(tx);
      const entries = audit === null ? [] : 'action' in audit ? [audit] : audit;
      if (entries.length > 0) {
        await writeAudits(tx, ctx.actor, ctx.now, entries);
        if (publishes) await bumpDataVersion(tx, ctx.now);
      }
      return result;
    });
  } catch (error) {
    // Two writers claiming one external id at once: the second meets the unique index.
    throw uniqueExternalIdClash(error) ?? error;
  }
}

/** The caller's If-Match version, when given, must be the stored one. */
export function checkVersion(stored: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== stored) {
    throw new CommandError('stale', `${what} was changed by someone else (version ${stored}, you sent ${expected}): reload and try again`);
  }
}
