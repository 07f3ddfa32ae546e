// When a failed delivery is tried again, and when it is given up (dead). Pure: the worker
// hands in the attempt count and times. E-mail is retried a fixed number of times; a URL
// channel (webhook, Teams, Slack, Discord) for a day (issue 13: "disabled after a day of
// failures"), with exponential backoff from WEBHOOK_RETRY_BASE_SECONDS, each wait capped
// at an hour. A destination that does not answer at all is backed off as a whole
// (destinationBackoff), so its jobs wait without taking a sender.
import type { ChannelName } from '#src/domain/vocabulary.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '#src/time/units.ts';

export const MAIL_RETRY_BASE_MS = MINUTE_MS;
/** Waits of 1, 2, 4, 8, 16, 32 and 60 minutes: a mail server away for two hours loses nothing. */
export const MAIL_MAX_ATTEMPTS = 8;
export const WEBHOOK_GIVE_UP_AFTER_MS = DAY_MS;
export const MAX_RETRY_WAIT_MS = HOUR_MS;
/** How long a claimed job is left to its worker before another may take it over. */
export const CLAIM_LEASE_MS = 2 * MINUTE_MS;

/** Backoff of a destination that does not answer: our own SMTP relay (tried again soon), or a receiver's server. */
export const RELAY_BACKOFF = { baseMs: SECOND_MS, maxMs: MINUTE_MS } as const;
export const RECEIVER_BACKOFF = { baseMs: 5 * SECOND_MS, maxMs: 5 * MINUTE_MS } as const;

/** The wait after the `failures`-th time in a row a destination did not answer. */
export function destinationBackoff(failures: number, backoff: { baseMs: number; maxMs: number }): number {
  return Math.min(backoff.baseMs * 2 ** Math.max(0, failures - 1), backoff.maxMs);
}

/** The wait after the `attempts`-th failed try (1 = the first try failed): base × 2^(attempts−1), capped. */
export function retryDelay(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_WAIT_MS);
}

export interface FailedTry {
  channel: ChannelName;
  /** Tries made so far, the failed one included. */
  attempts: number;
  /** When the job was queued (ms). */
  createdAt: number;
  now: number;
  baseMs: number;
}

/** The next try's time, or null when the job is dead. */
export function nextTry({ channel, attempts, createdAt, now, baseMs }: FailedTry): number | null {
  if (channel === 'email') return attempts >= MAIL_MAX_ATTEMPTS ? null : now + retryDelay(attempts, baseMs);
  const next = now + retryDelay(attempts, baseMs);
  return next - createdAt > WEBHOOK_GIVE_UP_AFTER_MS ? null : next;
}
