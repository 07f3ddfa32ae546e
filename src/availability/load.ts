// Availability figures for the pages, all from the SLA engine: the month-by-month table
// with rolling 12 months (availability page, product page), and the 90-day bars with this
// month's figure (home page). Each loads only the rows its period needs.
import { and, gte, lte, asc } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { monthlyKpis } from '#db/schema.ts';
import { judgeKpis, type KpiReport } from '#src/sla/kpis.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import type { ReadContext } from '#src/http/context.ts';
import { availabilityReport, computeAvailability, withTarget, type MonthlyAvailabilityRow, type ProductHistory } from '#src/sla/availability.ts';
import { resolvedAt } from '#src/sla/incident-timers.ts';
import { dailyStatuses, lastDays, type DayStatus } from '#src/sla/daily-status.ts';
import { addMonths, monthKeyOf, monthStart, type MonthKey } from '#src/time/zone.ts';
import type { ProductInfo } from '#src/products/load.ts';
import { loadSlaHistory, rangeOfMonths, type SlaHistory } from './sla-history.ts';

export const BAR_DAYS = 90;

/** The `count` months ending with the month of `now`, oldest first. */
export function recentMonths(now: Date, count: number): MonthKey[] {
  const current = monthKeyOf(+now);
  return Array.from({ length: count }, (_, n) => addMonths(current, n - count + 1));
}

export interface AvailabilityTable {
  months: MonthKey[];
  products: { product: ProductInfo; rows: MonthlyAvailabilityRow[] }[];
  /** SLA §3.2 indicators per month, judged against 2 s and 99 %. */
  kpis: { month: MonthKey; verdict: KpiReport }[];
}

export async function loadAvailabilityTable(db: Database, now: Date, settings: SlaSettings, count = 12): Promise<AvailabilityTable> {
  const months = recentMonths(now, count);
  const [history, kpis] = await Promise.all([
    loadSlaHistory(db, rangeOfMonths(months, now)),
    db
      .select()
      .from(monthlyKpis)
      .where(and(gte(monthlyKpis.month, months[0]!), lte(monthlyKpis.month, months.at(-1)!)))
      .orderBy(asc(monthlyKpis.month)),
  ]);
  const table = availabilityReport({ ...history, months, now: +now, weights: settings.weights });
  return {
    months,
    products: history.products.map((product) => ({ product, rows: table.get(product.slug)! })),
    kpis: kpis.map((k) => ({ month: k.month, verdict: judgeKpis(k) })),
  };
}

export interface RecentAvailability {
  product: ProductInfo;
  days: DayStatus[];
  /** This calendar month up to now. */
  month: { key: MonthKey; availability: number | null; met: boolean | null };
}

export interface RecentAvailabilityData {
  products: RecentAvailability[];
  /** Titles of the incidents the bars refer to. */
  incidentTitles: Map<number, { title: string; titleEn: string | null }>;
  /** Titles of the maintenance the bars refer to. */
  maintenanceTitles: Map<number, { title: string; titleEn: string | null }>;
}

/** Per product: the last 90 days as a bar, and this month's availability so far. */
export async function loadRecentAvailability(db: Database, now: Date, settings: SlaSettings): Promise<RecentAvailabilityData> {
  const days = lastDays(+now, BAR_DAYS);
  const month = monthKeyOf(+now);
  const start = Math.min(days[0]!.start, monthStart(month));
  const history = await loadSlaHistory(db, { start: new Date(start), end: now });
  const products = history.products.map((product) => {
    const productHistory = historyOf(history, product, now, settings);
    const figure = withTarget(computeAvailability(productHistory, monthStart(month), +now), product.target);
    const incidents = history.incidents
      .filter((i) => i.updates.some((u) => product.slug in u.impacts))
      .map((i) => ({ id: i.id, start: i.reportedAt, end: resolvedAt(i.updates) }));
    return {
      product,
      days: dailyStatuses(productHistory, days, incidents),
      month: { key: month, availability: figure.availability, met: figure.met },
    };
  });
  return {
    products,
    incidentTitles: new Map(history.incidents.map((i) => [i.id, { title: i.title, titleEn: i.titleEn }])),
    maintenanceTitles: new Map(history.maintenance.map((m) => [m.id, { title: m.title, titleEn: m.titleEn }])),
  };
}

function historyOf(history: SlaHistory, product: ProductInfo, now: Date, settings: SlaSettings): ProductHistory {
  return {
    measuredSince: product.measuredSince,
    now: +now,
    impacts: history.impacts.filter((i) => i.product === product.slug),
    maintenance: history.maintenance.filter((m) => m.products.includes(product.slug)),
    weights: settings.weights,
  };
}

export interface AvailabilityPageData extends AvailabilityTable {
  partialWeight: number;
}

export async function loadAvailabilityPage(context: ReadContext): Promise<AvailabilityPageData> {
  const table = await loadAvailabilityTable(context.db, context.now, context.sla);
  return { ...table, partialWeight: context.sla.weights.partial_outage };
}
