// One channel's sending: claims its due jobs in batches while sends are in flight (up to the
// channel's concurrency, and its per-destination limit), renders each event once per
// language, sends with the channel's timeout, and settles outcomes in batches (every
// FLUSH_MS or FLUSH_SIZE). A slow or dead receiver holds one slot of its own channel for
// at most the timeout and is then backed off; the other channels have lanes of their own,
// so mail never waits for a webhook. A relay of our own that is away (the SMTP server)
// pauses the lane: its mail waits in the queue, and the tries do not count.
import type { ChannelName } from '#src/domain/vocabulary.ts';
import { isSubscriberEvent } from '#src/outbox/events.ts';
import type { Channel, Recipient, StoredEvent } from '../channels/channel.ts';
import { maskAddress, type MailTransport } from '../channels/email/transport.ts';
import { MAIL_RETRY_BASE_MS, nextTry, RECEIVER_BACKOFF, RELAY_BACKOFF } from '../policy.ts';
import { Destinations } from './destinations.ts';
import { emptySettlement, settlementSize, type ClaimedJob, type DeliveryStore, type Settlement } from './store.ts';

export interface WorkerSettings {
  siteUrl: string;
  webhookRetryBaseMs: number;
  webhookAllowPrivate: boolean;
}

export interface WorkerDeps {
  store: DeliveryStore;
  mail: MailTransport;
  clock: () => Date;
  settings: WorkerSettings;
  log?: (line: string) => void;
}

/** The events of claimed jobs, read once for all lanes. */
export interface EventCache {
  load(ids: number[]): Promise<void>;
  get(id: number): StoredEvent | undefined;
}

export const CLAIM_BATCH = 200;
const FLUSH_MS = 100;
const FLUSH_SIZE = 200;
const RENDERED_KEPT = 64;

const reasonOf = (error: unknown) => ((error as Error)?.message ?? String(error)).slice(0, 500);

export class Lane {
  readonly #deps: WorkerDeps;
  readonly #channel: Channel;
  readonly #events: EventCache;
  readonly #destinations: Destinations;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #waiting = new Map<string, { job: ClaimedJob; recipient: Recipient; event: StoredEvent }[]>();
  readonly #rendered = new Map<string, unknown>();
  #pending: Settlement = emptySettlement();
  #flushing: Promise<void> = Promise.resolve();
  #pausedUntil = 0;

  constructor(deps: WorkerDeps, channel: Channel, events: EventCache) {
    this.#deps = deps;
    this.#channel = channel;
    this.#events = events;
    this.#destinations = new Destinations(channel.limits.perDestination);
  }

  get name(): ChannelName {
    return this.#channel.name;
  }

  /** While our own relay is backed off: until when (ms), else null. */
  pausedUntil(now: number): number | null {
    return this.#pausedUntil > now ? this.#pausedUntil : null;
  }

