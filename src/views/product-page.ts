// One product's page: its status now, the 90-day bar, 12 months of availability, its
// recent incidents and its maintenance. null for a slug that is no product (a 404).
import type { ProductStatus } from '#src/domain/vocabulary.ts';
import type { ReadContext } from '#src/http/context.ts';
import type { MonthlyAvailabilityRow } from '#src/sla/availability.ts';
import { startOfMonthsBack } from '#src/time/zone.ts';
import { loadAvailabilityTable, loadRecentAvailability, type RecentAvailability } from '#src/availability/load.ts';
import { loadCurrentHealth } from '#src/products/current-health.ts';
import { HISTORY_MONTHS, loadIncidentHistory, type IncidentSummary } from '#src/incidents/queries.ts';
import { loadMaintenanceLists, type MaintenanceLists } from '#src/maintenance/queries.ts';
import type { ProductInfo } from '#src/products/load.ts';

export interface ProductPageData {
  product: ProductInfo;
  status: ProductStatus;
  recent: RecentAvailability;
  incidentTitles: Map<number, { title: string; titleEn: string | null }>;
  maintenanceTitles: Map<number, { title: string; titleEn: string | null }>;
  months: MonthlyAvailabilityRow[];
  incidents: IncidentSummary[];
  maintenance: MaintenanceLists;
  products: ProductInfo[];
}

export async function loadProductPage(context: ReadContext, slug: string | undefined): Promise<ProductPageData | null> {
  const { db, now, sla } = context;
  const health = await loadCurrentHealth(db, now);
  const current = health.groups.flatMap((g) => g.products).find((p) => p.slug === slug);
  if (!current || !slug) return null;
  const since = startOfMonthsBack(now, HISTORY_MONTHS);
  const [recent, table, incidents, maintenance] = await Promise.all([
    loadRecentAvailability(db, now, sla),
    loadAvailabilityTable(db, now, sla),
    loadIncidentHistory(db, { since, productSlug: slug, page: 1, perPage: 10 }),
    loadMaintenanceLists(db, now, since, slug),
  ]);
  const entry = table.products.find((p) => p.product.slug === slug)!;
  return {
    product: entry.product,
    status: current.status,
    recent: recent.products.find((r) => r.product.slug === slug)!,
    incidentTitles: recent.incidentTitles,
    maintenanceTitles: recent.maintenanceTitles,
    months: entry.rows,
    incidents: incidents.incidents,
    maintenance,
    products: table.products.map((p) => p.product),
  };
}
