// The outbox (notifications, write side): a command calls these inside its own transaction, so the
// write and the messages about it commit together or not at all. The event row keeps a
// snapshot of what it tells; one delivery job per confirmed recipient is queued at once
// (event × recipient, never twice), and the worker (./worker.ts) sends them.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '#db/client.ts';
import { incidentUpdateImpacts, incidentUpdates, incidents, maintenanceProducts, maintenances, notificationEvents, notificationJobs, products } from '#db/schema.ts';
import { loadCurrentHealth } from '#src/products/current-health.ts';
import type { ChannelName, ProductStatus } from '#src/domain/vocabulary.ts';
import type { EventKind, EventPayload, IncidentSnapshot, MaintenanceSnapshot, ProductRef } from './events.ts';

interface NewEvent {
  kind: EventKind;
  payload: EventPayload;
  /** For events a clock finds (reminders): a second writer of the same key writes nothing. */
  dedupKey?: string;
}

/** Writes the event; null when its dedup key was already written. */
export async function writeEvent(tx: Queryable, now: Date, event: NewEvent): Promise<number | null> {
  const [row] = await tx
    .insert(notificationEvents)
    .values({ kind: event.kind, dedupKey: event.dedupKey ?? null, payload: event.payload, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: notificationEvents.id });
  return row?.id ?? null;
}

/** The worker listens for this: new jobs are sent at once rather than at its next look. */
export const JOBS_CHANNEL = 'notification_jobs';
const wakeWorkers = (tx: Queryable) => tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);

/**
 * Queues the event for every confirmed, enabled subscriber of one of its products (or of
 * all products), on the `channels` given (all when absent), in one statement however many
 * there are.
 */
export async function fanOut(tx: Queryable, eventId: number, productIds: readonly number[], now: Date, { channels }: { channels?: readonly ChannelName[] } = {}): Promise<void> {
  const ofProducts =
    productIds.length === 0
      ? sql`false`
      : sql`exists (select 1 from subscriber_products sp where sp.subscriber_id = s.id and sp.product_id in (${sql.join(
          productIds.map((id) => sql`${id}`),
          sql`, `,
        )}))`;
  const at = sql`${now.toISOString()}::timestamptz`;
  await tx.execute(sql`
    insert into notification_jobs (event_id, subscriber_id, channel, state, attempts, run_after, created_at)
    select ${eventId}, s.id, s.channel, 'queued', 0, ${at}, ${at}
    from subscribers s
    where s.confirmed_at is not null and s.disabled_at is null and (s.all_products or ${ofProducts})${
      channels ? sql` and s.channel in (${sql.join(channels.map((c) => sql`${c}`), sql`, `)})` : sql``
    }
    on conflict do nothing`);
  await wakeWorkers(tx);
}

/** Queues a mail to addresses of the configuration (the NOC), or to one subscriber's address. */
export async function queueMail(tx: Queryable, eventId: number, now: Date, to: { recipients?: readonly string[]; subscriberId?: number }): Promise<void> {
  const rows = [
    ...(to.recipients ?? []).map((recipient) => ({ recipient, subscriberId: null })),
    ...(to.subscriberId === undefined ? [] : [{ recipient: null, subscriberId: to.subscriberId }]),
  ];
  if (rows.length === 0) return;
  await tx
    .insert(notificationJobs)
    .values(rows.map((r) => ({ ...r, eventId, channel: 'email' as const, runAfter: now, createdAt: now })))
    .onConflictDoNothing();
  await wakeWorkers(tx);
}

async function productRefs(tx: Queryable, ids: readonly number[]): Promise<ProductRef[]> {
  if (ids.length === 0) return [];
  const rows = await tx.select().from(products).where(inArray(products.id, [...ids])).orderBy(asc(products.position));
  return rows.map((p) => ({ id: p.id, slug: p.slug, name: { nl: p.nameNl, en: p.nameEn } }));
}

async function pageState(tx: Queryable, now: Date): Promise<Pick<EventPayload, 'overall' | 'statuses'>> {
  // A transaction reads like the database it belongs to.
  const health = await loadCurrentHealth(tx as Database, now);
  return { overall: health.overall, statuses: Object.fromEntries(health.groups.flatMap((g) => g.products.map((p) => [p.slug, p.status]))) };
}

/** The incident as it stands in this transaction: every update with its impacts by product slug. */
export async function incidentSnapshot(tx: Queryable, id: number): Promise<{ snapshot: IncidentSnapshot; productIds: number[] }> {
  const [row] = await tx.select().from(incidents).where(eq(incidents.id, id));
  const updates = await tx.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, id)).orderBy(asc(incidentUpdates.publishedAt), asc(incidentUpdates.id));
  const impacts = await tx
    .select({ updateId: incidentUpdateImpacts.updateId, productId: products.id, slug: products.slug, impact: incidentUpdateImpacts.impact })
    .from(incidentUpdateImpacts)
    .innerJoin(products, eq(products.id, incidentUpdateImpacts.productId))
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, incidentUpdateImpacts.updateId))
    .where(eq(incidentUpdates.incidentId, id));
  const snapshot: IncidentSnapshot = {
    id: row!.id,
    title: row!.title,
    titleEn: row!.titleEn,
    category: row!.category,
    status: row!.status,
    reportedAt: row!.reportedAt.toISOString(),
    resolvedAt: row!.resolvedAt?.toISOString() ?? null,
    updates: updates.map((u) => ({
      id: u.id,
      status: u.status,
      message: u.message,
      messageEn: u.messageEn,
      publishedAt: u.publishedAt.toISOString(),
      impacts: Object.fromEntries(impacts.filter((i) => i.updateId === u.id).map((i) => [i.slug, i.impact])),
    })),
  };
  return { snapshot, productIds: [...new Set(impacts.map((i) => i.productId))] };
}

