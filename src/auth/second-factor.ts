// The second factor: setting up a TOTP key (confirmed by a first code, then ten recovery
// codes shown once and stored hashed), checking it at sign-in (a code is accepted once;
// failures count towards the same lock as passwords), turning it off, and the console-wide
// rule that everyone must have one.
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { consoleSettings, users } from '#db/schema.ts';
import { writeAudit } from '#src/audit/write.ts';
import { CommandError, fieldError } from '#src/commands/errors.ts';
import { runCommand, type CommandContext } from '#src/commands/run.ts';
import { createSession, endSession, type SessionSettings, type SignedIn } from './sessions.ts';
import { clearAccount, lockedFor, recordFailure, throttleKeys } from './throttle.ts';
import { acceptTotp, newTotpSecret } from './totp.ts';

const hashCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

export async function requireTotpForAll(db: Queryable): Promise<boolean> {
  const [row] = await db.select().from(consoleSettings);
  return row?.requireTotp ?? false;
}

export async function setRequireTotp(ctx: CommandContext, required: boolean): Promise<void> {
  await runCommand(ctx, 'users', async (tx) => {
    await tx.insert(consoleSettings).values({ id: 1, requireTotp: required }).onConflictDoUpdate({ target: consoleSettings.id, set: { requireTotp: required } });
    return { result: undefined, audit: { action: required ? 'settings.require-totp' : 'settings.allow-no-totp', entityType: 'settings', entityId: 1 } };
  });
}

function signedInUser(ctx: CommandContext): number {
  if (ctx.actor.kind !== 'user' || ctx.actor.token) throw new CommandError('forbidden', 'only a signed-in user sets up their own second factor');
  return ctx.actor.userId;
}

/** A new key to add to the authenticator app; it counts once a code confirms it. */
export async function startTotp(ctx: CommandContext): Promise<string> {
  const userId = signedInUser(ctx);
  const secret = newTotpSecret();
  await ctx.db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId));
  return secret;
}

/** Confirms the pending key with a code from the app; returns the recovery codes, shown once. */
export async function confirmTotp(ctx: CommandContext, code: string): Promise<string[]> {
  const userId = signedInUser(ctx);
  return runCommand(ctx, 'tokens', async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user?.totpPendingSecret) throw fieldError('code', 'start setting up the second factor first');
    const step = acceptTotp(user.totpPendingSecret, code, +ctx.now, null);
    if (step === null) throw fieldError('code', 'is not the current code of the app (6 digits; check the clock of the phone)');
    const codes = Array.from({ length: 10 }, () => randomBytes(5).toString('hex'));
    await tx.update(users).set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step, recoveryCodes: codes.map(hashCode) }).where(eq(users.id, userId));
    return { result: codes, audit: { action: 'user.totp-on', entityType: 'user', entityId: userId } };
  });
}

/** Turns the second factor off with a current code; refused while the admin requires it for everyone. */
export async function disableTotp(ctx: CommandContext, code: string): Promise<void> {
  const userId = signedInUser(ctx);
  if (await requireTotpForAll(ctx.db)) throw new CommandError('forbidden', 'an administrator requires a second factor for everyone');
  await runCommand(ctx, 'tokens', async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user?.totpSecret || acceptTotp(user.totpSecret, code, +ctx.now, user.totpLastStep) === null) throw fieldError('code', 'is not the current code of the app');
    await tx.update(users).set({ totpSecret: null, totpLastStep: null, recoveryCodes: [] }).where(eq(users.id, userId));
    return { result: undefined, audit: { action: 'user.totp-off', entityType: 'user', entityId: userId } };
  });
}

export type SecondFactorResult = { ok: true; cookieValue: string } | { ok: false; reason: 'failed' } | { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * The second step of sign-in: a TOTP code (never one accepted before) or an unused
 * recovery code (then spent). Success replaces the pending session with a new one.
 */
export async function verifySecondFactor(db: Queryable, pending: SignedIn, code: string, address: string, now: Date, settings: SessionSettings & { maxFailures: number }): Promise<SecondFactorResult> {
  const keys = throttleKeys(pending.email, address);
  const locked = await lockedFor(db, keys, now);
  if (locked !== null) return { ok: false, reason: 'locked', retryAfterSeconds: locked };
  const [user] = await db.select().from(users).where(eq(users.id, pending.userId));
  if (!user?.totpSecret) return { ok: false, reason: 'failed' };
  const step = acceptTotp(user.totpSecret, code, +now, user.totpLastStep);
  const recovery = step === null ? user.recoveryCodes.indexOf(hashCode(code)) : -1;
  if (step === null && recovery < 0) {
    await recordFailure(db, keys, now, settings.maxFailures);
    const nowLocked = await lockedFor(db, keys, now);
    return nowLocked !== null ? { ok: false, reason: 'locked', retryAfterSeconds: nowLocked } : { ok: false, reason: 'failed' };
  }
  if (step !== null) await db.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
  else await db.update(users).set({ recoveryCodes: user.recoveryCodes.filter((_, n) => n !== recovery) }).where(eq(users.id, user.id));
  await clearAccount(db, pending.email);
  await endSession(db, pending.sessionId);
  const { cookieValue } = await createSession(db, user.id, now, settings);
  await writeAudit(db, { kind: 'user', userId: user.id, email: user.email, role: user.role }, now, { action: step !== null ? 'user.sign-in' : 'user.sign-in-recovery-code', entityType: 'user', entityId: user.id });
  return { ok: true, cookieValue };
}
