// Sign-in: the same answer for an unknown address and a wrong password (and the same
// work: a password is always verified, against a dummy hash when there is no user), a lock
// after repeated failures per account and per address, and a new session id every time.
import { eq } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { users } from '#db/schema.ts';
import { writeAudit } from '#src/audit/write.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { createSession, type SessionSettings } from './sessions.ts';
import { clearAccount, lockedFor, recordFailure, throttleKeys } from './throttle.ts';

export type SignInResult = { ok: true; cookieValue: string; secondFactor: boolean } | { ok: false; reason: 'failed' } | { ok: false; reason: 'locked'; retryAfterSeconds: number };

let dummyHash: Promise<string> | undefined;

export async function signIn(
  db: Queryable,
  input: { email: string; password: string; address: string },
  now: Date,
  settings: SessionSettings & { maxFailures: number },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.address);
  const locked = await lockedFor(db, keys, now);
  if (locked !== null) return { ok: false, reason: 'locked', retryAfterSeconds: locked };
  const [user] = email ? await db.select().from(users).where(eq(users.email, email)) : [];
  dummyHash ??= hashPassword('a password nobody has, to spend the same time');
  const stored = user?.passwordHash && !user.disabledAt ? user.passwordHash : await dummyHash;
  const matches = (await verifyPassword(stored, input.password)) && !!user?.passwordHash && !user.disabledAt;
  if (!matches || !user) {
    await recordFailure(db, keys, now, settings.maxFailures);
    const nowLocked = await lockedFor(db, keys, now);
    return nowLocked !== null ? { ok: false, reason: 'locked', retryAfterSeconds: nowLocked } : { ok: false, reason: 'failed' };
  }
  const secondFactor = user.totpSecret !== null;
  // With a second factor the account's failures are cleared only once that is given too.
  if (!secondFactor) await clearAccount(db, email);
  const { cookieValue } = await createSession(db, user.id, now, settings, { secondFactorPending: secondFactor });
  if (!secondFactor) await writeAudit(db, { kind: 'user', userId: user.id, email: user.email, role: user.role }, now, { action: 'user.sign-in', entityType: 'user', entityId: user.id });
  return { ok: true, cookieValue, secondFactor };
}
