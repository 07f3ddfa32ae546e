// One loader per /api/v2 document: read what it shows through the feature queries, hand it to
// the pure mappers, and say from when it dates (its Last-Modified). Every document shares
// the page, its status and the components; incidents and maintenances carry full
// component objects, so the summary is the other documents put together.
import type { Database } from '#db/client.ts';
import { messages } from '#src/i18n/messages.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { loadAvailabilityTable } from '#src/availability/load.ts';
import { loadCurrentHealth } from '#src/products/current-health.ts';
import { latestUpTo } from '#src/feeds/load-products.ts';
import { loadActiveIncidents, loadRecentIncidents } from '#src/incidents/queries.ts';
import { loadCurrentMaintenance, loadRecentMaintenance } from '#src/maintenance/queries.ts';
import { loadProducts } from '#src/products/load.ts';
import { loadPublishedAt, loadStatusChanges } from '#src/statuspage/status-changes.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { monthKeyOf } from '#src/time/zone.ts';
import { buildAvailabilityDocument } from './availability.ts';
import { buildComponents, type GroupFacts } from './components.ts';
import type {
  AvailabilityDocument,
  Component,
  ComponentsDocument,
  IncidentsDocument,
  Page,
  PageStatus,
  ScheduledMaintenancesDocument,
  StatusDocument,
  SummaryDocument,
} from './documents.ts';
import { buildIncident, type DocumentContext } from './incidents.ts';
import { buildScheduledMaintenances } from './maintenances.ts';
import { PAGE_TIME_ZONE, ids, pageStatus, timestamp } from './mapping.ts';

/** Statuspage's "the 50 most recent" incidents and scheduled maintenances. */
export const RECENT_LIMIT = 50;
const MINUTE_MS = 60_000;

export interface StatuspageScope {
  siteUrl: string;
  /** The language of names and texts; the site's default is Dutch. */
  locale: Locale;
  settings: SlaSettings;
  now: Date;
}

export interface Loaded<D> {
  document: D;
  /** The HTTP Last-Modified: no later moment up to now changed the document. */
  lastModified: Date;
}

interface PageState {
  page: Page;
  status: PageStatus;
  components: Component[];
  context: DocumentContext;
  publishedAt: Date;
}

async function loadPageState(db: Database, scope: StatuspageScope): Promise<PageState> {
  const { now, locale, siteUrl } = scope;
  const [health, products, changes, published] = await Promise.all([
    loadCurrentHealth(db, now),
    loadProducts(db),
    loadStatusChanges(db, now),
    loadPublishedAt(db, now),
  ]);
  const measuredSince = new Map(products.map((p) => [p.id, p.measuredSince]));
  const groups: GroupFacts[] = health.groups.map((group) => ({
    slug: group.slug,
    name: group.name,
    products: group.products.map((p) => ({
      slug: p.slug,
      name: p.name,
      status: p.status,
      measuredSince: measuredSince.get(p.id)!,
      changedAt: changes.has(p.id) ? +changes.get(p.id)! : null,
    })),
  }));
  // Before the first write: when the catalogue was first measured.
  const publishedAt = published ?? latestUpTo(now, products.map((p) => new Date(p.measuredSince))) ?? now;
  const pageId = ids.page(siteUrl);
  const components = buildComponents(groups, pageId, locale);
  const byId = new Map(components.map((c) => [c.id, c]));
  const productComponents = new Map(groups.flatMap((g) => g.products.map((p) => [p.slug, byId.get(ids.product(p.slug))!] as const)));
  return {
    page: { id: pageId, name: messages[locale].siteTitle, url: siteUrl, time_zone: PAGE_TIME_ZONE, updated_at: timestamp(publishedAt) },
    status: pageStatus(health.overall),
    components,
    context: { pageId, siteUrl, locale, components: productComponents },
    publishedAt,
  };
}

export async function loadStatusDocument(db: Database, scope: StatuspageScope): Promise<Loaded<StatusDocument>> {
  const state = await loadPageState(db, scope);
  return { document: { page: state.page, status: state.status }, lastModified: state.publishedAt };
}

