// What the console shows of the notifications (admin only): subscribers per product and
// channel, the delivery log per event (queued, sending, sent, failed, dead; kept
// NOTIFICATION_LOG_DAYS), the dead deliveries; and the two things an admin does there:
// retry a dead delivery, remove a subscriber. Addresses leave here masked; the audit row
// names the subscriber by id, never by address.
import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { notificationEvents, notificationJobs, products, subscriberProducts, subscribers } from '#db/schema.ts';
import { notFound } from '#src/commands/errors.ts';
import { runCommand, type CommandContext } from '#src/commands/run.ts';
import type { EventPayload } from '#src/outbox/events.ts';
import { CHANNEL_NAMES, type ChannelName } from '#src/domain/vocabulary.ts';
import { maskAddress } from './channels/email/transport.ts';

export const JOB_STATES = ['queued', 'sending', 'sent', 'failed', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];

export type PerChannel = Record<ChannelName, number>;

export interface SubscriberCounts {
  /** Confirmed and enabled, per channel, per product slug (subscribers of all products counted in each). */
  perProduct: { slug: string; name: { nl: string; en: string }; channels: PerChannel }[];
  allProducts: PerChannel;
  unconfirmed: number;
  disabled: number;
}

export async function subscriberCounts(db: Database): Promise<SubscriberCounts> {
  const active = and(isNotNull(subscribers.confirmedAt), isNull(subscribers.disabledAt));
  const everything = await db.select({ channel: subscribers.channel, n: count() }).from(subscribers).where(and(active, eq(subscribers.allProducts, true))).groupBy(subscribers.channel);
  const chosen = await db
    .select({ productId: subscriberProducts.productId, channel: subscribers.channel, n: count() })
    .from(subscriberProducts)
    .innerJoin(subscribers, eq(subscribers.id, subscriberProducts.subscriberId))
    .where(and(active, eq(subscribers.allProducts, false)))
    .groupBy(subscriberProducts.productId, subscribers.channel);
  const perChannel = (n: (channel: ChannelName) => number) => Object.fromEntries(CHANNEL_NAMES.map((c) => [c, n(c)])) as PerChannel;
  const all = perChannel((c) => everything.find((r) => r.channel === c)?.n ?? 0);
  const list = await db.select().from(products).orderBy(products.position);
  const [unconfirmed] = await db.select({ n: count() }).from(subscribers).where(isNull(subscribers.confirmedAt));
  const [disabled] = await db.select({ n: count() }).from(subscribers).where(isNotNull(subscribers.disabledAt));
  const of = (productId: number, channel: ChannelName) => chosen.find((r) => r.productId === productId && r.channel === channel)?.n ?? 0;
  return {
    perProduct: list.map((p) => ({ slug: p.slug, name: { nl: p.nameNl, en: p.nameEn }, channels: perChannel((c) => all[c] + of(p.id, c)) })),
    allProducts: all,
    unconfirmed: unconfirmed!.n,
    disabled: disabled!.n,
  };
}

export interface LoggedEvent {
  id: number;
  kind: string;
  createdAt: Date;
  title: string | null;
  states: Record<JobState, number>;
}

/** The latest events, newest first, with their deliveries counted by state. */
export async function deliveryLog(db: Database, limit = 50): Promise<LoggedEvent[]> {
  const events = await db.select().from(notificationEvents).orderBy(desc(notificationEvents.id)).limit(limit);
  if (events.length === 0) return [];
  const tallies = await db
    .select({ eventId: notificationJobs.eventId, state: notificationJobs.state, n: count() })
    .from(notificationJobs)
    .where(inArray(notificationJobs.eventId, events.map((e) => e.id)))
    .groupBy(notificationJobs.eventId, notificationJobs.state);
  return events.map((e) => {
    const payload = e.payload as EventPayload;
    const states = Object.fromEntries(JOB_STATES.map((s) => [s, tallies.find((t) => t.eventId === e.id && t.state === s)?.n ?? 0])) as Record<JobState, number>;
    return { id: e.id, kind: e.kind, createdAt: e.createdAt, title: payload.incident?.title ?? payload.maintenance?.title ?? null, states };
  });
}

export interface DeadDelivery {
  id: number;
  eventKind: string;
  channel: ChannelName;
  /** Masked address, or the host a URL channel posts to. */
  recipient: string;
  attempts: number;
  lastError: string | null;
}

export async function deadDeliveries(db: Database, limit = 100): Promise<DeadDelivery[]> {
  const rows = await db
    .select({ job: notificationJobs, kind: notificationEvents.kind, email: subscribers.email, url: subscribers.url })
    .from(notificationJobs)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notificationJobs.eventId))
    .leftJoin(subscribers, eq(subscribers.id, notificationJobs.subscriberId))
    .where(eq(notificationJobs.state, 'dead'))
    .orderBy(desc(notificationJobs.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.job.id,
    eventKind: r.kind,
    channel: r.job.channel,
    recipient: r.job.channel !== 'email' && r.url ? new URL(r.url).host : maskAddress(r.email ?? r.job.recipient ?? ''),
    attempts: r.job.attempts,
    lastError: r.job.lastError,
  }));
}

/** A dead delivery is queued again, due now, with a fresh count of tries. */
export async function retryDead(ctx: CommandContext, jobId: number): Promise<void> {
  await runCommand(ctx, 'subscribers', async (tx) => {
    const [row] = await tx
      .update(notificationJobs)
      .set({ state: 'queued', attempts: 0, runAfter: ctx.now, createdAt: ctx.now })
      .where(and(eq(notificationJobs.id, jobId), eq(notificationJobs.state, 'dead')))
      .returning({ id: notificationJobs.id });
    if (!row) throw notFound('dead delivery', jobId);
    return { result: undefined, audit: { action: 'notification.retry', entityType: 'notification_job', entityId: jobId, before: { state: 'dead' }, after: { state: 'queued' } } };
  });
}

/** Removes the subscription of an address (e-mail) or a URL (a URL channel), with its queued deliveries. */
export async function removeSubscriberByAddress(ctx: CommandContext, address: string): Promise<void> {
  const key = address.trim();
  const url = URL.canParse(key) ? new URL(key).toString() : key;
  await runCommand(ctx, 'subscribers', async (tx) => {
    const [row] = await tx
      .delete(subscribers)
      .where(sql`(${subscribers.channel} = 'email' and ${subscribers.email} = ${key.toLowerCase()}) or (${subscribers.url} = ${url})`)
      .returning({ id: subscribers.id, channel: subscribers.channel });
    if (!row) throw notFound('subscriber', maskAddress(key));
    return { result: undefined, audit: { action: 'subscriber.remove', entityType: 'subscriber', entityId: row.id, before: { channel: row.channel } } };
  });
}
