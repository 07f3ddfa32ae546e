// The pieces every incident command shares: the incident row locked for this transaction
// (concurrent writers queue here, so none loses the other's update), the latest update
// with its full impact snapshot, and writing one update with its snapshot.
import { desc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '#db/client.ts';
import { incidentUpdateImpacts, incidentUpdates, incidents } from '#db/schema.ts';
import { checkVersion } from '#src/commands/run.ts';
import { notFound } from '#src/commands/errors.ts';
import type { Impact, IncidentStatus } from '#src/domain/vocabulary.ts';

export type IncidentRow = typeof incidents.$inferSelect;
export type UpdateRow = typeof incidentUpdates.$inferSelect;

export async function lockIncident(tx: Transaction, id: number, expectedVersion?: number): Promise<IncidentRow> {
  const [row] = Number.isSafeInteger(id) && id > 0 ? await tx.select().from(incidents).where(eq(incidents.id, id)).for('update') : [];
  if (!row) throw notFound('incident', id);
  checkVersion(row.version, expectedVersion, `incident ${id}`);
  return row;
}

type Thread = (UpdateRow & { impacts: Map<number, Impact> })[];

/** The updates oldest first, each with its impact snapshot (product id → impact). */
export async function threadOf(tx: Transaction, incidentId: number): Promise<Thread> {
  return (await threadsOf(tx, [incidentId])).get(incidentId) ?? [];
}

/** The threads of several incidents in two queries (the import reads hundreds at once). */
export async function threadsOf(tx: Transaction, incidentIds: readonly number[]): Promise<Map<number, Thread>> {
  const threads = new Map<number, Thread>(incidentIds.map((id) => [id, []]));
  if (incidentIds.length === 0) return threads;
  const ofIncidents = inArray(incidentUpdates.incidentId, [...incidentIds]);
  const updates = await tx.select().from(incidentUpdates).where(ofIncidents).orderBy(incidentUpdates.publishedAt, incidentUpdates.id);
  const impactRows = await tx
    .select({ updateId: incidentUpdateImpacts.updateId, productId: incidentUpdateImpacts.productId, impact: incidentUpdateImpacts.impact })
    .from(incidentUpdateImpacts)
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, incidentUpdateImpacts.updateId))
    .where(ofIncidents);
  const impacts = new Map<number, Map<number, Impact>>();
  for (const r of impactRows) impacts.set(r.updateId, (impacts.get(r.updateId) ?? new Map()).set(r.productId, r.impact));
  for (const u of updates) threads.get(u.incidentId)!.push({ ...u, impacts: impacts.get(u.id) ?? new Map() });
  return threads;
}

export interface NewUpdate {
  publishedAt: Date;
  status: IncidentStatus;
  message: string;
  messageEn: string | null;
}

export async function insertUpdate(tx: Transaction, incidentId: number, update: NewUpdate, impacts: Map<number, Impact>): Promise<UpdateRow> {
  return (await insertUpdates(tx, incidentId, [{ ...update, impacts }]))[0]!;
}

/** Appends updates, oldest first, each with its full impact snapshot, in two statements. */
export async function insertUpdates(tx: Transaction, incidentId: number, updates: readonly (NewUpdate & { impacts: ReadonlyMap<number, Impact> })[]): Promise<UpdateRow[]> {
  if (updates.length === 0) return [];
  const rows = await tx
    .insert(incidentUpdates)
    .values(updates.map(({ impacts: _i, ...u }) => ({ incidentId, ...u })))
    .returning();
  const impactRows = updates.flatMap((u, n) => [...u.impacts].map(([productId, impact]) => ({ updateId: rows[n]!.id, productId, impact })));
  if (impactRows.length > 0) await tx.insert(incidentUpdateImpacts).values(impactRows);
  return rows;
}

/** The incident's own status and resolution follow its latest update; the version rises. */
export async function refreshIncident(tx: Transaction, incident: IncidentRow, now: Date, changes: Partial<IncidentRow> = {}): Promise<IncidentRow> {
  const [latest] = await tx.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incident.id)).orderBy(desc(incidentUpdates.publishedAt), desc(incidentUpdates.id)).limit(1);
  const [row] = await tx
    .update(incidents)
    .set({
      ...changes,
      status: latest!.status,
      resolvedAt: latest!.status === 'resolved' ? latest!.publishedAt : null,
      version: incident.version + 1,
      updatedAt: now,
    })
    .where(eq(incidents.id, incident.id))
    .returning();
  return row!;
}

/** For the audit log: the columns that say what the public saw. */
export const incidentAudit = (row: IncidentRow) => ({
  title: row.title,
  titleEn: row.titleEn,
  category: row.category,
  reportedAt: row.reportedAt,
  status: row.status,
  resolvedAt: row.resolvedAt,
  version: row.version,
});
export const updateAudit = (row: UpdateRow) => ({ id: row.id, publishedAt: row.publishedAt, status: row.status, message: row.message, messageEn: row.messageEn });
