// Outages, products' "measured since" and KPI months from an import file, matched on the
// external id (products on their slug, KPIs on their month): new ones inserted, changed
// ones written through the same pieces as the API (an outage's version rises), unchanged
// ones left alone. One audit entry per item written, as the API's commands write them.
import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '#db/client.ts';
import { monthlyKpis, outages, products } from '#db/schema.ts';
import { changeOutage, type OutageRow } from '#src/outages/commands.ts';
import { chunks, differingKeys, nothingApplied, type Applied } from './applied.ts';
import type { ImportDocument } from './schema.ts';

export async function applyOutages(tx: Transaction, items: ImportDocument['outages'], productIds: ReadonlyMap<string, number>): Promise<Applied> {
  const applied = nothingApplied();
  const wanted = items.map((o) => ({
    externalId: o.id,
    productId: productIds.get(o.product)!,
    startedAt: o.start,
    endedAt: o.end ?? null,
    impact: o.impact,
    source: o.source,
    note: o.note ?? null,
  }));
  // Locked, as the API's commands lock what they change: a writer in between waits.
  const existing = new Map<string, OutageRow>();
  for (const ids of chunks(wanted.map((w) => w.externalId), 1000)) {
    for (const row of await tx.select().from(outages).where(inArray(outages.externalId, ids)).for('update')) existing.set(row.externalId!, row);
  }
  for (const part of chunks(wanted.filter((w) => !existing.has(w.externalId)))) {
    for (const row of await tx.insert(outages).values(part).returning()) {
      applied.audit.push({ action: 'outage.import', entityType: 'outage', entityId: row.id, after: row });
    }
  }
  for (const w of wanted) {
    const row = existing.get(w.externalId);
    if (!row || differingKeys(row, w).length === 0) continue;
    const after = await changeOutage(tx, row, w);
    applied.audit.push({ action: 'outage.import', entityType: 'outage', entityId: row.id, before: row, after });
  }
  applied.changed = applied.audit.length;
  return applied;
}

export async function applyProducts(tx: Transaction, items: ImportDocument['products']): Promise<Applied> {
  const applied = nothingApplied();
  if (items.length === 0) return applied;
  const rows = await tx.select().from(products).where(inArray(products.slug, items.map((p) => p.slug))).for('update');
  for (const p of items) {
    const row = rows.find((r) => r.slug === p.slug)!;
    if (+row.measuredSince === +p.measuredSince) continue;
    await tx.update(products).set({ measuredSince: p.measuredSince }).where(eq(products.id, row.id));
    applied.audit.push({
      action: 'product.import',
      entityType: 'product',
      entityId: row.id,
      before: { slug: row.slug, measuredSince: row.measuredSince },
      after: { slug: row.slug, measuredSince: p.measuredSince },
    });
  }
  applied.changed = applied.audit.length;
  return applied;
}

export async function applyKpis(tx: Transaction, items: ImportDocument['kpis']): Promise<Applied> {
  const applied = nothingApplied();
  if (items.length === 0) return applied;
  const rows = await tx.select().from(monthlyKpis).where(inArray(monthlyKpis.month, items.map((k) => k.month))).for('update');
  for (const k of items) {
    const before = rows.find((r) => r.month === k.month);
    if (before && differingKeys(before, k).length === 0) continue;
    const set = { callSetupSeconds: k.callSetupSeconds, callSuccessRatio: k.callSuccessRatio };
    await tx.insert(monthlyKpis).values(k).onConflictDoUpdate({ target: monthlyKpis.month, set });
    applied.audit.push({ action: 'kpis.import', entityType: 'kpis', entityId: k.month, before: before ?? null, after: { month: k.month, ...set } });
  }
  applied.changed = applied.audit.length;
  return applied;
}
