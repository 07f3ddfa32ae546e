// Maintenance as the pages show it: one announcement, and the lists of in progress,
// upcoming, past and cancelled windows, each with its effective state, the notice given
// and the SLA rules it breaks (src/sla/maintenance-rules.ts).
import { parseId } from '#src/domain/ids.ts';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { maintenanceProducts, maintenances, outages, products } from '#db/schema.ts';
import { SLA_TIME_ZONE, type MaintenanceState } from '#src/domain/vocabulary.ts';
import { checkMaintenance, type RuleBreach } from '#src/sla/maintenance-rules.ts';
import { effectiveMaintenanceState } from '#src/sla/maintenance-state.ts';
import type { ReadContext } from '#src/http/context.ts';
import { monthGrid, type GridWeek } from '#src/time/month-grid.ts';
import { addMonths, monthKeyOf, startOfMonthsBack, type MonthKey } from '#src/time/zone.ts';
import { loadProducts, type ProductInfo } from '#src/products/load.ts';

type MaintenanceRow = typeof maintenances.$inferSelect;

export interface MaintenanceView extends Omit<MaintenanceRow, 'state' | 'createdAt'> {
  /** The state at the moment of reading (the clock and the NOC together). */
  state: MaintenanceState;
  /** Product slugs, in catalogue order. */
  products: string[];
  /** Time from announcement to start in ms; null for unannounced maintenance. */
  noticeMs: number | null;
  breaches: RuleBreach[];
}

export interface MaintenanceLists {
  inProgress: MaintenanceView[];
  upcoming: MaintenanceView[];
  past: MaintenanceView[];
  cancelled: MaintenanceView[];
}

export async function loadMaintenance(db: Database, id: number, now: Date): Promise<MaintenanceView | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const [row] = await db.select().from(maintenances).where(eq(maintenances.id, id));
  return row ? (await withProducts(db, [row], now))[0]! : null;
}

/** In progress and upcoming only: what the home page needs, however long the history. */
export async function loadCurrentMaintenance(db: Database, now: Date, productSlug?: string): Promise<MaintenanceLists> {
  const open = or(gt(maintenances.windowEnd, now), eq(maintenances.state, 'in_progress'));
  return split(await select(db, and(open, inArray(maintenances.state, ['scheduled', 'in_progress']))!, now, productSlug));
}

/** Everything from `since` on (past, cancelled) plus all that is ahead. */
export async function loadMaintenanceLists(db: Database, now: Date, since: Date, productSlug?: string): Promise<MaintenanceLists> {
  return split(await select(db, or(gte(maintenances.windowEnd, since), gt(maintenances.windowEnd, now))!, now, productSlug));
}

/**
 * The `limit` maintenances with the latest windows, newest first, cancelled ones left out:
 * Statuspage's "most recent scheduled maintenances". Announced by now, or unannounced.
 */
export async function loadRecentMaintenance(db: Database, now: Date, limit: number): Promise<MaintenanceView[]> {
  const rows = await db
    .select()
    .from(maintenances)
    .where(and(ne(maintenances.state, 'cancelled'), or(isNull(maintenances.announcedAt), lte(maintenances.announcedAt, now))))
    .orderBy(desc(maintenances.windowStart), desc(maintenances.id))
    .limit(limit);
  return withProducts(db, rows, now);
}

async function select(db: Database, where: SQL, now: Date, productSlug?: string): Promise<MaintenanceView[]> {
  // An announcement dated later than now has not been made yet: the feeds agree.
  const announced = or(isNull(maintenances.announcedAt), lte(maintenances.announcedAt, now));
  const rows = await db.select().from(maintenances).where(and(where, announced)).orderBy(asc(maintenances.windowStart), asc(maintenances.id));
  const views = await withProducts(db, rows, now);
  return productSlug ? views.filter((m) => m.products.includes(productSlug)) : views;
}

function split(views: MaintenanceView[]): MaintenanceLists {
  return {
    inProgress: views.filter((m) => m.state === 'in_progress'),
    upcoming: views.filter((m) => m.state === 'scheduled'),
    // Newest first: the most recent past window is the one people look for.
    past: views.filter((m) => m.state === 'completed').reverse(),
    cancelled: views.filter((m) => m.state === 'cancelled').reverse(),
  };
}

