// The links in the mails: a random token per link, only its SHA-256 stored
// (subscriber_tokens), as for API tokens. A confirmation link expires; a manage link lasts
// as long as the subscription (every mail carries a fresh one).
import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { subscribers, subscriberTokens } from '#db/schema.ts';
import { hashToken } from '#src/auth/secrets.ts';
import { HOUR_MS } from '#src/time/units.ts';

export type TokenPurpose = 'confirm' | 'manage';
export const CONFIRM_LINK_HOURS = 48;
export type SubscriberRow = typeof subscribers.$inferSelect;

export async function issueToken(db: Queryable, subscriberId: number, purpose: TokenPurpose, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = purpose === 'confirm' ? new Date(+now + CONFIRM_LINK_HOURS * HOUR_MS) : null;
  await db.insert(subscriberTokens).values({ hash: hashToken(token), subscriberId, purpose, createdAt: now, expiresAt });
  return token;
}

/** The subscriber a token of one of `purposes` belongs to, while it is valid. */
export async function subscriberOfToken(db: Queryable, token: string, purposes: readonly TokenPurpose[], now: Date): Promise<{ subscriber: SubscriberRow; purpose: TokenPurpose } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ subscriber: subscribers, purpose: subscriberTokens.purpose })
    .from(subscriberTokens)
    .innerJoin(subscribers, eq(subscribers.id, subscriberTokens.subscriberId))
    .where(and(eq(subscriberTokens.hash, hashToken(token)), inArray(subscriberTokens.purpose, [...purposes]), or(isNull(subscriberTokens.expiresAt), gt(subscriberTokens.expiresAt, now))));
  return row ?? null;
}
