// Brute-force protection for sign-in: failures are counted per account and per client
// address in the database (shared by every instance); after LOGIN_MAX_FAILURES within 15
// minutes that account is locked for 15 minutes and sign-in answers 429 with Retry-After;
// an address (an office behind one NAT holds many users) is locked after four times as many.
// The answer is the same whether the account exists or not.
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { loginThrottle } from '#db/schema.ts';

const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export const throttleKeys = (email: string, address: string) => [`account:${email.trim().toLowerCase()}`, `address:${address}`];

/** Seconds until the earliest of these keys unlocks; null when none is locked. */
export async function lockedFor(db: Queryable, keys: string[], now: Date): Promise<number | null> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const until = rows.map((r) => r.lockedUntil).filter((d): d is Date => d !== null && d > now);
  if (until.length === 0) return null;
  return Math.ceil((Math.max(...until.map(Number)) - +now) / 1000);
}

export async function recordFailure(db: Queryable, keys: string[], now: Date, maxFailures: number): Promise<void> {
  for (const key of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    const fresh = !row || +now - +row.windowStart >= WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const limit = key.startsWith('address:') ? maxFailures * 4 : maxFailures;
    const values = { key, failures, windowStart: fresh ? now : row.windowStart, lockedUntil: failures >= limit ? new Date(+now + LOCK_MS) : null };
    await db.insert(loginThrottle).values(values).onConflictDoUpdate({ target: loginThrottle.key, set: values });
  }
}

/** A successful sign-in clears its account's count (not the address's: one good password does not unlock guessing at others). */
export async function clearAccount(db: Queryable, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, throttleKeys(email, '')[0]!));
}
