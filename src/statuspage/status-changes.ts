// When what the page shows last changed, for the Statuspage documents' updated_at and
// Last-Modified: per product, the latest moment up to now at which its status could have
// changed (an outage beginning or ending, an incident update naming it, a maintenance
// window of it opening or closing); for the whole page, the latest write (the data
// version) or moment the clock changed something without a write (an announcement going
// out, a window opening or closing). Grouped queries answer one row per product (or one
// row) however long the history; they read it through the product and time indexes.
import { and, eq, lte, max, ne, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { incidentUpdateImpacts, incidentUpdates, maintenanceProducts, maintenances, outages } from '#db/schema.ts';
import { readDataVersion } from '#src/commands/data-version.ts';
import { latestUpTo } from '#src/feeds/load-products.ts';

/** Product id → the latest moment up to now its status could have changed. */
export async function loadStatusChanges(db: Database, now: Date): Promise<Map<number, Date>> {
  const [outageRows, updateRows, windowRows] = await Promise.all([
    db
      .select({
        productId: outages.productId,
        started: max(outages.startedAt),
        ended: sql`max(${outages.endedAt}) filter (where ${lte(outages.endedAt, now)})`.mapWith(outages.endedAt),
      })
      .from(outages)
      .where(lte(outages.startedAt, now))
      .groupBy(outages.productId),
    db
      .select({ productId: incidentUpdateImpacts.productId, at: max(incidentUpdates.publishedAt) })
      .from(incidentUpdateImpacts)
      .innerJoin(incidentUpdates, eq(incidentUpdates.id, incidentUpdateImpacts.updateId))
      .where(lte(incidentUpdates.publishedAt, now))
      .groupBy(incidentUpdateImpacts.productId),
    db
      .select({
        productId: maintenanceProducts.productId,
        opened: max(maintenances.windowStart),
        closed: sql`max(${maintenances.windowEnd}) filter (where ${lte(maintenances.windowEnd, now)})`.mapWith(maintenances.windowEnd),
      })
      .from(maintenances)
      .innerJoin(maintenanceProducts, eq(maintenanceProducts.maintenanceId, maintenances.id))
      .where(and(ne(maintenances.state, 'cancelled'), lte(maintenances.windowStart, now)))
      .groupBy(maintenanceProducts.productId),
  ]);
  const moments = new Map<number, (Date | null)[]>();
  const add = (productId: number, ...at: (Date | null)[]) => moments.set(productId, [...(moments.get(productId) ?? []), ...at]);
  for (const r of outageRows) add(r.productId, r.started, r.ended);
  for (const r of updateRows) add(r.productId, r.at);
  for (const r of windowRows) add(r.productId, r.opened, r.closed);
  const changes = new Map<number, Date>();
  for (const [productId, list] of moments) {
    const latest = latestUpTo(now, list);
    if (latest) changes.set(productId, latest);
  }
  return changes;
}

/**
 * The latest moment up to now at which anything the documents show could have changed:
 * the last write, or a maintenance announcement going out or window opening or closing
 * (the clock changes those without a write). null before the first write.
 */
export async function loadPublishedAt(db: Database, now: Date): Promise<Date | null> {
  const [[clock], version] = await Promise.all([
    db
      .select({
        announced: sql`max(${maintenances.announcedAt}) filter (where ${lte(maintenances.announcedAt, now)})`.mapWith(maintenances.announcedAt),
        opened: sql`max(${maintenances.windowStart}) filter (where ${lte(maintenances.windowStart, now)})`.mapWith(maintenances.windowStart),
        closed: sql`max(${maintenances.windowEnd}) filter (where ${lte(maintenances.windowEnd, now)})`.mapWith(maintenances.windowEnd),
      })
      .from(maintenances)
      .where(ne(maintenances.state, 'cancelled')),
    readDataVersion(db),
  ]);
  return latestUpTo(now, [version.changedAt, clock?.announced, clock?.opened, clock?.closed]);
}
