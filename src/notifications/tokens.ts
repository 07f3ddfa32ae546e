// Which subscription a link opens: a signed link (./links.ts), or the random token of a mail
// sent before links were signed (only its SHA-256 is kept in subscriber_tokens, which
// nothing writes any more; those mails' links work until the retention removes the row).
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { subscribers, subscriberTokens } from '#db/schema.ts';
import { hashToken } from '#src/auth/secrets.ts';
import { readLinkToken, tokenMatches, type LinkPurpose } from './links.ts';

export type SubscriberRow = typeof subscribers.$inferSelect;

/** The subscriber a token of one of `purposes` belongs to, while it is valid. */
export async function subscriberOfToken(db: Queryable, token: string, purposes: readonly LinkPurpose[], now: Date): Promise<{ subscriber: SubscriberRow; purpose: LinkPurpose } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const claim = readLinkToken(token);
  if (claim && purposes.includes(claim.purpose)) {
    const [subscriber] = await db.select().from(subscribers).where(eq(subscribers.id, claim.subscriberId));
    if (subscriber && tokenMatches(token, subscriber, claim.purpose, now)) return { subscriber, purpose: claim.purpose };
  }
  const [legacy] = await db
    .select({ subscriber: subscribers, purpose: subscriberTokens.purpose })
    .from(subscriberTokens)
    .innerJoin(subscribers, eq(subscribers.id, subscriberTokens.subscriberId))
    .where(and(eq(subscriberTokens.hash, hashToken(token)), inArray(subscriberTokens.purpose, [...purposes]), or(isNull(subscriberTokens.expiresAt), gt(subscriberTokens.expiresAt, now))));
  return legacy ?? null;
}
