// The queue as the worker sees it: a few batched statements, so that the worker can run
// beside the database (its own connections, PostgreSQL) or across a message port from the
// thread that holds it (the embedded database, ./thread.ts): claim a batch of one channel's
// due jobs under a lease (FOR UPDATE SKIP LOCKED: several workers never take the same
// job), read their events, settle a batch of outcomes in one transaction, and the clock's
// round (reminders, retention).
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { notificationEvents, notificationJobs, subscribers } from '#db/schema.ts';
import type { ChannelName } from '#src/domain/vocabulary.ts';
import { queueMail, writeEvent } from '#src/outbox/enqueue.ts';
import type { EventKind, EventPayload } from '#src/outbox/events.ts';
import type { StoredEvent } from '../channels/channel.ts';
import { CLAIM_LEASE_MS } from '../policy.ts';
import { tick, type SchedulerSettings } from '../scheduler.ts';
import type { SubscriberRow } from '../tokens.ts';
import { purgeOldDeliveries } from './retention.ts';

export interface ClaimedJob {
  id: number;
  eventId: number;
  channel: ChannelName;
  /** Tries so far, this one included. */
  attempts: number;
  createdAt: Date;
  /** The address of a mail without a subscriber (NOC). */
  recipient: string | null;
  subscriber: SubscriberRow | null;
}

/** What a worker reports back for a batch of jobs. */
export interface Settlement {
  sent: number[];
  /** Due again at runAfter; `uncounted`: the try did not happen (a destination backed off, a 429), so it does not count. */
  retry: { id: number; runAfter: Date; error: string; uncounted?: boolean }[];
  dead: { id: number; error: string }[];
  /** URL-channel subscriptions to switch off (their contact is mailed). */
  disable: { subscriberId: number; reason: 'failing' | 'gone' }[];
}

export const emptySettlement = (): Settlement => ({ sent: [], retry: [], dead: [], disable: [] });
export const settlementSize = (s: Settlement) => s.sent.length + s.retry.length + s.dead.length + s.disable.length;

export interface TickSettings extends SchedulerSettings {
  /** NOTIFICATION_LOG_DAYS: delivered jobs and their events are kept this long. */
  logDays: number;
}

export interface DeliveryStore {
  claim(channel: ChannelName, now: Date, limit: number): Promise<ClaimedJob[]>;
  events(ids: number[]): Promise<StoredEvent[]>;
  settle(now: Date, settlement: Settlement): Promise<void>;
  /** The clock's events (./scheduler.ts) and, once an hour, the retention. */
  tick(now: Date, settings: TickSettings): Promise<void>;
  /** Whether any delivery of any channel is due at `now` (what `claim` would find). */
  hasDue(now: Date): Promise<boolean>;
}

/**
 * Open (queued, being sent, to be retried), written as the due index's own predicate
 * (notification_jobs_due_idx, db/schema/notifications.ts): with the states as parameters a
 * prepared statement's generic plan could not prove it and would scan every delivery kept.
 */
const isOpen = sql`${notificationJobs.state} in ('queued', 'sending', 'failed')`;
const PURGE_EVERY_MS = 60 * 60_000;

/** Groups by a key, for one UPDATE per distinct outcome instead of one per job. */
function groups<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return [...map.values()];
}

export function databaseStore(db: Database): DeliveryStore {
  let lastPurge = 0;
  return {
    async claim(channel, now, limit) {
      const due = db
        .select({ id: notificationJobs.id })
        .from(notificationJobs)
        .where(and(eq(notificationJobs.channel, channel), isOpen, lte(notificationJobs.runAfter, now)))
        .orderBy(asc(notificationJobs.runAfter), asc(notificationJobs.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      const jobs = await db
        .update(notificationJobs)
        .set({ state: 'sending', attempts: sql`${notificationJobs.attempts} + 1`, runAfter: new Date(+now + CLAIM_LEASE_MS) })
        .where(inArray(notificationJobs.id, due))
        .returning();
      if (jobs.length === 0) return [];
      const ids = [...new Set(jobs.map((j) => j.subscriberId).filter((id): id is number => id !== null))];
      const rows = ids.length ? await db.select().from(subscribers).where(inArray(subscribers.id, ids)) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return jobs
        .sort((a, b) => +a.runAfter - +b.runAfter || a.id - b.id)
        .map((j) => ({ id: j.id, eventId: j.eventId, channel: j.channel, attempts: j.attempts, createdAt: j.createdAt, recipient: j.recipient, subscriber: j.subscriberId === null ? null : (byId.get(j.subscriberId) ?? null) }));
    },

    async hasDue(now) {
      const due = await db
        .select({ id: notificationJobs.id })
        .from(notificationJobs)
        .where(and(isOpen, lte(notificationJobs.runAfter, now)))
        .limit(1);
      return due.length > 0;
    },

    async events(ids) {
      if (ids.length === 0) return [];
      const rows = await db.select().from(notificationEvents).where(inArray(notificationEvents.id, ids));
      return rows.map((r) => ({ id: r.id, kind: r.kind as EventKind, payload: r.payload as EventPayload, createdAt: r.createdAt }));
    },

    async settle(now, settlement) {
      await db.transaction(async (tx) => {
        if (settlement.sent.length) {
          await tx.update(notificationJobs).set({ state: 'sent', sentAt: now, lastError: null }).where(inArray(notificationJobs.id, settlement.sent));
        }
        for (const group of groups(settlement.retry, (r) => `${+r.runAfter}|${r.uncounted ?? false}|${r.error}`)) {
          const { runAfter, error, uncounted } = group[0]!;
          await tx
            .update(notificationJobs)
            .set({ state: uncounted ? 'queued' : 'failed', runAfter, lastError: error, ...(uncounted && { attempts: sql`greatest(${notificationJobs.attempts} - 1, 0)` }) })
            .where(inArray(notificationJobs.id, group.map((r) => r.id)));
        }
        for (const group of groups(settlement.dead, (d) => d.error)) {
          await tx.update(notificationJobs).set({ state: 'dead', lastError: group[0]!.error }).where(inArray(notificationJobs.id, group.map((d) => d.id)));
        }
        for (const { subscriberId, reason } of settlement.disable) {
          const [row] = await tx.update(subscribers).set({ disabledAt: now }).where(and(eq(subscribers.id, subscriberId), isNull(subscribers.disabledAt))).returning();
          if (!row?.url) continue;
          // Its other open deliveries will not be sent: given up now rather than one by one.
          await tx
            .update(notificationJobs)
            .set({ state: 'dead', lastError: 'the subscription was disabled' })
            .where(and(eq(notificationJobs.subscriberId, subscriberId), eq(notificationJobs.channel, row.channel), inArray(notificationJobs.state, ['queued', 'failed'])));
          const payload: EventPayload = { kind: 'webhook.disabled', products: [], webhookUrl: row.url, channel: row.channel, reason };
          const eventId = await writeEvent(tx, now, { kind: 'webhook.disabled', payload, dedupKey: `webhook.disabled:${subscriberId}:${+now}` });
          if (eventId !== null) await queueMail(tx, eventId, now, { subscriberId });
        }
      });
    },

    async tick(now, settings) {
      await tick(db, now, settings);
      if (+now - lastPurge >= PURGE_EVERY_MS) {
        lastPurge = +now;
        await purgeOldDeliveries(db, now, settings.logDays);
      }
    },
  };
}
