// Loads what the maintenance calendar and the maintenance RSS feed show, for all products
// or one, in bounded queries: the calendar holds announced maintenance whose window ended
// in the past 12 months or lies ahead; the feed the newest published revisions. Only
// maintenance whose announcement has gone out (announcedAt ≤ now) is shown; unannounced
// maintenance has no window to announce and is left out of both. The pure builders in
// src/feeds do the rest.
import { and, asc, desc, eq, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { maintenanceProducts, maintenanceRevisions, maintenances } from '#db/schema.ts';
import type { CalendarMaintenance } from '#src/feeds/calendar.ts';
import type { FeedMaintenanceRevision } from '#src/feeds/maintenance-feed.ts';
import type { FeedProduct } from '#src/feeds/words.ts';
import { feedProductOf, inCatalogueOrder, latest, loadFeedProducts, type FeedProducts } from './feed-products.ts';

/** How many items an RSS feed holds. */
export const FEED_ITEM_LIMIT = 50;

export interface FeedScope {
  /** null: every product. */
  productSlug: string | null;
  now: Date;
}

export interface CalendarData {
  product: FeedProduct | null;
  maintenances: CalendarMaintenance[];
  /** The newest change of any maintenance shown: the feed's Last-Modified. */
  lastChange: Date | null;
}

export interface MaintenanceFeedData {
  product: FeedProduct | null;
  /** Newest first. */
  revisions: FeedMaintenanceRevision[];
  lastChange: Date | null;
}

/** The same instant one year (twelve calendar months, UTC) earlier. */
export function twelveMonthsBefore(now: Date): Date {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return since;
}

/** null when the product slug is unknown. */
export async function loadCalendarData(db: Database, scope: FeedScope): Promise<CalendarData | null> {
  const all = await loadFeedProducts(db);
  const product = feedProductOf(all, scope.productSlug);
  if (product === undefined) return null;
  const rows = await db
    .select({ maintenance: maintenances, changedAt: maintenanceRevisions.changedAt })
    .from(maintenances)
    .leftJoin(
      maintenanceRevisions,
      and(eq(maintenanceRevisions.maintenanceId, maintenances.id), eq(maintenanceRevisions.revision, maintenances.revision)),
    )
    .where(and(announcedBy(scope.now), gte(maintenances.windowEnd, twelveMonthsBefore(scope.now)), affecting(db, product?.id)))
    .orderBy(asc(maintenances.windowStart), asc(maintenances.id));
  const productsOf = await loadProductsOf(db, all, rows.map((r) => r.maintenance.id));
  const list = rows.map(({ maintenance: m, changedAt }) => ({
    id: m.id,
    type: m.type,
    title: m.title,
    titleEn: m.titleEn,
    description: m.description,
    descriptionEn: m.descriptionEn,
    windowStart: m.windowStart,
    windowEnd: m.windowEnd,
    expectedImpact: m.expectedImpact,
    state: m.state,
    cancelReason: m.cancelReason,
    revision: m.revision,
    // The current revision's publication is the last change; updatedAt only if that row is missing.
    lastChange: changedAt ?? m.updatedAt,
    products: productsOf.get(m.id) ?? [],
  }));
  return {
    product: product && { slug: product.slug, name: product.name },
    maintenances: list,
    lastChange: latest(rows.flatMap(({ maintenance: m, changedAt }) => (changedAt ? [changedAt, m.updatedAt] : [m.updatedAt]))),
  };
}

/** null when the product slug is unknown. */
export async function loadMaintenanceFeedData(db: Database, scope: FeedScope): Promise<MaintenanceFeedData | null> {
  const all = await loadFeedProducts(db);
  const product = feedProductOf(all, scope.productSlug);
  if (product === undefined) return null;
  const rows = await db
    .select({ revision: maintenanceRevisions, maintenance: maintenances })
    .from(maintenanceRevisions)
    .innerJoin(maintenances, eq(maintenances.id, maintenanceRevisions.maintenanceId))
    .where(and(announcedBy(scope.now), lte(maintenanceRevisions.changedAt, scope.now), affecting(db, product?.id)))
    .orderBy(desc(maintenanceRevisions.changedAt), desc(maintenanceRevisions.maintenanceId), desc(maintenanceRevisions.revision))
    .limit(FEED_ITEM_LIMIT);
  const productsOf = await loadProductsOf(db, all, rows.map((r) => r.maintenance.id));
  const revisions = rows.map(({ revision: r, maintenance: m }) => ({
    revision: r.revision,
    change: r.change,
    changedAt: r.changedAt,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    state: r.state,
    note: r.note,
    maintenance: {
      id: m.id,
      type: m.type,
      title: m.title,
      titleEn: m.titleEn,
      description: m.description,
      descriptionEn: m.descriptionEn,
      expectedImpact: m.expectedImpact,
      products: productsOf.get(m.id) ?? [],
    },
  }));
  return {
    product: product && { slug: product.slug, name: product.name },
    revisions,
    lastChange: latest(rows.flatMap((r) => [r.revision.changedAt, r.maintenance.updatedAt])),
  };
}

/** Announced maintenance whose announcement has gone out by `now`. */
function announcedBy(now: Date): SQL {
  return and(ne(maintenances.type, 'unannounced'), lte(maintenances.announcedAt, now))!;
}

function affecting(db: Database, productId: number | undefined): SQL | undefined {
  if (productId === undefined) return undefined;
  const ids = db
    .select({ id: maintenanceProducts.maintenanceId })
    .from(maintenanceProducts)
    .where(eq(maintenanceProducts.productId, productId));
  return inArray(maintenances.id, ids);
}

async function loadProductsOf(db: Database, all: FeedProducts, maintenanceIds: number[]): Promise<Map<number, FeedProduct[]>> {
  const byMaintenance = new Map<number, number[]>();
  if (maintenanceIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(maintenanceProducts)
    .where(inArray(maintenanceProducts.maintenanceId, [...new Set(maintenanceIds)]));
  for (const row of rows) byMaintenance.set(row.maintenanceId, [...(byMaintenance.get(row.maintenanceId) ?? []), row.productId]);
  return new Map(
    [...byMaintenance].map(([id, productIds]) => [id, inCatalogueOrder(all, productIds).map((p) => ({ slug: p.slug, name: p.name }))]),
  );
}
