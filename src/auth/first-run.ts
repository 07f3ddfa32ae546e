// First run: while no active administrator exists, the server prints a one-time set-up
// link (valid for an hour) so that `npm start` and a browser are enough to begin.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { users } from '#db/schema.ts';
import { hashToken } from './secrets.ts';

export const SETUP_VALID_MS = 60 * 60_000;

export async function needsSetup(db: Queryable): Promise<boolean> {
  const [admin] = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt))).limit(1);
  return !admin;
}

export function newSetupToken(now: number): { token: string; tokenHash: string; expiresAt: number } {
  const token = randomBytes(24).toString('base64url');
  return { token, tokenHash: hashToken(token), expiresAt: now + SETUP_VALID_MS };
}
