// Signing up, confirming, changing and cancelling a subscription, without an account: the
// subscribe form and the links in the mails call these. One subscription per address (or
// per webhook URL); a second sign-up sends the confirmation again; what the form answers
// never tells whether an address was subscribed. Confirmation mails to one address go out
// at most once per RESEND_INTERVAL_MS.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '#db/client.ts';
import { CommandError } from '#src/commands/errors.ts';
import { runCommand, type CommandContext } from '#src/commands/run.ts';
import { products, subscriberProducts, subscribers, subscriberTokens } from '#db/schema.ts';
import { MINUTE_MS } from '#src/time/units.ts';
import { checkWebhookUrl, newWebhookSecret } from './channels/webhook.ts';
import { queueMail, writeEvent } from '#src/outbox/enqueue.ts';
import { issueToken, subscriberOfToken, type SubscriberRow } from './tokens.ts';

export const RESEND_INTERVAL_MS = 10 * MINUTE_MS;

const locale = z.enum(['nl', 'en']).default('nl');
const slugs = z.array(z.string()).default([]);
export const signUpInput = z.object({
  channel: z.enum(['email', 'webhook']).default('email'),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  url: z.string().trim().max(2000).optional(),
  locale,
  products: slugs,
});
export const preferencesInput = z.object({ locale, products: slugs });

export type SignUpProblem = { field: 'email' | 'url' | 'products'; code: 'invalid_email' | 'invalid_url' | 'refused_address' | 'unknown_product' };
export type SignUpResult = { ok: true } | { ok: false; problems: SignUpProblem[] };

async function productIds(db: Database, wanted: readonly string[]): Promise<number[] | null> {
  const unique = [...new Set(wanted)];
  if (unique.length === 0) return [];
  const rows = await db.select({ id: products.id }).from(products).where(inArray(products.slug, unique));
  return rows.length === unique.length ? rows.map((r) => r.id) : null;
}

async function setProducts(db: Pick<Database, 'delete' | 'insert'>, subscriberId: number, ids: readonly number[]): Promise<void> {
  await db.delete(subscriberProducts).where(eq(subscriberProducts.subscriberId, subscriberId));
  if (ids.length) await db.insert(subscriberProducts).values(ids.map((productId) => ({ subscriberId, productId })));
}

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
  if (data.channel === 'webhook') {
    const problem = data.url ? await checkWebhookUrl(data.url, allowPrivate) : 'invalid_url';
    if (problem) problems.push({ field: 'url', code: problem });
    else url = new URL(data.url!).toString();
  }
  if (problems.length || !ids) return { ok: false, problems };
  await db.transaction(async (tx) => {
    const key = url ? and(eq(subscribers.channel, 'webhook'), eq(subscribers.url, url)) : and(eq(subscribers.channel, 'email'), eq(subscribers.email, data.email));
    let [row] = await tx.select().from(subscribers).where(key).for('update');
    if (row?.lastConfirmationAt && +now - +row.lastConfirmationAt < RESEND_INTERVAL_MS) return;
    if (!row) {
      [row] = await tx
        .insert(subscribers)
        .values({ channel: data.channel, email: data.email, url, secret: url ? newWebhookSecret() : null, locale: data.locale, allProducts: ids.length === 0, createdAt: now, lastConfirmationAt: now })
        .returning();
      await setProducts(tx, row!.id, ids);
    } else {
      // Nobody has confirmed an unconfirmed choice yet: the newest one counts. A confirmed
      // subscription keeps its settings (they change through its manage link).
      const choice = row.confirmedAt ? {} : { locale: data.locale, allProducts: ids.length === 0, email: data.email };
      await tx.update(subscribers).set({ ...choice, lastConfirmationAt: now }).where(eq(subscribers.id, row.id));
      if (!row.confirmedAt) await setProducts(tx, row.id, ids);
    }
    const eventId = await writeEvent(tx, now, { kind: 'subscription.confirm', payload: { kind: 'subscription.confirm', products: [], ...(url && { webhookUrl: url }) } });
    await queueMail(tx, eventId!, now, { subscriberId: row!.id });
  });
  return { ok: true };
}

export interface Subscription {
  subscriber: SubscriberRow;
  productSlugs: string[];
}

async function withProducts(db: Database, subscriber: SubscriberRow): Promise<Subscription> {
  const rows = await db.select({ slug: products.slug }).from(subscriberProducts).innerJoin(products, eq(products.id, subscriberProducts.productId)).where(eq(subscriberProducts.subscriberId, subscriber.id));
  return { subscriber, productSlugs: rows.map((r) => r.slug) };
}

/** The subscription a mail's link opens, and whether the link is a confirmation. */
export async function openLink(db: Database, token: string, now: Date): Promise<(Subscription & { purpose: 'confirm' | 'manage' }) | null> {
  const found = await subscriberOfToken(db, token, ['confirm', 'manage'], now);
  return found ? { ...(await withProducts(db, found.subscriber)), purpose: found.purpose } : null;
}

/**
 * Double opt-in: a valid confirmation link confirms (once; its tokens are spent). The page
 * goes on as the manage page with a fresh manage token.
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
  return { ...(await withProducts(db, row!)), manageToken: await issueToken(db, row!.id, 'manage', now) };
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

/**
 * An admin registers a webhook from the console: confirmed at once (the admin vouches for
 * it), audited by number. Returns the signing secret, shown once on the page.
 */
export async function registerWebhook(ctx: CommandContext, input: unknown, { allowPrivate }: { allowPrivate: boolean }): Promise<{ id: number; secret: string }> {
  const parsed = signUpInput.safeParse({ ...(input as object), channel: 'webhook' });
  if (!parsed.success) throw new CommandError('invalid', 'the webhook has invalid fields', parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? 'url'), message: i.message })));
  const data = parsed.data;
  const problem = data.url ? await checkWebhookUrl(data.url, allowPrivate) : 'invalid_url';
  if (problem) throw new CommandError('invalid', `url ${problem}`, [{ path: 'url', message: problem === 'refused_address' ? 'points to a loopback, private or reserved address' : 'must be an http:// or https:// URL' }]);
  const url = new URL(data.url!).toString();
  const ids = await productIds(ctx.db, data.products);
  if (!ids) throw new CommandError('invalid', 'unknown products', [{ path: 'products', message: 'names a product that does not exist' }]);
  return runCommand(
    ctx,
    'users',
    async (tx) => {
      const [taken] = await tx.select({ id: subscribers.id }).from(subscribers).where(and(eq(subscribers.channel, 'webhook'), eq(subscribers.url, url)));
      if (taken) throw new CommandError('conflict', `this URL is already webhook ${taken.id}`, [{ path: 'url', message: 'is already registered' }]);
      const secret = newWebhookSecret();
      const [row] = await tx
        .insert(subscribers)
        .values({ channel: 'webhook', email: data.email, url, secret, locale: data.locale, allProducts: ids.length === 0, createdAt: ctx.now, confirmedAt: ctx.now })
        .returning({ id: subscribers.id });
      await setProducts(tx, row!.id, ids);
      return { result: { id: row!.id, secret }, audit: { action: 'subscriber.add_webhook', entityType: 'subscriber', entityId: row!.id, after: { channel: 'webhook', host: new URL(url).host, products: data.products } } };
    },
    { publishes: false },
  );
}