async function withProducts(db: Database, rows: MaintenanceRow[], now: Date): Promise<MaintenanceView[]> {
  if (rows.length === 0) return [];
  const downtime = await unannouncedDowntime(db, rows);
  const links = await db
    .select({ maintenanceId: maintenanceProducts.maintenanceId, slug: products.slug })
    .from(maintenanceProducts)
    .innerJoin(products, eq(products.id, maintenanceProducts.productId))
    .where(inArray(maintenanceProducts.maintenanceId, rows.map((r) => r.id)))
    .orderBy(asc(products.position));
  return rows.map(({ createdAt: _c, ...row }) => ({
    ...row,
    state: effectiveMaintenanceState(row, now),
    products: links.filter((l) => l.maintenanceId === row.id).map((l) => l.slug),
    noticeMs: row.announcedAt ? +row.windowStart - +row.announcedAt : null,
    breaches: checkMaintenance({
      type: row.type,
      announcedAt: row.announcedAt ? +row.announcedAt : null,
      start: +row.windowStart,
      end: +row.windowEnd,
      downtimeMs: downtime.get(row.id),
    }),
  }));
}


export interface MaintenancePageData {
  maintenance: MaintenanceView;
  products: ProductInfo[];
}

export async function loadMaintenancePage(context: ReadContext, id: string | undefined): Promise<MaintenancePageData | null> {
  const number = parseId(id);
  if (number === null) return null;
  const maintenance = await loadMaintenance(context.db, number, context.now);
  return maintenance && { maintenance, products: await loadProducts(context.db) };
}

export const MAINTENANCE_MONTHS = 12;

export interface MaintenanceListPageData extends MaintenanceLists {
  products: ProductInfo[];
}

/** In progress, ahead, and the past 12 months (completed and cancelled). */
export async function loadMaintenanceListPage(context: ReadContext): Promise<MaintenanceListPageData> {
  const since = startOfMonthsBack(context.now, MAINTENANCE_MONTHS);
  const [lists, products] = await Promise.all([loadMaintenanceLists(context.db, context.now, since), loadProducts(context.db)]);
  return { ...lists, products };
}

/** The calendar's months: two years back (the history the pages keep, and more) and one ahead. */
export const CALENDAR_MONTHS = { back: 24, ahead: 12 } as const;

export interface MaintenanceCalendarData {
  month: MonthKey;
  /** The neighbouring months within CALENDAR_MONTHS; null at an end. */
  previous: MonthKey | null;
  next: MonthKey | null;
  weeks: GridWeek[];
  /** Every window that touches a day of the grid, cancelled ones too, by start. */
  maintenances: MaintenanceView[];
  products: ProductInfo[];
}

/** The first and the last month the calendar has a page for, around the month of `now`. */
export function calendarMonths(now: Date): { first: MonthKey; last: MonthKey } {
  const current = monthKeyOf(+now, SLA_TIME_ZONE);
  return { first: addMonths(current, -CALENDAR_MONTHS.back), last: addMonths(current, CALENDAR_MONTHS.ahead) };
}

/** The month grid of `month` and the maintenance announced by now that touches its days. */

export async function loadMaintenanceCalendar(context: ReadContext, month: MonthKey): Promise<MaintenanceCalendarData | null> {
  const { first, last } = calendarMonths(context.now);
  if (month < first || month > last) return null;
  const weeks = monthGrid(month);
  const days = weeks.flatMap((w) => w.days);
  const [start, end] = [new Date(days[0]!.start), new Date(days.at(-1)!.end)];
  const [list, productList] = await Promise.all([
    select(context.db, and(lt(maintenances.windowStart, end), gt(maintenances.windowEnd, start))!, context.now),
    loadProducts(context.db),
  ]);
  return { month, previous: month > first ? addMonths(month, -1) : null, next: month < last ? addMonths(month, 1) : null, weeks, maintenances: list, products: productList };
}

/**
 * The recorded downtime inside each unannounced maintenance's window (overlaps counted
 * once), which the SLA limits to under a minute. Without a recorded outage the rule
 * check takes the whole window, as it must when nothing was measured.
 */
async function unannouncedDowntime(db: Database, rows: MaintenanceRow[]): Promise<Map<number, number>> {
  const downtime = new Map<number, number>();
  for (const m of rows.filter((r) => r.type === 'unannounced')) {
    const spans = await db
      .select({ start: outages.startedAt, end: outages.endedAt })
      .from(outages)
      .innerJoin(maintenanceProducts, eq(maintenanceProducts.productId, outages.productId))
      .where(and(eq(maintenanceProducts.maintenanceId, m.id), lt(outages.startedAt, m.windowEnd), or(isNull(outages.endedAt), gt(outages.endedAt, m.windowStart))))
      .orderBy(asc(outages.startedAt));
    if (spans.length === 0) continue;
    let total = 0;
    let reached = +m.windowStart;
    for (const span of spans) {
      const from = Math.max(+span.start, reached);
      const until = Math.min(+(span.end ?? m.windowEnd), +m.windowEnd);
      if (until > from) total += until - from;
      reached = Math.max(reached, until);
    }
    downtime.set(m.id, total);
  }
  return downtime;
}
