// The one writer of audit rows: who (user and token prefix, or a system actor), what
// (action on an entity) and the entity before and after. Runs inside the command's
// transaction, so an audit row exists exactly when the write does.
import type { Queryable } from '#db/client.ts';
import { auditLog } from '#db/schema.ts';
import { actorName, type Actor } from '#src/domain/actor.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Rows per statement: an import may write thousands, each with its before and after. */
const BATCH = 500;

export async function writeAudit(tx: Queryable, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, actor, at, [entry]);
}

/** Several entries of one command (an import), in the order given. */
export async function writeAudits(tx: Queryable, actor: Actor, at: Date, entries: readonly AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({
    userId: actor.kind === 'user' ? actor.userId : null,
    actor: actorName(actor),
    tokenPrefix: actor.kind === 'user' ? (actor.token?.prefix ?? null) : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    at,
  }));
  for (let n = 0; n < rows.length; n += BATCH) await tx.insert(auditLog).values(rows.slice(n, n + BATCH));
}
