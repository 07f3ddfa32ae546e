// The notification worker: claims due deliveries with FOR UPDATE SKIP LOCKED (so several
// workers share a queue without taking the same job), sends each, and acknowledges it.
// A claim is a lease: a worker that dies mid-batch leaves its jobs to be taken over when
// the lease runs out, so nothing is lost and a mail sent just before the crash is sent at
// most once more. Failures are retried with backoff (./policy.ts) until the job is dead.
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { notificationEvents, notificationJobs, subscribers } from '#db/schema.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { confirmationMail, nocMail, subscriberMail, webhookDisabledMail, type MailContent } from './channels/mail-content.ts';
import { maskAddress, type MailTransport } from './channels/mail.ts';
import { postWebhook } from './channels/webhook.ts';
import { webhookBody } from './channels/webhook-payload.ts';
import { queueMail, writeEvent } from '#src/outbox/enqueue.ts';
import type { EventPayload } from '#src/outbox/events.ts';
import { CLAIM_LEASE_MS, MAIL_RETRY_BASE_MS, nextTry } from './policy.ts';
import { CONFIRM_LINK_HOURS, issueToken, type SubscriberRow } from './tokens.ts';

export interface WorkerSettings {
  siteUrl: string;
  webhookRetryBaseMs: number;
  webhookAllowPrivate: boolean;
}

export interface WorkerDeps {
  db: Database;
  mail: MailTransport;
  clock: () => Date;
  settings: WorkerSettings;
  log?: (line: string) => void;
}

type JobRow = typeof notificationJobs.$inferSelect;

/** Takes up to `limit` due jobs (new, to retry, or left by a dead worker) and leases them. */
export async function claimJobs(db: Database, now: Date, limit: number): Promise<JobRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationJobs.id })
      .from(notificationJobs)
      .where(
        or(
          and(inArray(notificationJobs.state, ['queued', 'failed']), lte(notificationJobs.runAfter, now)),
          and(eq(notificationJobs.state, 'sending'), lte(notificationJobs.lockedUntil, now)),
        ),
      )
      .orderBy(asc(notificationJobs.runAfter), asc(notificationJobs.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(notificationJobs)
      .set({ state: 'sending', attempts: sql`${notificationJobs.attempts} + 1`, lockedUntil: new Date(+now + CLAIM_LEASE_MS) })
      .where(inArray(notificationJobs.id, due.map((d) => d.id)))
      .returning();
  });
}

const pathOf = (locale: Locale) => (locale === 'en' ? '/en' : '');

