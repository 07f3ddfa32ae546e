// Imports a history document in one transaction: everything or nothing. Every problem is
// reported with its JSON path; unknown product slugs are errors. Items are matched on
// their external id, and rows are only touched when their content differs, so importing
// the same file twice changes nothing (ids, revisions and the audit log stay as they are).
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from '#db/client.ts';
import {
  auditLog,
  incidentUpdateImpacts,
  incidentUpdates,
  incidents,
  maintenanceProducts,
  maintenanceRevisions,
  maintenances,
  monthlyKpis,
  outages,
  products,
} from '#db/schema.ts';
import type { Impact, IncidentStatus, MaintenanceState } from '#src/domain/vocabulary.ts';
import { bumpDataVersion } from '#src/commands/data-version.ts';
import { foldDeltaUpdates } from '#src/sla/incident-timelines.ts';
import { inDocumentOrder, laterThanNow, nulCharacters, unknownProducts } from './problems.ts';
import {
  formatPath,
  importDocument,
  type ImportDocument,
  type ImportIncident,
  type ImportMaintenance,
  type ImportProblem,
} from './schema.ts';

export interface ImportSummary {
  products: number;
  outages: number;
  maintenances: number;
  incidents: number;
  kpis: number;
  /** How many items were created or changed; 0 when the file was imported before. */
  changed: number;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** The time of the import: nothing the file reports as having happened may lie after it. */
  now: Date;
  /** Who is importing, for the audit log ("import", "demo", "user:3"). */
  actor: string;
}

export async function importHistory(db: Database, input: unknown, options: ImportOptions): Promise<ImportResult> {
  const parsed = importDocument.safeParse(input);
  const productIds = new Map((await db.select({ id: products.id, slug: products.slug }).from(products)).map((p) => [p.slug, p.id]));
  // Every problem at once: the schema's and the unknown products', also when both occur.
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))),
    ...unknownProducts(input, productIds),
    ...nulCharacters(input),
    ...(parsed.success ? laterThanNow(parsed.data, options.now) : []),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems: inDocumentOrder(problems) };
  const doc = parsed.data;

  const summary = await db.transaction(async (tx) => {
    let changed = 0;
    for (const p of doc.products) {
      const rows = await tx
        .update(products)
        .set({ measuredSince: p.measuredSince })
        // Through the column (ne), not a raw sql`` parameter: postgres.js cannot bind a
        // bare Date there, and the import failed on a PostgreSQL server.
        .where(and(eq(products.slug, p.slug), ne(products.measuredSince, p.measuredSince)))
        .returning({ id: products.id });
      changed += rows.length;
    }
    changed += await writeOutages(tx, doc, productIds);
    for (const m of doc.maintenances) changed += await writeMaintenance(tx, m, productIds, options);
    for (const i of doc.incidents) changed += await writeIncident(tx, i, productIds, options.now);
    for (const k of doc.kpis) {
      const rows = await tx
        .insert(monthlyKpis)
        .values(k)
        .onConflictDoUpdate({
          target: monthlyKpis.month,
          set: { callSetupSeconds: k.callSetupSeconds, callSuccessRatio: k.callSuccessRatio },
          setWhere: sql`${monthlyKpis.callSetupSeconds} <> ${k.callSetupSeconds} or ${monthlyKpis.callSuccessRatio} <> ${k.callSuccessRatio}`,
        })
        .returning({ month: monthlyKpis.month });
      changed += rows.length;
    }
    const result: ImportSummary = {
      products: doc.products.length,
      outages: doc.outages.length,
      maintenances: doc.maintenances.length,
      incidents: doc.incidents.length,
      kpis: doc.kpis.length,
      changed,
    };
    if (changed > 0) {
      await tx.insert(auditLog).values({ actor: options.actor, action: 'import', entityType: 'history', after: result });
      await bumpDataVersion(tx, options.now);
    }
    return result;
  });
  return { ok: true, summary };
}

/** Stored and wanted column values are equal; dates by their instant, to the millisecond. */
function sameValue(stored: unknown, wanted: unknown): boolean {
  if (stored instanceof Date || wanted instanceof Date) {
    return stored instanceof Date && wanted instanceof Date && +stored === +wanted;
  }
  return stored === wanted;
}

