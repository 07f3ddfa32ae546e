// Signing up, confirming, changing and cancelling a subscription, without an account: the
// subscribe form and the links in the mails call these. One subscription per address (or
// per URL of a channel); a second sign-up sends the confirmation again; what the form
// answers never tells whether an address was subscribed. Confirmation mails to one address
// go out at most once per RESEND_INTERVAL_MS.
import { and, eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { subscribers, subscriberTokens } from '#db/schema.ts';
import { MINUTE_MS } from '#src/time/units.ts';
import { queueMail, writeEvent } from '#src/outbox/enqueue.ts';
import { newWebhookSecret } from './channels/webhook/signature.ts';
import { linkToken } from './links.ts';
import { checkTarget, preferencesInput, productIds, productSlugsOf, setProducts, signUpInput, type SignUpProblem } from './subscriber-input.ts';
import { subscriberOfToken, type SubscriberRow } from './tokens.ts';

export const RESEND_INTERVAL_MS = 10 * MINUTE_MS;

export type SignUpResult = { ok: true } | { ok: false; problems: SignUpProblem[] };

export async function signUp(db: Database, input: unknown, now: Date, { allowPrivate }: { allowPrivate: boolean }): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse(input);
  const problems: SignUpProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'email') problems.push({ field: 'email', code: 'invalid_email' });
      else if (issue.path[0] === 'products') problems.push({ field: 'products', code: 'unknown_product' });
      else problems.push({ field: 'url', code: 'invalid_url' });
    }
    return { ok: false, problems };
  }
  const data = parsed.data;
  const ids = await productIds(db, data.products);
  if (!ids) problems.push({ field: 'products', code: 'unknown_product' });
  let url: string | null = null;
  if (data.channel !== 'email') {
    const problem = await checkTarget(data.channel, data.url, allowPrivate);
    if (problem) problems.push({ field: 'url', code: problem });
    else url = new URL(data.url!).toString();
  }
  if (problems.length || !ids) return { ok: false, problems };
  await db.transaction(async (tx) => {
    const key = url ? and(eq(subscribers.channel, data.channel), eq(subscribers.url, url)) : and(eq(subscribers.channel, 'email'), eq(subscribers.email, data.email));
    let [row] = await tx.select().from(subscribers).where(key).for('update');
    if (row?.lastConfirmationAt && +now - +row.lastConfirmationAt < RESEND_INTERVAL_MS) return;
    if (!row) {
      [row] = await tx
        .insert(subscribers)
        .values({ channel: data.channel, email: data.email, url, secret: data.channel === 'webhook' ? newWebhookSecret() : null, locale: data.locale, allProducts: ids.length === 0, createdAt: now, lastConfirmationAt: now })
        .returning();
      await setProducts(tx, row!.id, ids);
    } else {
      // Nobody has confirmed an unconfirmed choice yet: the newest one counts. A confirmed
      // subscription keeps its settings (they change through its manage link).
      const choice = row.confirmedAt ? {} : { locale: data.locale, allProducts: ids.length === 0, email: data.email };
      await tx.update(subscribers).set({ ...choice, lastConfirmationAt: now }).where(eq(subscribers.id, row.id));
      if (!row.confirmedAt) await setProducts(tx, row.id, ids);
    }
    const eventId = await writeEvent(tx, now, { kind: 'subscription.confirm', payload: { kind: 'subscription.confirm', products: [], ...(url && { webhookUrl: url, channel: data.channel }) } });
    await queueMail(tx, eventId!, now, { subscriberId: row!.id });
  });
  return { ok: true };
}

export interface Subscription {
  subscriber: SubscriberRow;
  productSlugs: string[];
}

async function withProducts(db: Database, subscriber: SubscriberRow): Promise<Subscription> {
  return { subscriber, productSlugs: await productSlugsOf(db, subscriber.id) };
}

/** The subscription a mail's link opens, and whether the link is a confirmation. */
export async function openLink(db: Database, token: string, now: Date): Promise<(Subscription & { purpose: 'confirm' | 'manage' }) | null> {
  const found = await subscriberOfToken(db, token, ['confirm', 'manage'], now);
  if (!found) return null;
  return { ...(await withProducts(db, found.subscriber)), purpose: found.purpose };
}

/**
 * Double opt-in: a valid confirmation link (48 hours from the sign-up it answers) confirms;
 * following it again changes nothing. The page goes on as the manage page, with the link
 * every mail to this subscriber carries (how a subscriber who lost it gets it back: sign
 * up again).
 */
export async function confirm(db: Database, token: string, now: Date): Promise<(Subscription & { manageToken: string }) | null> {
  const found = await subscriberOfToken(db, token, ['confirm'], now);
  if (!found) return null;
  const [row] = await db.transaction(async (tx) => {
    await tx.delete(subscriberTokens).where(and(eq(subscriberTokens.subscriberId, found.subscriber.id), eq(subscriberTokens.purpose, 'confirm')));
    return tx
      .update(subscribers)
      .set({ confirmedAt: found.subscriber.confirmedAt ?? now, disabledAt: null })
      .where(eq(subscribers.id, found.subscriber.id))
      .returning();
  });
  return { ...(await withProducts(db, row!)), manageToken: linkToken(row!, 'manage') };
}

export async function savePreferences(db: Database, token: string, input: unknown, now: Date): Promise<Subscription | null | 'invalid'> {
  const found = await subscriberOfToken(db, token, ['manage'], now);
  if (!found) return null;
  const parsed = preferencesInput.safeParse(input);
  const ids = parsed.success ? await productIds(db, parsed.data.products) : null;
  if (!parsed.success || !ids) return 'invalid';
  const [row] = await db.transaction(async (tx) => {
    await setProducts(tx, found.subscriber.id, ids);
    return tx.update(subscribers).set({ locale: parsed.data.locale, allProducts: ids.length === 0 }).where(eq(subscribers.id, found.subscriber.id)).returning();
  });
  return withProducts(db, row!);
}

/** Cancels through a mail's manage link (also RFC 8058 one-click): the subscriber, its tokens and queued mails are gone. */
export async function unsubscribe(db: Database, token: string, now: Date): Promise<boolean> {
  const found = await subscriberOfToken(db, token, ['manage'], now);
  if (!found) return false;
  await removeSubscriber(db, found.subscriber.id);
  return true;
}

export async function removeSubscriber(db: Database, id: number): Promise<void> {
  await db.delete(subscribers).where(eq(subscribers.id, id));
}
