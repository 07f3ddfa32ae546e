// Loads what the maintenance calendar and the maintenance RSS feed show, for all products
// or one, in bounded queries: the calendar holds announced maintenance whose window ended
// in the past 12 months or lies ahead; the feed the newest published revisions and
// completions. Only maintenance whose announcement has gone out (announcedAt ≤ now) is
// shown; unannounced maintenance has no window to announce and is left out of both. The
// pure builders in src/feeds do the rest.
//
// Each also gives `lastModified`, the HTTP Last-Modified: the latest moment at or before
// `now` at which the document could have changed. That is the data's last change (any
// maintenance's updatedAt, so an edit that takes an item out of a feed counts too, and
// every shown revision), and the moments the clock changed what is shown: an announcement
// going out, a window ending (its completion item), an event leaving the calendar's
// 12-month window. A newer item pushing one out of the newest 50 is itself shown, so its
// moment is counted. Hence no body changes after lastModified while the data stays the
// same, and If-Modified-Since ≥ Last-Modified means the client's copy is the current one.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, max, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { maintenanceProducts, maintenanceRevisions, maintenances } from '#db/schema.ts';
import type { CalendarMaintenance } from '#src/feeds/calendar.ts';
import { maintenanceFeedItems, type FeedMaintenanceRevision } from '#src/feeds/maintenance-feed.ts';
import type { FeedProduct } from '#src/feeds/feed-product.ts';
import { inCatalogueOrder, latest, latestUpTo, loadFeedProductScope, type FeedProducts } from './load-products.ts';

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
  /** The newest change of any maintenance shown. */
  lastChange: Date | null;
  /** The HTTP Last-Modified (see the top of this file). */
  lastModified: Date | null;
}

export interface MaintenanceFeedData {
  product: FeedProduct | null;
  /** Newest first: revisions and completions. */
  items: FeedMaintenanceRevision[];
  /** The newest change of anything shown: the channel's lastBuildDate. */
  lastChange: Date | null;
  /** The HTTP Last-Modified (see the top of this file). */
  lastModified: Date | null;
}

type MaintenanceRow = typeof maintenances.$inferSelect;

/** The same instant one year (twelve calendar months, UTC) earlier. */
export function twelveMonthsBefore(now: Date): Date {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return since;
}

/**
 * When a window that ended at `end` leaves the calendar: one year later (on 29 February,
 * 1 March; a little late, which for Last-Modified is safe).
 */
export function oneYearAfter(end: Date): Date {
  const at = new Date(end);
  at.setUTCFullYear(at.getUTCFullYear() + 1);
  return at;
}

/** null when the product slug is unknown. */
export async function loadCalendarData(db: Database, scope: FeedScope): Promise<CalendarData | null> {
  const { now } = scope;
  const products = await loadFeedProductScope(db, scope.productSlug);
  if (!products) return null;
  const { all, product } = products;
  const since = twelveMonthsBefore(now);
  const rows = await db
    .select({ maintenance: maintenances, changedAt: maintenanceRevisions.changedAt })
    .from(maintenances)
    .leftJoin(
      maintenanceRevisions,
      and(eq(maintenanceRevisions.maintenanceId, maintenances.id), eq(maintenanceRevisions.revision, maintenances.revision)),
    )
    .where(and(announcedBy(now), gte(maintenances.windowEnd, since), affecting(db, product?.id)))
    .orderBy(asc(maintenances.windowStart), asc(maintenances.id));
  const [bounds] = await db
    .select({
      anyChange: max(maintenances.updatedAt),
      // The newest window that has left the 12 months: it left one year after its end.
      newestGone: sql`max(${maintenances.windowEnd}) filter (where ${and(announcedBy(now), lt(maintenances.windowEnd, since), affecting(db, product?.id))})`.mapWith(maintenances.windowEnd),
    })
    .from(maintenances);
  const productsOf = await loadProductsOf(db, all, rows.map((r) => r.maintenance.id));
  const list = rows.map(({ maintenance: m, changedAt }) => ({
    ...factsOf(m, productsOf),
    windowStart: m.windowStart,
    windowEnd: m.windowEnd,
    state: m.state,
    cancelReason: m.cancelReason,
    revision: m.revision,
    // The current revision's publication is the last change; updatedAt only if that row is missing.
    lastChange: changedAt ?? m.updatedAt,
  }));
  const lastChange = latest(rows.flatMap(({ maintenance: m, changedAt }) => (changedAt ? [changedAt, m.updatedAt] : [m.updatedAt])));
  const gone = bounds?.newestGone;
  return {
    product: product && { slug: product.slug, name: product.name },
    maintenances: list,
    lastChange,
    lastModified: latestUpTo(now, [
      lastChange,
      bounds?.anyChange,
      gone && oneYearAfter(gone),
      ...rows.map((r) => r.maintenance.announcedAt),
    ]),
  };
}