async function writeOutages(tx: Transaction, doc: ImportDocument, productIds: Map<string, number>): Promise<number> {
  let changed = 0;
  const rows = doc.outages.map((o) => ({
    externalId: o.id,
    productId: productIds.get(o.product)!,
    startedAt: o.start,
    endedAt: o.end ?? null,
    impact: o.impact,
    source: o.source,
    note: o.note ?? null,
  }));
  for (let n = 0; n < rows.length; n += 500) {
    const written = await tx
      .insert(outages)
      .values(rows.slice(n, n + 500))
      .onConflictDoUpdate({
        target: outages.externalId,
        set: {
          productId: sql`excluded.product_id`,
          startedAt: sql`excluded.started_at`,
          endedAt: sql`excluded.ended_at`,
          impact: sql`excluded.impact`,
          source: sql`excluded.source`,
          note: sql`excluded.note`,
        },
        setWhere: sql`(${outages.productId}, ${outages.startedAt}, ${outages.endedAt}, ${outages.impact}, ${outages.source}, ${outages.note})
          is distinct from (excluded.product_id, excluded.started_at, excluded.ended_at, excluded.impact, excluded.source, excluded.note)`,
      })
      .returning({ id: outages.id });
    changed += written.length;
  }
  return changed;
}

/**
 * The state the file states, never one the clock implies: a window that has passed reads
 * as completed anyway (effectiveMaintenanceState), and storing the clock's verdict would
 * make the same file import differently, with a new revision, an hour later.
 */
function maintenanceState(m: ImportMaintenance): MaintenanceState {
  if (m.cancelled) return 'cancelled';
  return m.completed ? 'completed' : 'scheduled';
}

