// Collective incidents as the pages show them: one incident with its whole NOC timeline,
// the unresolved ones, and the history by month with a product filter and pages.
import { parseId } from '#src/domain/ids.ts';
import { and, asc, count, desc, eq, exists, gte, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { incidentReports, incidentUpdateImpacts, incidentUpdates, incidents, products } from '#db/schema.ts';
import { incidentTimers, type IncidentTimers } from '#src/sla/incident-timers.ts';
import type { IncidentFacts } from '#src/sla/incident-facts.ts';
import type { OfficeHoursConfig } from '#src/sla/office-hours.ts';
import type { ReadContext } from '#src/http/context.ts';
import { startOfMonthsBack } from '#src/time/zone.ts';
import { loadProducts, type ProductInfo } from '#src/products/load.ts';
import { loadIncidentFacts } from './report-facts.ts';
import { STATUS_RANK, type Impact, type IncidentCategory, type IncidentStatus } from '#src/domain/vocabulary.ts';

export interface IncidentUpdateView {
  id: number;
  publishedAt: Date;
  status: IncidentStatus;
  message: string;
  messageEn: string | null;
  /** Impact per product slug as of this update. */
  impacts: Record<string, Impact>;
  /** When the NOC corrected this update after publishing it; null if never. */
  editedAt: Date | null;
}

/** The report (reason for outage) as the public sees it: only once published. */
export interface PublishedReport {
  body: string;
  bodyEn: string | null;
  publishedAt: Date;
  /** The latest correction after publication; null if never corrected. */
  editedAt: Date | null;
}

/** An incident as lists show it (history, product pages). */
export interface IncidentSummary {
  id: number;
  title: string;
  titleEn: string | null;
  category: IncidentCategory;
  reportedAt: Date;
  resolvedAt: Date | null;
  status: IncidentStatus;
  /** The worst impact each product had during the incident. */
  worstImpacts: Record<string, Impact>;
}

/** An incident as its own page and the write API show it: with its updates. */
export interface IncidentView extends IncidentSummary {
  /** Rises with every write (the API's ETag). */
  version: number;
  externalId: string | null;
  /** Newest first, as a timeline reads. */
  updates: IncidentUpdateView[];
  /** The published report; null while there is none or only a draft. */
  report: PublishedReport | null;
}

type IncidentRow = typeof incidents.$inferSelect;

export async function loadIncident(db: Database, id: number): Promise<IncidentView | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  return row ? (await withUpdates(db, [row]))[0]! : null;
}

/** Unresolved incidents, newest first, with their timelines. */
export async function loadActiveIncidents(db: Database): Promise<IncidentView[]> {
  const rows = await db
    .select()
    .from(incidents)
    .where(and(isNull(incidents.resolvedAt), ne(incidents.status, 'resolved')))
    .orderBy(desc(incidents.reportedAt));
  return withUpdates(db, rows);
}

/** The `limit` most recently reported incidents, newest first, with their timelines. */
export async function loadRecentIncidents(db: Database, limit: number): Promise<IncidentView[]> {
  const rows = await db.select().from(incidents).orderBy(desc(incidents.reportedAt), desc(incidents.id)).limit(limit);
  return withUpdates(db, rows);
}

export interface IncidentPage {
  incidents: IncidentSummary[];
  total: number;
  page: number;
  pages: number;
}

/** Incidents reported since `since`, newest first, optionally only those touching a product. */
export async function loadIncidentHistory(
  db: Database,
  options: { since: Date; productSlug?: string; page: number; perPage: number },
): Promise<IncidentPage> {
  const where = historyWhere(db, options.since, options.productSlug);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(incidents).where(where),
    db
      .select()
      .from(incidents)
      .where(where)
      .orderBy(desc(incidents.reportedAt), desc(incidents.id))
      .limit(options.perPage)
      .offset((options.page - 1) * options.perPage),
  ]);
  const views = await withUpdates(db, rows);
  return {
    incidents: views.map(({ updates: _updates, report: _report, ...summary }) => summary),
    total: total!.n,
    page: options.page,
    pages: Math.max(1, Math.ceil(total!.n / options.perPage)),
  };
}

/** Incidents reported since `since`, of one product when a slug is given. */
function historyWhere(db: Database, since: Date, productSlug: string | undefined) {
  const touching = productSlug
    ? exists(
        db
          .select({ one: sql`1` })
          .from(incidentUpdates)
          .innerJoin(incidentUpdateImpacts, eq(incidentUpdateImpacts.updateId, incidentUpdates.id))
          .innerJoin(products, eq(products.id, incidentUpdateImpacts.productId))
          .where(and(eq(incidentUpdates.incidentId, incidents.id), eq(products.slug, productSlug))),
      )
    : undefined;
  return and(gte(incidents.reportedAt, since), touching);
}

