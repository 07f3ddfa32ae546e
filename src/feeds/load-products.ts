// The products as the feeds name them, in catalogue order (group, then product), and the
// one a product feed asks for by slug. Six rows: read whole. Also the feeds' "latest of
// these moments", for lastBuildDate and Last-Modified.
import type { Database } from '#db/client.ts';
import type { FeedProduct } from '#src/feeds/feed-product.ts';
import { loadProducts } from '#src/products/load.ts';

export interface FeedProductRow extends FeedProduct {
  id: number;
}

export interface FeedProducts {
  /** In catalogue order. */
  list: FeedProductRow[];
  byId: Map<number, FeedProductRow>;
}

export async function loadFeedProducts(db: Database): Promise<FeedProducts> {
  const list: FeedProductRow[] = await loadProducts(db);
  return { list, byId: new Map(list.map((p) => [p.id, p])) };
}

/** The product a feed is for: null for all products, undefined when the slug is unknown. */
export function feedProductOf(all: FeedProducts, slug: string | null): FeedProductRow | null | undefined {
  return slug === null ? null : all.list.find((p) => p.slug === slug);
}

/** Every product and the one a feed asks for (null: all); null when its slug is unknown (a 404). */
export async function loadFeedProductScope(db: Database, slug: string | null): Promise<{ all: FeedProducts; product: FeedProductRow | null } | null> {
  const all = await loadFeedProducts(db);
  const product = feedProductOf(all, slug);
  return product === undefined ? null : { all, product };
}

/** The products among `ids`, in catalogue order. */
export function inCatalogueOrder(all: FeedProducts, ids: Iterable<number>): FeedProductRow[] {
  const wanted = new Set(ids);
  return all.list.filter((p) => wanted.has(p.id));
}

/** The latest of the given moments; null when there is none. */
export function latest(moments: Iterable<Date>): Date | null {
  let newest: Date | null = null;
  for (const moment of moments) if (!newest || +moment > +newest) newest = moment;
  return newest;
}

/**
 * The latest of the given moments, but never after `now` (a Last-Modified may not lie
 * ahead of the response, RFC 9110 §8.8.2.1); null when there is none.
 */
export function latestUpTo(now: Date, moments: Iterable<Date | null | undefined>): Date | null {
  const newest = latest([...moments].filter((m): m is Date => m instanceof Date));
  return newest && +newest > +now ? now : newest;
}
