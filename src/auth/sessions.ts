// Console sessions in the database (both drivers; a restart keeps them): the cookie holds
// a random id, the table only its SHA-256, so a leaked table signs nobody in. A session
// ends after SESSION_IDLE_MINUTES without a request or SESSION_MAX_HOURS after sign-in,
// whichever comes first. Every sign-in makes a new id (no fixation); sign-out deletes it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { sessions, users } from '#db/schema.ts';
import type { Role } from '#src/domain/actor.ts';

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
  /** Secure cookie with the __Host- prefix: the site is served over https. */
  secure: boolean;
}

export interface SignedIn {
  sessionId: string;
  userId: number;
  email: string;
  name: string;
  role: Role;
  /** Sent back with every form of this session (CSRF). */
  csrf: string;
  /** The password was right, the second factor is still to come: no console page yet. */
  secondFactorPending: boolean;
  /** The user has a second factor set up. */
  hasTotp: boolean;
}

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

export const cookieName = (settings: Pick<SessionSettings, 'secure'>) => (settings.secure ? '__Host-session' : 'session');

export function sessionCookie(settings: SessionSettings, value: string | null): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(settings.secure ? ['Secure'] : [])];
  if (value === null) return [`${cookieName(settings)}=`, 'Max-Age=0', ...attributes].join('; ');
  return [`${cookieName(settings)}=${value}`, `Max-Age=${settings.maxHours * 3600}`, ...attributes].join('; ');
}

export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

export async function createSession(db: Queryable, userId: number, now: Date, settings: SessionSettings, { secondFactorPending = false } = {}): Promise<{ cookieValue: string }> {
  const id = randomBytes(32).toString('base64url');
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(+now - settings.idleMinutes * 60_000))));
  await db.insert(sessions).values({
    id: hashId(id),
    userId,
    csrf: randomBytes(24).toString('base64url'),
    secondFactorPending,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(+now + settings.maxHours * 3_600_000),
  });
  return { cookieValue: id };
}

/** The signed-in user of this cookie, or null (unknown, idle too long, expired, user disabled). */
export async function findSession(db: Queryable, cookieValue: string | null, now: Date, settings: SessionSettings): Promise<SignedIn | null> {
  if (!cookieValue || cookieValue.length > 100) return null;
  const id = hashId(cookieValue);
  const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  if (!row) return null;
  const idleSince = new Date(+now - settings.idleMinutes * 60_000);
  if (row.session.expiresAt <= now || row.session.lastSeenAt < idleSince || row.user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Seen again: written at most once a minute.
  if (+now - +row.session.lastSeenAt > 60_000) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return {
    sessionId: id,
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    csrf: row.session.csrf,
    secondFactorPending: row.session.secondFactorPending,
    hasTotp: row.user.totpSecret !== null,
  };
}

export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (password changed, user disabled). */
export async function endSessionsOf(db: Queryable, userId: number, except?: string): Promise<void> {
  const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  for (const r of rows) if (r.id !== except) await db.delete(sessions).where(and(eq(sessions.id, r.id), eq(sessions.userId, userId)));
}

export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}