export async function loadComponentsDocument(db: Database, scope: StatuspageScope): Promise<Loaded<ComponentsDocument>> {
  const state = await loadPageState(db, scope);
  return { document: { page: state.page, components: state.components }, lastModified: state.publishedAt };
}

export async function loadIncidentsDocument(db: Database, scope: StatuspageScope): Promise<Loaded<IncidentsDocument>> {
  const [state, incidents] = await Promise.all([loadPageState(db, scope), loadRecentIncidents(db, RECENT_LIMIT)]);
  return { document: { page: state.page, incidents: incidents.map((i) => buildIncident(i, state.context)) }, lastModified: state.publishedAt };
}

export async function loadUnresolvedIncidentsDocument(db: Database, scope: StatuspageScope): Promise<Loaded<IncidentsDocument>> {
  const [state, incidents] = await Promise.all([loadPageState(db, scope), loadActiveIncidents(db)]);
  return { document: { page: state.page, incidents: incidents.map((i) => buildIncident(i, state.context)) }, lastModified: state.publishedAt };
}

export async function loadScheduledMaintenancesDocument(db: Database, scope: StatuspageScope): Promise<Loaded<ScheduledMaintenancesDocument>> {
  const [state, list] = await Promise.all([loadPageState(db, scope), loadRecentMaintenance(db, scope.now, RECENT_LIMIT)]);
  return { document: { page: state.page, scheduled_maintenances: buildScheduledMaintenances(list, state.context) }, lastModified: state.publishedAt };
}

export async function loadUpcomingMaintenancesDocument(db: Database, scope: StatuspageScope): Promise<Loaded<ScheduledMaintenancesDocument>> {
  const [state, lists] = await Promise.all([loadPageState(db, scope), loadCurrentMaintenance(db, scope.now)]);
  return { document: { page: state.page, scheduled_maintenances: buildScheduledMaintenances(lists.upcoming, state.context) }, lastModified: state.publishedAt };
}

export async function loadActiveMaintenancesDocument(db: Database, scope: StatuspageScope): Promise<Loaded<ScheduledMaintenancesDocument>> {
  const [state, lists] = await Promise.all([loadPageState(db, scope), loadCurrentMaintenance(db, scope.now)]);
  return { document: { page: state.page, scheduled_maintenances: buildScheduledMaintenances(lists.inProgress, state.context) }, lastModified: state.publishedAt };
}

/** Status, components, unresolved incidents, maintenance in progress and upcoming. */
export async function loadSummaryDocument(db: Database, scope: StatuspageScope): Promise<Loaded<SummaryDocument>> {
  const [state, incidents, lists] = await Promise.all([loadPageState(db, scope), loadActiveIncidents(db), loadCurrentMaintenance(db, scope.now)]);
  return {
    document: {
      page: state.page,
      status: state.status,
      components: state.components,
      incidents: incidents.map((i) => buildIncident(i, state.context)),
      scheduled_maintenances: buildScheduledMaintenances([...lists.inProgress, ...lists.upcoming], state.context),
    },
    lastModified: state.publishedAt,
  };
}

/**
 * Per product the last 12 months' SLA figures. The month in progress counts up to the
 * start of the current minute, so the figures (and the ETag) change at most once a
 * minute rather than with every request; Last-Modified is that minute, or the last write
 * if it came later.
 */
export async function loadAvailabilityDocument(db: Database, scope: StatuspageScope): Promise<Loaded<AvailabilityDocument>> {
  const asOf = new Date(Math.floor(+scope.now / MINUTE_MS) * MINUTE_MS);
  const [state, table] = await Promise.all([loadPageState(db, scope), loadAvailabilityTable(db, asOf, scope.settings)]);
  const document = buildAvailabilityDocument({
    page: state.page,
    locale: scope.locale,
    table,
    weights: scope.settings.weights,
    currentMonth: monthKeyOf(+asOf),
  });
  return { document, lastModified: new Date(Math.max(+asOf, +state.publishedAt)) };
}
