// External ids: the number a writer's own system gives an incident, maintenance or outage
// (a change ticket, an NMS alarm). One per row and unique per kind, so the import and the
// API name the same row by it; a second create with a taken id is refused (409) naming it.
import { eq } from 'drizzle-orm';
import type { Queryable, Transaction } from '#db/client.ts';
import { incidents, maintenances, outages } from '#db/schema.ts';
import { CommandError } from './errors.ts';

const TABLES = { incident: incidents, maintenance: maintenances, outage: outages } as const;
export type ExternalIdKind = keyof typeof TABLES;

export function externalIdTaken(kind: ExternalIdKind, externalId: string, id: number): CommandError {
  return new CommandError('conflict', `externalId "${externalId}" is already ${kind} ${id}`, [{ path: 'externalId', message: `is already used by ${kind} ${id}` }]);
}

/** Refuses an id another row of the kind holds; a create racing this check meets the unique index (uniqueExternalIdClash). */
export async function requireFreeExternalId(tx: Queryable, kind: ExternalIdKind, externalId: string | undefined): Promise<void> {
  if (externalId === undefined) return;
  const table = TABLES[kind];
  const [taken] = await tx.select({ id: table.id }).from(table).where(eq(table.externalId, externalId));
  if (taken) throw externalIdTaken(kind, externalId, taken.id);
}

type Tables = typeof TABLES;

/** Creates a row of the kind under its external id (none: null), refusing an id another row holds. */
export async function insertUnderExternalId<K extends ExternalIdKind>(
  tx: Transaction,
  kind: K,
  externalId: string | undefined,
  values: Omit<Tables[K]['$inferInsert'], 'externalId'>,
): Promise<Tables[K]['$inferSelect']> {
  await requireFreeExternalId(tx, kind, externalId);
  // One statement for three tables: drizzle types an insert per table, hence the casts.
  const table = TABLES[kind] as Tables['incident'];
  const [row] = await tx
    .insert(table)
    .values({ ...(values as Omit<Tables['incident']['$inferInsert'], 'externalId'>), externalId: externalId ?? null })
    .returning();
  return row as Tables[K]['$inferSelect'];
}

/** The unique index of each kind's external id (db/schema/history.ts). */
const CONSTRAINTS: Readonly<Record<string, ExternalIdKind>> = {
  incidents_external_id_key: 'incident',
  maintenances_external_id_key: 'maintenance',
  outages_external_id_key: 'outage',
};

/** A unique-index violation on an external id (PostgreSQL 23505, from either driver), as the conflict it is. */
export function uniqueExternalIdClash(error: unknown): CommandError | null {
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const e = cause as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    const kind = CONSTRAINTS[String(e.constraint ?? e.constraint_name ?? '')];
    if (e.code === '23505' && kind) return new CommandError('conflict', `externalId is already used by another ${kind}`, [{ path: 'externalId', message: 'is already used' }]);
  }
  return null;
}
