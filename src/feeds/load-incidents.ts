// Loads what the incident RSS feed shows: the newest published NOC updates (bounded by
// FEED_ITEM_LIMIT) of collective incidents, for all products or for the incidents that
// affected one product at any update, each with its impact snapshot. The pure builder in
// src/feeds/incident-feed.ts does the rest. Its Last-Modified counts any incident's
// updatedAt too, so an edit that takes an incident out of a product's feed moves it
// (see the top of maintenance-feed.ts).
import { and, desc, eq, inArray, lte, max, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '#db/client.ts';
import { incidentUpdateImpacts, incidentUpdates, incidents } from '#db/schema.ts';
import type { FeedIncidentUpdate } from '#src/feeds/incident-feed.ts';
import type { FeedProduct } from '#src/feeds/feed-product.ts';
import { latest, latestUpTo, loadFeedProductScope } from './load-products.ts';
import { FEED_ITEM_LIMIT, type FeedScope } from './load-maintenance.ts';

export interface IncidentFeedData {
  product: FeedProduct | null;
  /** Newest first. */
  updates: FeedIncidentUpdate[];
  /** The newest change of anything shown: the channel's lastBuildDate. */
  lastChange: Date | null;
  /** The HTTP Last-Modified: the latest moment at or before `now` the feed could have changed. */
  lastModified: Date | null;
}

/** null when the product slug is unknown. */
export async function loadIncidentFeedData(db: Database, scope: FeedScope): Promise<IncidentFeedData | null> {
  const products = await loadFeedProductScope(db, scope.productSlug);
  if (!products) return null;
  const { all, product } = products;
  const rows = await db
    .select({ update: incidentUpdates, incident: incidents })
    .from(incidentUpdates)
    .innerJoin(incidents, eq(incidents.id, incidentUpdates.incidentId))
    .where(and(lte(incidentUpdates.publishedAt, scope.now), affecting(db, product?.id)))
    .orderBy(desc(incidentUpdates.publishedAt), desc(incidentUpdates.id))
    .limit(FEED_ITEM_LIMIT);
  const impactRows = rows.length
    ? await db
        .select()
        .from(incidentUpdateImpacts)
        .where(inArray(incidentUpdateImpacts.updateId, rows.map((r) => r.update.id)))
    : [];
  const impactsOf = new Map<number, Map<number, FeedIncidentUpdate['impacts'][number]['impact']>>();
  for (const row of impactRows) {
    const snapshot = impactsOf.get(row.updateId) ?? new Map();
    snapshot.set(row.productId, row.impact);
    impactsOf.set(row.updateId, snapshot);
  }
  const updates = rows.map(({ update: u, incident: i }) => {
    const snapshot = impactsOf.get(u.id) ?? new Map();
    return {
      id: u.id,
      publishedAt: u.publishedAt,
      status: u.status,
      message: u.message,
      messageEn: u.messageEn,
      incident: { id: i.id, title: i.title, titleEn: i.titleEn, category: i.category },
      impacts: all.list
        .filter((p) => snapshot.has(p.id))
        .map((p) => ({ product: { slug: p.slug, name: p.name }, impact: snapshot.get(p.id)! })),
    } satisfies FeedIncidentUpdate;
  });
  const [anyChange] = await db.select({ at: max(incidents.updatedAt) }).from(incidents);
  const lastChange = latest(rows.flatMap((r) => [r.update.publishedAt, r.incident.updatedAt]));
  return {
    product: product && { slug: product.slug, name: product.name },
    updates,
    lastChange,
    lastModified: latestUpTo(scope.now, [lastChange, anyChange?.at]),
  };
}

/** Incidents that named the product in any update's impacts. */
function affecting(db: Database, productId: number | undefined): SQL | undefined {
  if (productId === undefined) return undefined;
  const affected = alias(incidentUpdates, 'affected_update');
  const ids = db
    .selectDistinct({ id: affected.incidentId })
    .from(incidentUpdateImpacts)
    .innerJoin(affected, eq(affected.id, incidentUpdateImpacts.updateId))
    .where(eq(incidentUpdateImpacts.productId, productId));
  return inArray(incidentUpdates.incidentId, ids);
}
