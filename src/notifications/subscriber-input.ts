// What a subscription is made of, shared by the sign-up form and the admin's subscriber
// API: the input schema (a channel of the registry; an e-mail address, plus a URL for the
// URL channels; a language; products by slug, none for all), the check of a channel's URL
// (the same SSRF rules for every URL channel, and the service's own URL shape), and the
// products a subscription names.
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Queryable } from '#db/client.ts';
import { products, subscriberProducts } from '#db/schema.ts';
import { CHANNEL_NAMES, type ChannelName } from '#src/domain/vocabulary.ts';
import type { TargetProblem } from './channels/channel.ts';
import { checkPostUrl } from './channels/http-post.ts';
import { CHANNELS } from './channels/registry.ts';

const locale = z.enum(['nl', 'en']).default('nl');
const slugs = z.array(z.string().max(100)).max(100).default([]);
export const emailAddress = z.string({ error: 'must be a string' }).trim().toLowerCase().pipe(z.email({ error: 'must be an e-mail address' }).max(254, 'must be at most 254 characters'));

export const signUpInput = z.object({
  channel: z.enum(CHANNEL_NAMES).default('email'),
  email: emailAddress,
  url: z.string().trim().max(2000).optional(),
  locale,
  products: slugs,
});
export type SignUpInput = z.output<typeof signUpInput>;
export const preferencesInput = z.object({ locale, products: slugs });

export type SignUpProblem = { field: 'email' | 'url' | 'products'; code: 'invalid_email' | 'unknown_product' | TargetProblem };

/** A URL channel's URL: http(s), public unless private targets are allowed, and of the channel's service. */
export async function checkTarget(channel: ChannelName, url: string | undefined, allowPrivate: boolean): Promise<TargetProblem | null> {
  if (!url) return 'invalid_url';
  // The URL's form and its service first (no lookup), then where it points.
  const shape = (await checkPostUrl(url, true)) ?? CHANNELS[channel].checkUrl?.(new URL(url)) ?? null;
  return shape ?? (allowPrivate ? null : checkPostUrl(url, false));
}

/** The ids of the products named (duplicates once); null when one does not exist. */
export async function productIds(db: Queryable, wanted: readonly string[]): Promise<number[] | null> {
  const unique = [...new Set(wanted)];
  if (unique.length === 0) return [];
  const rows = await db.select({ id: products.id }).from(products).where(inArray(products.slug, unique));
  return rows.length === unique.length ? rows.map((r) => r.id) : null;
}

export async function setProducts(db: Pick<Database, 'delete' | 'insert'>, subscriberId: number, ids: readonly number[]): Promise<void> {
  await db.delete(subscriberProducts).where(eq(subscriberProducts.subscriberId, subscriberId));
  if (ids.length) await db.insert(subscriberProducts).values(ids.map((productId) => ({ subscriberId, productId })));
}

export async function productSlugsOf(db: Queryable, subscriberId: number): Promise<string[]> {
  const rows = await db
    .select({ slug: products.slug })
    .from(subscriberProducts)
    .innerJoin(products, eq(products.id, subscriberProducts.productId))
    .where(eq(subscriberProducts.subscriberId, subscriberId))
    .orderBy(asc(products.position));
  return rows.map((r) => r.slug);
}
