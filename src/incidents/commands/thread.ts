// The pieces every incident command shares: the incident row locked for this transaction
// (concurrent writers queue here, so none loses the other's update), the latest update
// with its full impact snapshot, and writing one update with its snapshot.
import { desc, eq } from 'drizzle-orm';
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

/** The updates oldest first, each with its impact snapshot (product id → impact). */
export async function threadOf(tx: Transaction, incidentId: number): Promise<(UpdateRow & { impacts: Map<number, Impact> })[]> {
  const updates = await tx.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incidentId)).orderBy(incidentUpdates.publishedAt, incidentUpdates.id);
  const impactRows = await tx
    .select({ updateId: incidentUpdateImpacts.updateId, productId: incidentUpdateImpacts.productId, impact: incidentUpdateImpacts.impact })
    .from(incidentUpdateImpacts)
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, incidentUpdateImpacts.updateId))
    .where(eq(incidentUpdates.incidentId, incidentId));
  return updates.map((u) => ({ ...u, impacts: new Map(impactRows.filter((r) => r.updateId === u.id).map((r) => [r.productId, r.impact])) }));
}

export interface NewUpdate {
  publishedAt: Date;
  status: IncidentStatus;
  message: string;
  messageEn: string | null;
}

export async function insertUpdate(tx: Transaction, incidentId: number, update: NewUpdate, impacts: Map<number, Impact>): Promise<UpdateRow> {
  const [row] = await tx.insert(incidentUpdates).values({ incidentId, ...update }).returning();
  if (impacts.size > 0) {
    await tx.insert(incidentUpdateImpacts).values([...impacts].map(([productId, impact]) => ({ updateId: row!.id, productId, impact })));
  }
  return row!;
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
