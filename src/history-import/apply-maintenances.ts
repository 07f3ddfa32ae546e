// Maintenance from an import file, matched on the external id. A new one is written with
// the revisions the file implies (announced; cancelled at its own time); a changed one
// through the commands' own pieces: its products replaced, the next revision and a
// revision row for the calendar and feeds, its version (the API's ETag) raised. The
// stored state is what the file states, never what the clock implies (a window that has
// passed reads as completed anyway), so the same file imports the same tomorrow.
import { inArray } from 'drizzle-orm';
import type { Transaction } from '#db/client.ts';
import { maintenanceProducts, maintenanceRevisions, maintenances } from '#db/schema.ts';
import type { MaintenanceState } from '#src/domain/vocabulary.ts';
import { maintenanceAudit, nextRevision, setProducts, type MaintenanceRow, type RevisionChange } from '#src/maintenance/commands/revision.ts';
import { worthAnnouncing } from '#src/outbox/enqueue.ts';
import { chunks, differingKeys, nothingApplied, type Applied } from './applied.ts';
import type { ImportMaintenance } from './schema.ts';

function stateOf(m: ImportMaintenance): MaintenanceState {
  if (m.cancelled) return 'cancelled';
  return m.completed ? 'completed' : 'scheduled';
}

function columnsOf(m: ImportMaintenance) {
  const state = stateOf(m);
  return {
    type: m.type,
    title: m.title,
    titleEn: m.titleEn ?? null,
    description: m.description,
    descriptionEn: m.descriptionEn ?? null,
    announcedAt: m.announcedAt ?? null,
    windowStart: m.start,
    windowEnd: m.end,
    expectedImpact: m.expectedImpact,
    state,
    cancelReason: state === 'cancelled' ? (m.cancelReason ?? 'Geannuleerd') : null,
    overrideReason: m.overrideReason ?? null,
  };
}

export async function applyMaintenances(tx: Transaction, items: readonly ImportMaintenance[], productIds: ReadonlyMap<string, number>, now: Date): Promise<Applied> {
  const applied = nothingApplied();
  const slugOf = new Map([...productIds].map(([slug, id]) => [id, slug]));
  const idsOf = (m: ImportMaintenance) => [...new Set(m.products.map((s) => productIds.get(s)!))].sort((a, b) => a - b);
  const slugsOf = (ids: readonly number[]) => ids.map((id) => slugOf.get(id)!);
  const existing = new Map<string, MaintenanceRow>();
  for (const ids of chunks(items.map((m) => m.id), 1000)) {
    for (const row of await tx.select().from(maintenances).where(inArray(maintenances.externalId, ids)).for('update')) existing.set(row.externalId!, row);
  }
  const storedProducts = new Map<number, number[]>();
  for (const ids of chunks([...existing.values()].map((r) => r.id), 1000)) {
    for (const r of await tx.select().from(maintenanceProducts).where(inArray(maintenanceProducts.maintenanceId, ids))) {
      storedProducts.set(r.maintenanceId, [...(storedProducts.get(r.maintenanceId) ?? []), r.productId].sort((a, b) => a - b));
    }
  }

  for (const part of chunks(items.filter((m) => !existing.has(m.id)), 200)) {
    const revisionsOf = (m: ImportMaintenance) => {
      // The announcement, then the cancellation at its own time: feeds show both.
      const columns = columnsOf(m);
      const announced = { changedAt: m.announcedAt ?? m.start, change: 'announced' as const, state: 'scheduled' as const, note: null };
      const cancelled = { changedAt: m.cancelledAt ?? m.announcedAt ?? m.start, change: 'cancelled' as const, state: columns.state, note: columns.cancelReason };
      return columns.state === 'cancelled' ? [announced, cancelled] : [{ ...announced, state: columns.state }];
    };
    const rows = await tx
      .insert(maintenances)
      .values(part.map((m) => ({ ...columnsOf(m), externalId: m.id, revision: revisionsOf(m).length, createdAt: now, updatedAt: now })))
      .returning();
    await tx.insert(maintenanceProducts).values(part.flatMap((m, n) => idsOf(m).map((productId) => ({ maintenanceId: rows[n]!.id, productId }))));
    await tx
      .insert(maintenanceRevisions)
      .values(part.flatMap((m, n) => revisionsOf(m).map((r, k) => ({ ...r, maintenanceId: rows[n]!.id, revision: k + 1, windowStart: m.start, windowEnd: m.end }))));
    part.forEach((m, n) => {
      const row = rows[n]!;
      applied.audit.push({ action: 'maintenance.import', entityType: 'maintenance', entityId: row.id, before: null, after: { ...maintenanceAudit(row), products: slugsOf(idsOf(m)) } });
      if (row.state === 'scheduled' && worthAnnouncing(row, now)) applied.notices.push({ maintenanceId: row.id, kind: 'maintenance.announced' });
    });
  }

  for (const m of items) {
    const row = existing.get(m.id);
    if (!row) continue;
    const columns = columnsOf(m);
    const before = storedProducts.get(row.id) ?? [];
    const wanted = idsOf(m);
    if (before.join() === wanted.join() && differingKeys(row, columns).length === 0) continue;
    const rescheduled = +row.windowStart !== +m.start || +row.windowEnd !== +m.end;
    const newState = columns.state !== row.state ? columns.state : null;
    const change: RevisionChange = newState === 'cancelled' || newState === 'completed' ? newState : rescheduled ? 'rescheduled' : 'edited';
    const changedAt = columns.state === 'cancelled' && row.state !== 'cancelled' ? (m.cancelledAt ?? now) : now;
    if (before.join() !== wanted.join()) await setProducts(tx, row.id, wanted);
    const after = await nextRevision(tx, row, now, change, columns, columns.cancelReason, changedAt);
    applied.audit.push({
      action: 'maintenance.import',
      entityType: 'maintenance',
      entityId: row.id,
      before: { ...maintenanceAudit(row), products: slugsOf(before) },
      after: { ...maintenanceAudit(after), products: slugsOf(wanted) },
    });
    // What the API's cancel, complete and reschedule would tell; an edit tells nobody.
    const announced = row.type !== 'unannounced';
    if (change === 'cancelled' && announced && row.windowEnd > now) applied.notices.push({ maintenanceId: row.id, kind: 'maintenance.cancelled' });
    else if (change === 'completed' && announced) applied.notices.push({ maintenanceId: row.id, kind: 'maintenance.completed' });
    else if (change === 'rescheduled' && worthAnnouncing(after, now)) {
      applied.notices.push({ maintenanceId: row.id, kind: 'maintenance.rescheduled', previous: { start: row.windowStart.toISOString(), end: row.windowEnd.toISOString() } });
    }
  }
  applied.changed = applied.audit.length;
  return applied;
}