async function composeMail(deps: WorkerDeps, payload: EventPayload, subscriber: SubscriberRow | null, now: Date): Promise<{ content: MailContent; headers: Record<string, string> }> {
  const { siteUrl } = deps.settings;
  if (!subscriber) return { content: nocMail(payload, siteUrl), headers: {} };
  const locale = subscriber.locale;
  if (payload.kind === 'subscription.confirm') {
    const token = await issueToken(deps.db, subscriber.id, 'confirm', now);
    const confirm = `${siteUrl}${pathOf(locale)}/subscription?token=${token}`;
    return { content: confirmationMail(locale, { siteUrl, confirm, confirmHours: CONFIRM_LINK_HOURS }, payload.webhookUrl ?? null), headers: {} };
  }
  if (payload.kind === 'webhook.disabled') return { content: webhookDisabledMail(locale, payload.webhookUrl!, siteUrl), headers: {} };
  const token = await issueToken(deps.db, subscriber.id, 'manage', now);
  const manage = `${siteUrl}${pathOf(locale)}/subscription?token=${token}`;
  const oneClick = `${siteUrl}/subscription/unsubscribe?token=${token}`;
  return {
    content: subscriberMail(payload, locale, { siteUrl, manage }),
    // RFC 2369 and RFC 8058: the mail program's own "unsubscribe" button, one POST, no session.
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** Sends one claimed job; throws why it failed. */
async function deliver(deps: WorkerDeps, job: JobRow, payload: EventPayload, subscriber: SubscriberRow | null, now: Date): Promise<void> {
  const aboutTheSubscription = payload.kind === 'subscription.confirm' || payload.kind === 'webhook.disabled';
  if (subscriber && !aboutTheSubscription && (!subscriber.confirmedAt || subscriber.disabledAt)) throw new Error('the subscription is not confirmed or is disabled');
  if (job.channel === 'webhook') {
    await postWebhook({
      url: subscriber!.url!,
      secret: subscriber!.secret!,
      body: webhookBody(payload, deps.settings.siteUrl, now),
      timestamp: Math.floor(+now / 1000),
      allowPrivate: deps.settings.webhookAllowPrivate,
      event: payload.kind,
    });
    return;
  }
  const to = subscriber?.email ?? job.recipient!;
  const { content, headers } = await composeMail(deps, payload, subscriber, now);
  await deps.mail.send({ to, headers, ...content });
}

async function acknowledge(deps: WorkerDeps, job: JobRow, now: Date): Promise<void> {
  await deps.db.update(notificationJobs).set({ state: 'sent', sentAt: now, lockedUntil: null, lastError: null }).where(eq(notificationJobs.id, job.id));
}

async function recordFailure(deps: WorkerDeps, job: JobRow, subscriber: SubscriberRow | null, error: unknown, now: Date): Promise<void> {
  const reason = (error as Error).message?.slice(0, 500) ?? String(error);
  const baseMs = job.channel === 'webhook' ? deps.settings.webhookRetryBaseMs : MAIL_RETRY_BASE_MS;
  const next = nextTry({ channel: job.channel, attempts: job.attempts, createdAt: +job.createdAt, now: +now, baseMs });
  await deps.db.transaction(async (tx) => {
    await tx
      .update(notificationJobs)
      .set(next === null ? { state: 'dead', lockedUntil: null, lastError: reason } : { state: 'failed', runAfter: new Date(next), lockedUntil: null, lastError: reason })
      .where(eq(notificationJobs.id, job.id));
    // A webhook that failed for a day is switched off, and its contact is told.
    if (next === null && job.channel === 'webhook' && subscriber && !subscriber.disabledAt) {
      await tx.update(subscribers).set({ disabledAt: now }).where(eq(subscribers.id, subscriber.id));
      const eventId = await writeEvent(tx, now, { kind: 'webhook.disabled', payload: { kind: 'webhook.disabled', products: [], webhookUrl: subscriber.url! }, dedupKey: `webhook.disabled:${subscriber.id}:${+now}` });
      if (eventId !== null) await queueMail(tx, eventId, now, { subscriberId: subscriber.id });
    }
  });
  const who = subscriber ? (job.channel === 'webhook' ? new URL(subscriber.url!).host : maskAddress(subscriber.email)) : maskAddress(job.recipient ?? '');
  deps.log?.(`notification ${job.id} to ${who} failed (attempt ${job.attempts}${next === null ? ', dead' : ''}): ${reason}`);
}

/**
 * One round: claim a batch and deliver it, one job after the other. `signal` stops it
 * between jobs (what a killed process leaves: the rest still leased). Returns the number
 * of jobs handled.
 */
export async function runBatch(deps: WorkerDeps, { limit = 20, signal }: { limit?: number; signal?: AbortSignal } = {}): Promise<number> {
  const jobs = await claimJobs(deps.db, deps.clock(), limit);
  let handled = 0;
  for (const job of jobs) {
    if (signal?.aborted) break;
    const now = deps.clock();
    const [event] = await deps.db.select().from(notificationEvents).where(eq(notificationEvents.id, job.eventId));
    const [subscriber] = job.subscriberId === null ? [] : await deps.db.select().from(subscribers).where(eq(subscribers.id, job.subscriberId));
    try {
      await deliver(deps, job, event!.payload as EventPayload, subscriber ?? null, now);
      await acknowledge(deps, job, deps.clock());
    } catch (error) {
      await recordFailure(deps, job, subscriber ?? null, error, deps.clock());
    }
    handled += 1;
  }
  return handled;
}

/** Runs batches until none is due. */
export async function drain(deps: WorkerDeps): Promise<number> {
  let total = 0;
  for (let n = await runBatch(deps); n > 0; n = await runBatch(deps)) total += n;
  return total;
}