async function writeMaintenance(tx: Transaction, m: ImportMaintenance, productIds: Map<string, number>, { now, actor }: ImportOptions): Promise<number> {
  const state = maintenanceState(m);
  const values = {
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
  const wanted = [...new Set(m.products.map((s) => productIds.get(s)!))].sort((a, b) => a - b);
  const [existing] = await tx.select().from(maintenances).where(eq(maintenances.externalId, m.id));
  if (!existing) {
    // The announcement, then the cancellation at its own time: feeds show both.
    const announced = { changedAt: m.announcedAt ?? m.start, change: 'announced' as const, state: 'scheduled' as const, note: null };
    const cancelled = { changedAt: m.cancelledAt ?? m.announcedAt ?? m.start, change: 'cancelled' as const, state, note: values.cancelReason };
    const revisions = state === 'cancelled' ? [announced, cancelled] : [{ ...announced, state }];
    const [row] = await tx.insert(maintenances).values({ ...values, externalId: m.id, revision: revisions.length, createdAt: now, updatedAt: now }).returning();
    await tx.insert(maintenanceProducts).values(wanted.map((productId) => ({ maintenanceId: row!.id, productId })));
    await tx
      .insert(maintenanceRevisions)
      .values(revisions.map((r, n) => ({ ...r, maintenanceId: row!.id, revision: n + 1, windowStart: m.start, windowEnd: m.end })));
    return 1;
  }
  const current = (await tx.select().from(maintenanceProducts).where(eq(maintenanceProducts.maintenanceId, existing.id)))
    .map((r) => r.productId)
    .sort((a, b) => a - b);
  const differs =
    current.join() !== wanted.join() ||
    (Object.keys(values) as (keyof typeof values)[]).some((k) => !sameValue(existing[k], values[k]));
  if (!differs) return 0;
  const revision = existing.revision + 1;
  const rescheduled = +existing.windowStart !== +m.start || +existing.windowEnd !== +m.end;
  await tx.update(maintenances).set({ ...values, revision, updatedAt: now }).where(eq(maintenances.id, existing.id));
  await tx.delete(maintenanceProducts).where(eq(maintenanceProducts.maintenanceId, existing.id));
  await tx.insert(maintenanceProducts).values(wanted.map((productId) => ({ maintenanceId: existing.id, productId })));
  await tx.insert(maintenanceRevisions).values({
    maintenanceId: existing.id,
    revision,
    changedAt: state === 'cancelled' && existing.state !== 'cancelled' ? (m.cancelledAt ?? now) : now,
    change: state !== existing.state && (state === 'cancelled' || state === 'completed') ? state : rescheduled ? 'rescheduled' : 'edited',
    windowStart: m.start,
    windowEnd: m.end,
    state,
    note: values.cancelReason,
  });
  await tx.insert(auditLog).values({
    actor,
    action: 'update',
    entityType: 'maintenance',
    entityId: String(existing.id),
    before: existing,
    after: { ...values, revision },
  });
  return 1;
}

interface StoredUpdate {
  at: number;
  status: IncidentStatus;
  message: string;
  messageEn: string | null;
  impacts: [number, Impact][];
}

async function writeIncident(tx: Transaction, i: ImportIncident, productIds: Map<string, number>, now: Date): Promise<number> {
  const snapshots = foldDeltaUpdates(i.updates.map((u) => ({ publishedAt: +u.at, status: u.status, impacts: u.impacts })));
  const wanted: StoredUpdate[] = i.updates.map((u, n) => ({
    at: +u.at,
    status: u.status,
    message: u.message,
    messageEn: u.messageEn ?? null,
    impacts: Object.entries(snapshots[n]!.impacts)
      .map(([s, impact]) => [productIds.get(s)!, impact] as [number, Impact])
      .sort((a, b) => a[0] - b[0]),
  }));
  const last = i.updates.at(-1)!;
  const values = {
    title: i.title,
    titleEn: i.titleEn ?? null,
    category: i.category,
    reportedAt: i.reportedAt,
    status: last.status,
    resolvedAt: last.status === 'resolved' ? last.at : null,
  };
  const [existing] = await tx.select().from(incidents).where(eq(incidents.externalId, i.id));
  if (!existing) {
    const [row] = await tx.insert(incidents).values({ ...values, externalId: i.id, createdAt: now, updatedAt: now }).returning({ id: incidents.id });
    await insertUpdates(tx, row!.id, wanted);
    return 1;
  }
  const stored = await storedUpdates(tx, existing.id);
  const same =
    JSON.stringify(stored.map(({ id: _id, ...u }) => u)) === JSON.stringify(wanted) &&
    (Object.keys(values) as (keyof typeof values)[]).every((k) => sameValue(existing[k], values[k]));
  if (same) return 0;
  await tx.update(incidents).set({ ...values, updatedAt: now }).where(eq(incidents.id, existing.id));
  // Updates are paired by position and changed in place, so an update keeps its id, and
  // with it its permalink and its feed guid, when the NMS corrects or appends to a thread.
  for (const [n, update] of wanted.slice(0, stored.length).entries()) {
    const { id, ...before } = stored[n]!;
    if (JSON.stringify(before) === JSON.stringify(update)) continue;
    await tx.update(incidentUpdates).set(updateColumns(update)).where(eq(incidentUpdates.id, id));
    await tx.delete(incidentUpdateImpacts).where(eq(incidentUpdateImpacts.updateId, id));
    if (update.impacts.length > 0) await tx.insert(incidentUpdateImpacts).values(impactColumns(id, update));
  }
  const surplus = stored.slice(wanted.length).map((u) => u.id);
  if (surplus.length > 0) await tx.delete(incidentUpdates).where(inArray(incidentUpdates.id, surplus));
  await insertUpdates(tx, existing.id, wanted.slice(stored.length));
  return 1;
}

const updateColumns = (u: StoredUpdate) => ({
  publishedAt: new Date(u.at),
  status: u.status,
  message: u.message,
  messageEn: u.messageEn,
});
const impactColumns = (updateId: number, u: StoredUpdate) => u.impacts.map(([productId, impact]) => ({ updateId, productId, impact }));

async function insertUpdates(tx: Transaction, incidentId: number, updates: StoredUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const inserted = await tx
    .insert(incidentUpdates)
    .values(updates.map((u) => ({ incidentId, ...updateColumns(u) })))
    .returning({ id: incidentUpdates.id });
  const impactRows = updates.flatMap((u, n) => impactColumns(inserted[n]!.id, u));
  if (impactRows.length > 0) await tx.insert(incidentUpdateImpacts).values(impactRows);
}

async function storedUpdates(tx: Transaction, incidentId: number): Promise<(StoredUpdate & { id: number })[]> {
  const updates = await tx.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incidentId)).orderBy(incidentUpdates.publishedAt, incidentUpdates.id);
  const impacts = updates.length
    ? await tx.select().from(incidentUpdateImpacts).where(inArray(incidentUpdateImpacts.updateId, updates.map((u) => u.id)))
    : [];
  return updates.map((u) => ({
    id: u.id,
    at: +u.publishedAt,
    status: u.status,
    message: u.message,
    messageEn: u.messageEn,
    impacts: impacts
      .filter((x) => x.updateId === u.id)
      .map((x) => [x.productId, x.impact] as [number, Impact])
      .sort((a, b) => a[0] - b[0]),
  }));
}