export async function maintenanceSnapshot(tx: Queryable, id: number, previous: MaintenanceSnapshot['previous'] = null): Promise<{ snapshot: MaintenanceSnapshot; productIds: number[] }> {
  const [row] = await tx.select().from(maintenances).where(eq(maintenances.id, id));
  const productIds = (await tx.select({ id: maintenanceProducts.productId }).from(maintenanceProducts).where(eq(maintenanceProducts.maintenanceId, id))).map((p) => p.id);
  const snapshot: MaintenanceSnapshot = {
    id: row!.id,
    type: row!.type,
    title: row!.title,
    titleEn: row!.titleEn,
    description: row!.description,
    descriptionEn: row!.descriptionEn,
    start: row!.windowStart.toISOString(),
    end: row!.windowEnd.toISOString(),
    state: row!.state,
    expectedImpact: row!.expectedImpact,
    cancelReason: row!.cancelReason,
    previous,
  };
  return { snapshot, productIds };
}

/** Incident opened, updated or resolved: called by the incident commands in their transaction. */
export async function notifyIncident(tx: Transaction, now: Date, kind: 'incident.opened' | 'incident.updated' | 'incident.resolved', incidentId: number): Promise<void> {
  const { snapshot, productIds } = await incidentSnapshot(tx, incidentId);
  const payload: EventPayload = { kind, products: await productRefs(tx, productIds), incident: snapshot, ...(await pageState(tx, now)) };
  const eventId = await writeEvent(tx, now, { kind, payload, dedupKey: `${kind}:${incidentId}:${snapshot.updates.at(-1)!.id}` });
  if (eventId !== null) await fanOut(tx, eventId, productIds, now);
}

/** The report of a resolved incident was published: told once, to the subscribers of the products it had impact on. */
export async function notifyIncidentReport(tx: Transaction, now: Date, incidentId: number, report: NonNullable<EventPayload['report']>): Promise<void> {
  const kind = 'incident.report_published';
  const { snapshot, productIds } = await incidentSnapshot(tx, incidentId);
  const payload: EventPayload = { kind, products: await productRefs(tx, productIds), incident: snapshot, report, ...(await pageState(tx, now)) };
  const eventId = await writeEvent(tx, now, { kind, payload, dedupKey: `${kind}:${incidentId}` });
  if (eventId !== null) await fanOut(tx, eventId, productIds, now);
}

export type MaintenanceEventKind = 'maintenance.announced' | 'maintenance.rescheduled' | 'maintenance.cancelled' | 'maintenance.reminder' | 'maintenance.started' | 'maintenance.completed';

/**
 * A maintenance event, from a command (announced, rescheduled, cancelled, completed) or the
 * clock (reminder, started; their dedup key names the window, so each is told once).
 */
export async function notifyMaintenance(
  tx: Queryable,
  now: Date,
  kind: MaintenanceEventKind,
  maintenanceId: number,
  { previous = null, dedupKey }: { previous?: MaintenanceSnapshot['previous']; dedupKey?: string } = {},
): Promise<boolean> {
  const { snapshot, productIds } = await maintenanceSnapshot(tx, maintenanceId, previous);
  const payload: EventPayload = { kind, products: await productRefs(tx, productIds), maintenance: snapshot, ...(await pageState(tx, now)) };
  const eventId = await writeEvent(tx, now, { kind, payload, ...(dedupKey && { dedupKey }) });
  if (eventId !== null) await fanOut(tx, eventId, productIds, now);
  return eventId !== null;
}

/** Maintenance that has not ended and is announced is worth telling; unannounced is recorded after the fact. */
export const worthAnnouncing = (row: { type: string; windowEnd: Date }, now: Date) => row.type !== 'unannounced' && row.windowEnd > now;

/** Every product's status now, by slug: taken before a write, handed to notifyStatusChanges after it. */
export async function productStatuses(tx: Queryable, now: Date): Promise<Record<string, ProductStatus>> {
  return (await pageState(tx, now)).statuses!;
}

/** After an outage write: a component.updated event (webhooks only) for each product whose status it changed. */
export async function notifyStatusChanges(tx: Queryable, now: Date, before: Record<string, ProductStatus>): Promise<void> {
  const state = await pageState(tx, now);
  const changed = Object.entries(state.statuses!).filter(([slug, status]) => before[slug] !== undefined && before[slug] !== status);
  if (changed.length === 0) return;
  const rows = await tx.select().from(products).where(inArray(products.slug, changed.map(([slug]) => slug)));
  for (const [slug, newStatus] of changed) {
    const row = rows.find((p) => p.slug === slug)!;
    const ref: ProductRef = { id: row.id, slug, name: { nl: row.nameNl, en: row.nameEn } };
    const payload: EventPayload = { kind: 'component.updated', products: [ref], ...state, component: { slug, oldStatus: before[slug]!, newStatus } };
    const eventId = await writeEvent(tx, now, { kind: 'component.updated', payload });
    if (eventId !== null) await fanOut(tx, eventId, [row.id], now, { channels: ['webhook'] });
  }
}