async function withUpdates(db: Database, rows: IncidentRow[]): Promise<IncidentView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [updateRows, impactRows, reportRows] = await Promise.all([
    db.select().from(incidentUpdates).where(inArray(incidentUpdates.incidentId, ids)).orderBy(desc(incidentUpdates.publishedAt), desc(incidentUpdates.id)),
    db
      .select({ updateId: incidentUpdateImpacts.updateId, slug: products.slug, impact: incidentUpdateImpacts.impact })
      .from(incidentUpdateImpacts)
      .innerJoin(incidentUpdates, eq(incidentUpdates.id, incidentUpdateImpacts.updateId))
      .innerJoin(products, eq(products.id, incidentUpdateImpacts.productId))
      .where(inArray(incidentUpdates.incidentId, ids))
      .orderBy(asc(products.position)),
    db.select().from(incidentReports).where(and(inArray(incidentReports.incidentId, ids), isNotNull(incidentReports.publishedAt))),
  ]);
  const reportOf = new Map(reportRows.map((r) => [r.incidentId, { body: r.body, bodyEn: r.bodyEn, publishedAt: r.publishedAt!, editedAt: r.editedAt }]));
  const impactsOf = new Map<number, Record<string, Impact>>();
  for (const r of impactRows) impactsOf.set(r.updateId, { ...impactsOf.get(r.updateId), [r.slug]: r.impact });
  return rows.map((row) => {
    const updates = updateRows
      .filter((u) => u.incidentId === row.id)
      .map((u) => ({ id: u.id, publishedAt: u.publishedAt, status: u.status, message: u.message, messageEn: u.messageEn, impacts: impactsOf.get(u.id) ?? {}, editedAt: u.editedAt }));
    const worstImpacts: Record<string, Impact> = {};
    for (const update of updates) {
      for (const [slug, impact] of Object.entries(update.impacts)) {
        const known = worstImpacts[slug];
        if (!known || STATUS_RANK[impact] > STATUS_RANK[known]) worstImpacts[slug] = impact;
      }
    }
    return {
      id: row.id,
      title: row.title,
      titleEn: row.titleEn,
      category: row.category,
      reportedAt: row.reportedAt,
      resolvedAt: row.resolvedAt,
      status: row.status,
      version: row.version,
      externalId: row.externalId,
      updates,
      worstImpacts,
      report: reportOf.get(row.id) ?? null,
    };
  });
}

/** The report in any state, draft included: for the console and the write API. */
export async function loadIncidentReport(db: Database, incidentId: number) {
  const [row] = await db.select().from(incidentReports).where(eq(incidentReports.incidentId, incidentId));
  return row ?? null;
}

/** The incident's SLA clocks at `now` (src/sla/incident-timers.ts), for the pages. */
export function timersOf(incident: IncidentView, now: Date, officeHours: Partial<OfficeHoursConfig>): IncidentTimers {
  return incidentTimers(
    {
      category: incident.category,
      reportedAt: +incident.reportedAt,
      updates: incident.updates.map((u) => ({ publishedAt: +u.publishedAt, status: u.status })),
    },
    +now,
    officeHours,
  );
}

export interface IncidentPageData {
  incident: IncidentView;
  timers: IncidentTimers;
  /** Product names by slug. */
  products: ProductInfo[];
  /** The SLA facts shown with a published report; null without one. */
  facts: IncidentFacts | null;
}

/** The incident page's data, or null for an id that is not an incident (a 404). */
export async function loadIncidentPage(context: ReadContext, id: string | undefined): Promise<IncidentPageData | null> {
  const number = parseId(id);
  if (number === null) return null;
  const incident = await loadIncident(context.db, number);
  if (!incident) return null;
  const products = await loadProducts(context.db);
  const facts = incident.report ? await loadIncidentFacts(context, incident, products) : null;
  return { incident, timers: timersOf(incident, context.now, context.sla.officeHours), products, facts };
}

export const HISTORY_MONTHS = 12;
export const HISTORY_PAGE_SIZE = 20;

export interface HistoryPageData extends IncidentPage {
  products: ProductInfo[];
  productSlug: string | undefined;
  since: Date;
}

/**
 * The history page: incidents of the month in progress and the 12 before it, newest
 * first, optionally of one product. null for an unknown product or a page past the end.
 */
export async function loadHistoryPage(context: ReadContext, query: URLSearchParams): Promise<HistoryPageData | null> {
  const productSlug = query.get('product') || undefined;
  const pageText = query.get('page') ?? '1';
  if (!/^[1-9]\d{0,4}$/.test(pageText)) return null;
  const products = await loadProducts(context.db);
  if (productSlug && !products.some((p) => p.slug === productSlug)) return null;
  const since = startOfMonthsBack(context.now, HISTORY_MONTHS);
  const page = await loadIncidentHistory(context.db, { since, productSlug, page: Number(pageText), perPage: HISTORY_PAGE_SIZE });
  if (page.page > page.pages) return null;
  return { ...page, products, productSlug, since };
}

/** How many pages the history page has (of one product, or of all): the front server refuses a page past the end without a render. */
export async function countHistoryPages(context: ReadContext, productSlug: string | null): Promise<number> {
  const where = historyWhere(context.db, startOfMonthsBack(context.now, HISTORY_MONTHS), productSlug ?? undefined);
  const [total] = await context.db.select({ n: count() }).from(incidents).where(where);
  return Math.max(1, Math.ceil(total!.n / HISTORY_PAGE_SIZE));
}