  /**
   * Sends until nothing of this channel is due, or `signal` aborts: then nothing new starts,
   * what waits for its destination is put back in the queue, and what is in flight is
   * awaited (`graceful`, a stop) or left to its lease (as a killed worker leaves it).
   * Returns the number of jobs handled.
   */
  async drain(signal?: AbortSignal, { graceful = false } = {}): Promise<number> {
    const { concurrency } = this.#channel.limits;
    let handled = 0;
    let exhausted = false;
    const timer = setInterval(() => void this.#flush(), FLUSH_MS);
    timer.unref();
    const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
    try {
      for (;;) {
        if (signal?.aborted) break;
        const now = +this.#deps.clock();
        const busy = this.#inFlight.size + this.#waitingCount();
        const wanted = concurrency - busy;
        const mayClaim: boolean = wanted > 0 && this.pausedUntil(now) === null && (!exhausted || busy <= concurrency / 2);
        const jobs: ClaimedJob[] = mayClaim ? await this.#deps.store.claim(this.#channel.name, new Date(now), Math.min(wanted, CLAIM_BATCH)) : [];
        exhausted = mayClaim && jobs.length < Math.min(wanted, CLAIM_BATCH);
        if (jobs.length > 0) {
          await this.#events.load([...new Set(jobs.map((j) => j.eventId))]);
          for (const job of jobs) this.#dispatch(job, now);
          handled += jobs.length;
          continue;
        }
        if (this.#inFlight.size === 0) break;
        await Promise.race([...this.#inFlight, aborted]);
        exhausted = exhausted && this.#inFlight.size > concurrency / 2;
      }
      if (signal?.aborted) this.#putBackWaiting();
      if (!signal?.aborted || graceful) await Promise.all(this.#inFlight);
    } finally {
      clearInterval(timer);
      await this.#flush();
    }
    return handled;
  }

  #putBackWaiting(): void {
    const now = this.#deps.clock();
    for (const queue of this.#waiting.values()) for (const { job } of queue) this.#pending.retry.push({ id: job.id, runAfter: now, error: 'put back: the worker stopped', uncounted: true });
    this.#waiting.clear();
  }

  #waitingCount(): number {
    let n = 0;
    for (const queue of this.#waiting.values()) n += queue.length;
    return n;
  }

  #recipientOf(job: ClaimedJob): Recipient {
    const subscriber = job.subscriber;
    if (!subscriber) return { subscriber: null, address: job.recipient ?? '' };
    return { subscriber, address: this.#channel.target === 'url' ? subscriber.url! : subscriber.email };
  }

  #dispatch(job: ClaimedJob, now: number): void {
    const event = this.#events.get(job.eventId);
    const recipient = this.#recipientOf(job);
    const subscriber = recipient.subscriber;
    if (!event) return void this.#pending.dead.push({ id: job.id, error: 'the event is gone' });
    if (!this.#channel.carries(event.kind)) return void this.#pending.dead.push({ id: job.id, error: `${this.#channel.name} does not carry ${event.kind}` });
    if (subscriber && isSubscriberEvent(event.kind) && (!subscriber.confirmedAt || subscriber.disabledAt)) {
      return void this.#pending.dead.push({ id: job.id, error: 'the subscription is not confirmed or is disabled' });
    }
    const key = this.#channel.destination(recipient);
    const blocked = this.pausedUntil(now) ?? this.#destinations.blockedUntil(key, now);
    if (blocked !== null) return void this.#pending.retry.push({ id: job.id, runAfter: new Date(blocked), error: 'waiting: the destination did not answer', uncounted: true });
    if (!this.#destinations.acquire(key)) {
      this.#waiting.set(key, [...(this.#waiting.get(key) ?? []), { job, recipient, event }]);
      return;
    }
    this.#start(job, recipient, event, key);
  }

  #render(event: StoredEvent, recipient: Recipient): unknown {
    const locale = recipient.subscriber?.locale ?? 'nl';
    const key = `${event.id}:${locale}`;
    let message = this.#rendered.get(key);
    if (message === undefined) {
      message = this.#channel.render(event, locale, { siteUrl: this.#deps.settings.siteUrl, mailFrom: this.#deps.mail.from });
      if (this.#rendered.size >= RENDERED_KEPT) this.#rendered.delete(this.#rendered.keys().next().value!);
      this.#rendered.set(key, message);
    }
    return message;
  }

  #start(job: ClaimedJob, recipient: Recipient, event: StoredEvent, key: string): void {
    const sending: Promise<void> = this.#send(job, recipient, event, key).finally(() => {
      this.#destinations.release(key);
      this.#inFlight.delete(sending);
      this.#next(key);
      if (settlementSize(this.#pending) >= FLUSH_SIZE) void this.#flush();
    });
    this.#inFlight.add(sending);
  }

  async #send(job: ClaimedJob, recipient: Recipient, event: StoredEvent, key: string): Promise<void> {
    const { settings, mail, clock } = this.#deps;
    try {
      const context = { siteUrl: settings.siteUrl, allowPrivate: settings.webhookAllowPrivate, mail, now: clock(), signal: AbortSignal.timeout(this.#channel.limits.timeoutMs) };
      await this.#channel.send(this.#render(event, recipient), recipient, context);
      this.#destinations.succeeded(key);
      this.#pending.sent.push(job.id);
    } catch (error) {
      this.#failed(job, recipient, error, key);
    }
  }

  /** A slot of `key` is free: its next waiting job starts, or all of them wait out its backoff. */
  #next(key: string): void {
    const queue = this.#waiting.get(key);
    if (!queue?.length) return void this.#waiting.delete(key);
    const now = +this.#deps.clock();
    const blocked = this.pausedUntil(now) ?? this.#destinations.blockedUntil(key, now);
    if (blocked !== null) {
      for (const { job } of queue) this.#pending.retry.push({ id: job.id, runAfter: new Date(blocked), error: 'waiting: the destination did not answer', uncounted: true });
      return void this.#waiting.delete(key);
    }
    if (!this.#destinations.acquire(key)) return;
    const { job, recipient, event } = queue.shift()!;
    this.#start(job, recipient, event, key);
  }

  #failed(job: ClaimedJob, recipient: Recipient, error: unknown, key: string): void {
    const now = this.#deps.clock();
    const reason = reasonOf(error);
    const outcome = this.#channel.classify(error);
    const subscriber = recipient.subscriber;
    const urlSubscription = subscriber && job.channel !== 'email' ? subscriber.id : null;
    let verdict = '';
    if (outcome.kind === 'permanent' || outcome.kind === 'gone') {
      this.#pending.dead.push({ id: job.id, error: reason });
      if (outcome.kind === 'gone' && urlSubscription !== null) this.#pending.disable.push({ subscriberId: urlSubscription, reason: 'gone' });
      verdict = outcome.kind === 'gone' ? ', gone: disabled' : ', dead';
    } else if (outcome.kind === 'later') {
      this.#pending.retry.push({ id: job.id, runAfter: new Date(+now + outcome.afterMs), error: reason, uncounted: true });
    } else if (outcome.kind === 'unreachable' && !outcome.counts) {
      this.#pausedUntil = this.#destinations.failed(key, +now, RELAY_BACKOFF);
      this.#pending.retry.push({ id: job.id, runAfter: new Date(this.#pausedUntil), error: reason, uncounted: true });
      verdict = ', waiting for the relay';
    } else {
      if (outcome.kind === 'unreachable') this.#destinations.failed(key, +now, RECEIVER_BACKOFF);
      const baseMs = job.channel === 'email' ? MAIL_RETRY_BASE_MS : this.#deps.settings.webhookRetryBaseMs;
      const next = nextTry({ channel: job.channel, attempts: job.attempts, createdAt: +job.createdAt, now: +now, baseMs });
      if (next === null) {
        this.#pending.dead.push({ id: job.id, error: reason });
        // A URL channel failing for a day is switched off, and its contact told.
        if (urlSubscription !== null) this.#pending.disable.push({ subscriberId: urlSubscription, reason: 'failing' });
        verdict = ', dead';
      } else this.#pending.retry.push({ id: job.id, runAfter: new Date(next), error: reason });
    }
    const who = job.channel === 'email' ? maskAddress(recipient.address) : key;
    this.#deps.log?.(`notification ${job.id} to ${who} failed (attempt ${job.attempts}${verdict}): ${reason}`);
  }

  /** Settles what finished, one batch at a time; a failed write is kept for the next one. */
  #flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (settlementSize(this.#pending) === 0) return;
      const batch = this.#pending;
      this.#pending = emptySettlement();
      try {
        await this.#deps.store.settle(this.#deps.clock(), batch);
      } catch (error) {
        this.#deps.log?.(`notifications: settling ${settlementSize(batch)} deliveries failed, kept for the next try: ${reasonOf(error)}`);
        for (const k of ['sent', 'retry', 'dead', 'disable'] as const) (this.#pending[k] as unknown[]).push(...batch[k]);
      }
    });
    return this.#flushing;
  }
}
