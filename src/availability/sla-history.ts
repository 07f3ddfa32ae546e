// Loads the rows the SLA engine needs for a range of months and hands them to the pure
// modules: impact intervals from recorded outages and incident snapshots, announced
// maintenance windows, incidents with their update times. Reads only rows that overlap
// the range (the months asked for and the 11 before them, for the rolling 12 months).
import { and, asc, eq, gt, inArray, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { incidentUpdateImpacts, incidentUpdates, incidents, maintenanceProducts, maintenances, outages } from '#db/schema.ts';
import type { Impact, IncidentCategory } from '#src/domain/vocabulary.ts';
import type { ImpactInterval, MaintenanceWindow } from '#src/sla/timeline.ts';
import { loadProducts, type ProductInfo } from '#src/products/load.ts';
import { incidentImpactIntervals, type SnapshotUpdate } from '#src/sla/incident-timelines.ts';
import { addMonths, monthStart, type MonthKey } from '#src/time/zone.ts';

export interface HistoryIncident {
  id: number;
  title: string;
  titleEn: string | null;
  category: IncidentCategory;
  reportedAt: number;
  updates: (SnapshotUpdate & { id: number })[];
}

export interface SlaHistory {
  products: ProductInfo[];
  /** From recorded outages and incident snapshots; an incident's carry its id. */
  impacts: (ImpactInterval & { product: string; incidentId?: number })[];
  maintenance: (MaintenanceWindow & { id: number; products: string[]; title: string; titleEn: string | null })[];
  incidents: HistoryIncident[];
}

/** The instants a table of `months` needs data for: 11 months earlier up to the last month's end. */
export function rangeOfMonths(months: readonly MonthKey[], now: Date): { start: Date; end: Date } {
  const sorted = [...months].sort();
  const start = monthStart(addMonths(sorted[0]!, -11));
  const end = Math.min(monthStart(addMonths(sorted.at(-1)!, 1)), +now);
  return { start: new Date(start), end: new Date(Math.max(start, end)) };
}

/** Everything that affects availability between start and end. */
export async function loadSlaHistory(db: Database, range: { start: Date; end: Date }): Promise<SlaHistory> {
  const productList = await loadProducts(db);
  const slugOf = new Map(productList.map((p) => [p.id, p.slug]));
  const [outageRows, windowRows, incidentList] = await Promise.all([
    db
      .select({ productId: outages.productId, start: outages.startedAt, end: outages.endedAt, impact: outages.impact })
      .from(outages)
      .where(and(lt(outages.startedAt, range.end), or(isNull(outages.endedAt), gt(outages.endedAt, range.start)))),
    db
      .select({
        id: maintenances.id,
        title: maintenances.title,
        titleEn: maintenances.titleEn,
        start: maintenances.windowStart,
        end: maintenances.windowEnd,
        productId: maintenanceProducts.productId,
      })
      .from(maintenances)
      .innerJoin(maintenanceProducts, eq(maintenanceProducts.maintenanceId, maintenances.id))
      .where(
        and(
          ne(maintenances.type, 'unannounced'),
          ne(maintenances.state, 'cancelled'),
          lt(maintenances.windowStart, range.end),
          gt(maintenances.windowEnd, range.start),
        ),
      ),
    loadIncidents(db, slugOf, and(lt(incidents.reportedAt, range.end), or(isNull(incidents.resolvedAt), gt(incidents.resolvedAt, range.start)))!),
  ]);

  const impacts: SlaHistory['impacts'] = outageRows.map((o) => ({
    product: slugOf.get(o.productId)!,
    start: +o.start,
    end: o.end ? +o.end : null,
    impact: o.impact,
  }));
  for (const incident of incidentList) impacts.push(...incidentImpactIntervals(incident.updates).map((interval) => ({ ...interval, incidentId: incident.id })));

  const windows = new Map<number, SlaHistory['maintenance'][number]>();
  for (const w of windowRows) {
    const entry = windows.get(w.id) ?? { id: w.id, title: w.title, titleEn: w.titleEn, start: +w.start, end: +w.end, products: [] };
    entry.products.push(slugOf.get(w.productId)!);
    windows.set(w.id, entry);
  }
  return { products: productList, impacts, maintenance: [...windows.values()], incidents: incidentList };
}

async function loadIncidents(db: Database, slugOf: Map<number, string>, where: SQL): Promise<HistoryIncident[]> {
  const incidentRows = await db.select().from(incidents).where(where).orderBy(asc(incidents.reportedAt), asc(incidents.id));
  if (incidentRows.length === 0) return [];
  const ids = incidentRows.map((i) => i.id);
  const [updateRows, impactRows] = await Promise.all([
    db
      .select({ id: incidentUpdates.id, incidentId: incidentUpdates.incidentId, publishedAt: incidentUpdates.publishedAt, status: incidentUpdates.status })
      .from(incidentUpdates)
      .where(inArray(incidentUpdates.incidentId, ids))
      .orderBy(asc(incidentUpdates.publishedAt), asc(incidentUpdates.id)),
    db
      .select({ updateId: incidentUpdateImpacts.updateId, productId: incidentUpdateImpacts.productId, impact: incidentUpdateImpacts.impact })
      .from(incidentUpdateImpacts)
      .innerJoin(incidentUpdates, eq(incidentUpdates.id, incidentUpdateImpacts.updateId))
      .where(inArray(incidentUpdates.incidentId, ids)),
  ]);
  const impactsOf = new Map<number, Record<string, Impact>>();
  for (const row of impactRows) {
    const record = impactsOf.get(row.updateId) ?? {};
    record[slugOf.get(row.productId)!] = row.impact;
    impactsOf.set(row.updateId, record);
  }
  const updatesOf = new Map<number, HistoryIncident['updates']>();
  for (const u of updateRows) {
    const list = updatesOf.get(u.incidentId) ?? [];
    list.push({ id: u.id, publishedAt: +u.publishedAt, status: u.status, impacts: impactsOf.get(u.id) ?? {} });
    updatesOf.set(u.incidentId, list);
  }
  return incidentRows.map((i) => ({
    id: i.id,
    title: i.title,
    titleEn: i.titleEn,
    category: i.category,
    reportedAt: +i.reportedAt,
    updates: updatesOf.get(i.id) ?? [],
  }));
}