/** null when the product slug is unknown. */
export async function loadMaintenanceFeedData(db: Database, scope: FeedScope): Promise<MaintenanceFeedData | null> {
  const { now } = scope;
  const products = await loadFeedProductScope(db, scope.productSlug);
  if (!products) return null;
  const { all, product } = products;
  // Stored 'completed' revisions are read as completions below: one item per maintenance.
  const revisionRows = await db
    .select({ revision: maintenanceRevisions, maintenance: maintenances })
    .from(maintenanceRevisions)
    .innerJoin(maintenances, eq(maintenances.id, maintenanceRevisions.maintenanceId))
    .where(and(announcedBy(now), lte(maintenanceRevisions.changedAt, now), ne(maintenanceRevisions.change, 'completed'), affecting(db, product?.id)))
    .orderBy(desc(maintenanceRevisions.changedAt), desc(maintenanceRevisions.maintenanceId), desc(maintenanceRevisions.revision))
    .limit(FEED_ITEM_LIMIT);
  const completed = db
    .select({ maintenanceId: maintenanceRevisions.maintenanceId, at: max(maintenanceRevisions.changedAt).as('completed_at') })
    .from(maintenanceRevisions)
    .where(and(eq(maintenanceRevisions.change, 'completed'), lte(maintenanceRevisions.changedAt, now)))
    .groupBy(maintenanceRevisions.maintenanceId)
    .as('completed');
  // The newest 50 completions: a published 'completed' revision, or a window that has
  // ended (stored state scheduled or completed; an in-progress one has overrun, see
  // effectiveMaintenanceState, which maintenanceCompletion applies to each row).
  const endRows = await db
    .select({ maintenance: maintenances, completedAt: completed.at })
    .from(maintenances)
    .leftJoin(completed, eq(completed.maintenanceId, maintenances.id))
    .where(
      and(
        announcedBy(now),
        ne(maintenances.state, 'cancelled'),
        or(isNotNull(completed.at), and(inArray(maintenances.state, ['scheduled', 'completed']), lte(maintenances.windowEnd, now))),
        affecting(db, product?.id),
      ),
    )
    .orderBy(desc(sql`coalesce(${completed.at}, ${maintenances.windowEnd})`), desc(maintenances.id))
    .limit(FEED_ITEM_LIMIT);
  const [anyChange] = await db.select({ at: max(maintenances.updatedAt) }).from(maintenances);
  const productsOf = await loadProductsOf(db, all, [...revisionRows, ...endRows].map((r) => r.maintenance.id));

  const revisions = revisionRows.map(({ revision: r, maintenance: m }) => ({
    revision: r.revision,
    change: r.change,
    changedAt: r.changedAt,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    state: r.state,
    note: r.note,
    maintenance: factsOf(m, productsOf),
  }));
  const ends = endRows.map(({ maintenance: m, completedAt }) => ({
    windowStart: m.windowStart,
    windowEnd: m.windowEnd,
    state: m.state,
    completedAt: completedAt ?? null,
    maintenance: factsOf(m, productsOf),
  }));
  const items = maintenanceFeedItems(revisions, ends, now, FEED_ITEM_LIMIT);
  const rowsById = new Map([...revisionRows, ...endRows].map((r) => [r.maintenance.id, r.maintenance]));
  const shown = [...new Set(items.map((i) => i.maintenance.id))].map((id) => rowsById.get(id)!);
  const lastChange = latest([...items.map((i) => i.changedAt), ...shown.map((m) => m.updatedAt)]);
  return {
    product: product && { slug: product.slug, name: product.name },
    items,
    lastChange,
    lastModified: latestUpTo(now, [lastChange, anyChange?.at, ...shown.map((m) => m.announcedAt)]),
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


/** What every feed item of a maintenance carries, whatever its revision: the texts, the expected impact, the products. */
function factsOf(m: MaintenanceRow, productsOf: Map<number, FeedProduct[]>) {
  return {
    id: m.id,
    type: m.type,
    title: m.title,
    titleEn: m.titleEn,
    description: m.description,
    descriptionEn: m.descriptionEn,
    expectedImpact: m.expectedImpact,
    products: productsOf.get(m.id) ?? [],
  };
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
