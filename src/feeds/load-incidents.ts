// Loads what the incident RSS feed shows: the newest published NOC updates and incident
// reports (together bounded by FEED_ITEM_LIMIT) of collective incidents, for all products
// or for the incidents that affected one product at any update, each update with its
// impact snapshot and each report with the products its incident affected. The pure builder in
// src/feeds/incident-feed.ts does the rest. Its Last-Modified counts any incident's
// updatedAt too, so an edit that takes an incident out of a product's feed moves it
// (see the top of maintenance-feed.ts).
import { and, desc, eq, inArray, isNotNull, lte, max, ne, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '#db/client.ts';
import { incidentReports, incidentUpdateImpacts, incidentUpdates, incidents } from '#db/schema.ts';
import type { FeedIncidentReport, FeedIncidentUpdate } from '#src/feeds/incident-feed.ts';
import type { FeedProduct } from '#src/feeds/feed-product.ts';
import { latest, latestUpTo, loadFeedProductScope, type FeedProducts } from './load-products.ts';
import { FEED_ITEM_LIMIT, type FeedScope } from './load-maintenance.ts';

export interface IncidentFeedData {
  product: FeedProduct | null;
  /** Newest first. */
  updates: FeedIncidentUpdate[];
  /** Published reports, newest first. */
  reports: FeedIncidentReport[];
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
  const { updates, changes: updateChanges } = await loadUpdateItems(db, all, product?.id, scope.now);
  const { reports, changes: reportChanges } = await loadReportItems(db, all, product?.id, scope.now);
  const [anyChange] = await db.select({ at: max(incidents.updatedAt) }).from(incidents);
  // The newest FEED_ITEM_LIMIT items of both kinds together.
  const kept = [...updates.map((u) => +u.publishedAt), ...reports.map((r) => +r.publishedAt)].sort((a, b) => b - a);
  const oldest = kept[Math.min(kept.length, FEED_ITEM_LIMIT) - 1] ?? 0;
  const lastChange = latest([...updateChanges, ...reportChanges]);
  return {
    product: product && { slug: product.slug, name: product.name },
    updates: updates.filter((u) => +u.publishedAt >= oldest).slice(0, FEED_ITEM_LIMIT),
    reports: reports.filter((r) => +r.publishedAt >= oldest).slice(0, FEED_ITEM_LIMIT),
    lastChange,
    lastModified: latestUpTo(scope.now, [lastChange, anyChange?.at]),
  };
}

/** The newest published NOC updates (FEED_ITEM_LIMIT), each with its impact snapshot, and the moments they and their incidents last changed. */
async function loadUpdateItems(db: Database, all: FeedProducts, productId: number | undefined, now: Date): Promise<{ updates: FeedIncidentUpdate[]; changes: Date[] }> {
  const rows = await db
    .select({ update: incidentUpdates, incident: incidents })
    .from(incidentUpdates)
    .innerJoin(incidents, eq(incidents.id, incidentUpdates.incidentId))
    .where(and(lte(incidentUpdates.publishedAt, now), affecting(db, incidentUpdates.incidentId, productId)))
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
  return { updates, changes: rows.flatMap((r) => [r.update.publishedAt, r.incident.updatedAt]) };
}

/** The newest published reports (FEED_ITEM_LIMIT), each with the products its incident affected, and the moments they and their incidents last changed. */
async function loadReportItems(db: Database, all: FeedProducts, productId: number | undefined, now: Date): Promise<{ reports: FeedIncidentReport[]; changes: Date[] }> {
  const rows = await db
    .select({ report: incidentReports, incident: incidents })
    .from(incidentReports)
    .innerJoin(incidents, eq(incidents.id, incidentReports.incidentId))
    .where(and(isNotNull(incidentReports.publishedAt), lte(incidentReports.publishedAt, now), affecting(db, incidents.id, productId)))
    .orderBy(desc(incidentReports.publishedAt))
    .limit(FEED_ITEM_LIMIT);
  const affected = await affectedProducts(db, rows.map((r) => r.incident.id));
  const reports = rows.map(({ report: r, incident: i }) => ({
    incident: { id: i.id, title: i.title, titleEn: i.titleEn, category: i.category },
    body: r.body,
    bodyEn: r.bodyEn,
    publishedAt: r.publishedAt!,
    editedAt: r.editedAt,
    products: all.list.filter((p) => affected.get(i.id)?.has(p.id)).map((p) => ({ slug: p.slug, name: p.name })),
  })) satisfies FeedIncidentReport[];
  return { reports, changes: rows.flatMap((r) => [r.report.updatedAt, r.incident.updatedAt]) };
}

/** The products each incident named with an impact worse than operational, by product id. */
async function affectedProducts(db: Database, incidentIds: number[]): Promise<Map<number, Set<number>>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ incidentId: incidentUpdates.incidentId, productId: incidentUpdateImpacts.productId })
    .from(incidentUpdateImpacts)
    .innerJoin(incidentUpdates, eq(incidentUpdates.id, incidentUpdateImpacts.updateId))
    .where(and(inArray(incidentUpdates.incidentId, incidentIds), ne(incidentUpdateImpacts.impact, 'operational')));
  const byIncident = new Map<number, Set<number>>();
  for (const row of rows) byIncident.set(row.incidentId, (byIncident.get(row.incidentId) ?? new Set()).add(row.productId));
  return byIncident;
}

/** Rows whose incident (`incidentId`) named the product in any update's impacts. */
function affecting(db: Database, incidentId: SQLWrapper, productId: number | undefined): SQL | undefined {
  if (productId === undefined) return undefined;
  const affected = alias(incidentUpdates, 'affected_update');
  const ids = db
    .selectDistinct({ id: affected.incidentId })
    .from(incidentUpdateImpacts)
    .innerJoin(affected, eq(affected.id, incidentUpdateImpacts.updateId))
    .where(eq(incidentUpdateImpacts.productId, productId));
  return inArray(incidentId, ids);
}
