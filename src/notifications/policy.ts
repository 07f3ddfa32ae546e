// When a failed delivery is tried again, and when it is given up (dead). Pure: the worker
// hands in the attempt count and times. E-mail is retried a fixed number of times; a
// webhook for a day (issue 13: "disabled after a day of failures"), with exponential backoff
// from WEBHOOK_RETRY_BASE_SECONDS, each wait capped at an hour.
import { DAY_MS, HOUR_MS, MINUTE_MS } from '#src/time/units.ts';

export const MAIL_RETRY_BASE_MS = MINUTE_MS;
/** Waits of 1, 2, 4, 8, 16, 32 and 60 minutes: a mail server away for two hours loses nothing. */
export const MAIL_MAX_ATTEMPTS = 8;
export const WEBHOOK_GIVE_UP_AFTER_MS = DAY_MS;
export const MAX_RETRY_WAIT_MS = HOUR_MS;
/** How long a claimed job is left to its worker before another may take it over. */
export const CLAIM_LEASE_MS = 2 * MINUTE_MS;

/** The wait after the `attempts`-th failed try (1 = the first try failed): base × 2^(attempts−1), capped. */
export function retryDelay(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_WAIT_MS);
}

export interface FailedTry {
  channel: 'email' | 'webhook';
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
