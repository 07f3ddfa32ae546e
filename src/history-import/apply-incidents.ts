// Incidents from an import file, matched on the external id. The file's updates carry
// impacts as deltas; stored is each update's full snapshot (foldDeltaUpdates). A new
// incident is written with its thread; a changed one through the incident commands' own
// pieces: its updates paired by position and corrected in place (so an update keeps its
// id, its permalink and its feed guid, and is marked edited like a correction through the
// API), surplus ones removed, new ones appended, and the incident refreshed from its
// latest update with its version (the API's ETag) raised.
import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '#db/client.ts';
import { incidentUpdateImpacts, incidentUpdates, incidents } from '#db/schema.ts';
import type { Impact } from '#src/domain/vocabulary.ts';
import {
  incidentAudit,
  insertUpdates,
  refreshIncident,
  threadsOf,
  updateAudit,
  type IncidentRow,
  type NewUpdate,
  type UpdateRow,
} from '#src/incidents/commands/thread.ts';
import { foldDeltaUpdates } from '#src/sla/incident-timelines.ts';
import { chunks, differingKeys, nothingApplied, type Applied } from './applied.ts';
import type { ImportIncident } from './schema.ts';

type WantedUpdate = NewUpdate & { impacts: Map<number, Impact> };

function wantedThread(i: ImportIncident, productIds: ReadonlyMap<string, number>): WantedUpdate[] {
  const snapshots = foldDeltaUpdates(i.updates.map((u) => ({ publishedAt: +u.at, status: u.status, impacts: u.impacts })));
  return i.updates.map((u, n) => ({
    publishedAt: u.at,
    status: u.status,
    message: u.message,
    messageEn: u.messageEn ?? null,
    impacts: new Map(Object.entries(snapshots[n]!.impacts).map(([slug, impact]) => [productIds.get(slug)!, impact])),
  }));
}

const sameImpacts = (a: ReadonlyMap<number, Impact>, b: ReadonlyMap<number, Impact>) => a.size === b.size && [...a].every(([id, impact]) => b.get(id) === impact);
const sameUpdate = (stored: UpdateRow & { impacts: ReadonlyMap<number, Impact> }, wanted: WantedUpdate) =>
  +stored.publishedAt === +wanted.publishedAt &&
  stored.status === wanted.status &&
  stored.message === wanted.message &&
  stored.messageEn === wanted.messageEn &&
  sameImpacts(stored.impacts, wanted.impacts);

export async function applyIncidents(tx: Transaction, items: readonly ImportIncident[], productIds: ReadonlyMap<string, number>, now: Date): Promise<Applied> {
  const applied = nothingApplied();
  const slugOf = new Map([...productIds].map(([slug, id]) => [id, slug]));
  const audited = (u: UpdateRow, impacts: ReadonlyMap<number, Impact>) => ({ ...updateAudit(u), impacts: Object.fromEntries([...impacts].map(([id, impact]) => [slugOf.get(id), impact])) });
  const existing = new Map<string, IncidentRow>();
  for (const ids of chunks(items.map((i) => i.id), 1000)) {
    for (const row of await tx.select().from(incidents).where(inArray(incidents.externalId, ids)).for('update')) existing.set(row.externalId!, row);
  }
  const threads = await threadsOf(tx, [...existing.values()].map((r) => r.id));

  for (const i of items) {
    const columns = { title: i.title, titleEn: i.titleEn ?? null, category: i.category, reportedAt: i.reportedAt };
    const thread = wantedThread(i, productIds);
    const row = existing.get(i.id);
    if (!row) {
      const last = thread.at(-1)!;
      const resolvedAt = last.status === 'resolved' ? last.publishedAt : null;
      const [created] = await tx.insert(incidents).values({ ...columns, externalId: i.id, status: last.status, resolvedAt, createdAt: now, updatedAt: now }).returning();
      const updates = await insertUpdates(tx, created!.id, thread);
      applied.audit.push({ action: 'incident.import', entityType: 'incident', entityId: created!.id, before: null, after: { ...incidentAudit(created!), updates: updates.map((u, n) => audited(u, thread[n]!.impacts)) } });
      if (!resolvedAt) applied.notices.push({ incidentId: created!.id, kind: 'incident.opened' });
      continue;
    }
    const stored = threads.get(row.id)!;
    if (differingKeys(row, columns).length === 0 && stored.length === thread.length && stored.every((u, n) => sameUpdate(u, thread[n]!))) continue;
    const kept: UpdateRow[] = [];
    for (const [n, wanted] of thread.slice(0, stored.length).entries()) {
      const before = stored[n]!;
      if (sameUpdate(before, wanted)) {
        kept.push(before);
        continue;
      }
      const { impacts, ...columnsOfUpdate } = wanted;
      const [after] = await tx.update(incidentUpdates).set({ ...columnsOfUpdate, editedAt: now }).where(eq(incidentUpdates.id, before.id)).returning();
      kept.push(after!);
      await tx.delete(incidentUpdateImpacts).where(eq(incidentUpdateImpacts.updateId, before.id));
      if (impacts.size > 0) await tx.insert(incidentUpdateImpacts).values([...impacts].map(([productId, impact]) => ({ updateId: before.id, productId, impact })));
    }
    const surplus = stored.slice(thread.length).map((u) => u.id);
    if (surplus.length > 0) await tx.delete(incidentUpdates).where(inArray(incidentUpdates.id, surplus));
    const appended = await insertUpdates(tx, row.id, thread.slice(stored.length));
    const after = await refreshIncident(tx, row, now, columns);
    applied.audit.push({
      action: 'incident.import',
      entityType: 'incident',
      entityId: row.id,
      before: { ...incidentAudit(row), updates: stored.map((u) => audited(u, u.impacts)) },
      after: { ...incidentAudit(after), updates: [...kept, ...appended].map((u, n) => audited(u, thread[n]!.impacts)) },
    });
    // What the API tells when an update is posted; a correction in place tells nobody.
    if (appended.length > 0 && after.status !== 'resolved') applied.notices.push({ incidentId: row.id, kind: 'incident.updated' });
    else if (appended.length > 0 && row.status !== 'resolved') applied.notices.push({ incidentId: row.id, kind: 'incident.resolved' });
  }
  applied.changed = applied.audit.length;
  return applied;
}
