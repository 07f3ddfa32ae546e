// Our vocabulary in Statuspage's words, in one place (docs/public-json.md
// prints the same table): product statuses map 1:1, the page indicator and an
// incident's impact follow the worst status, maintenance states map to the same names.
// Also the ids and the time format every document shares. Pure.
import { createHash } from 'node:crypto';
import type { Impact, MaintenanceState, ProductStatus } from '#src/domain/vocabulary.ts';
import { rfc3339InZone } from '#src/time/zone.ts';
import type { ComponentStatus, IncidentImpact, Indicator, MaintenanceStatus, PageStatus, Timestamp } from './documents.ts';

/** Statuspage's component statuses are ours, value for value. */
export const COMPONENT_STATUS: Readonly<Record<ProductStatus, ComponentStatus>> = {
  operational: 'operational',
  degraded_performance: 'degraded_performance',
  partial_outage: 'partial_outage',
  major_outage: 'major_outage',
  under_maintenance: 'under_maintenance',
};

/**
 * The page indicator from the worst product status (the banner of our home page):
 * Statuspage's none/minor/major/critical, and 'maintenance' as real pages send it while
 * maintenance is in progress and nothing is worse.
 */
export const INDICATOR: Readonly<Record<ProductStatus, Indicator>> = {
  operational: 'none',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** The descriptions Statuspage pages send with each indicator. */
export const INDICATOR_DESCRIPTION: Readonly<Record<Indicator, string>> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major Service Outage',
  maintenance: 'Service Under Maintenance',
};

/** An incident's impact: its worst impact on any product while it lasted. */
export const INCIDENT_IMPACT: Readonly<Record<Impact, IncidentImpact>> = {
  operational: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/**
 * Our maintenance states as Statuspage's. Cancelled maintenance has no Statuspage state
 * (Statuspage deletes a maintenance that will not happen): it is left out of every
 * document, and the pages and feeds show the cancellation. We have no 'verifying'.
 */
export const MAINTENANCE_STATUS: Readonly<Record<Exclude<MaintenanceState, 'cancelled'>, MaintenanceStatus>> = {
  scheduled: 'scheduled',
  in_progress: 'in_progress',
  completed: 'completed',
};

export function pageStatus(overall: ProductStatus): PageStatus {
  const indicator = INDICATOR[overall];
  return { indicator, description: INDICATOR_DESCRIPTION[indicator] };
}

/** The page's time zone: every time on the page and in the documents is in it. */
export const PAGE_TIME_ZONE = 'Europe/Amsterdam';

export function timestamp(instant: Date | number): Timestamp {
  return rfc3339InZone(+instant, PAGE_TIME_ZONE);
}

/** "YYYY-MM-DD" of the instant in the page's zone. */
export function dateOf(instant: Date | number): string {
  return timestamp(instant).slice(0, 10);
}

// Ids are strings, stable for as long as the slug or row is: products and groups by slug
// (a group and a product may share one, so each has its prefix), incidents and
// maintenances by row id (one id space in Statuspage, so prefixed too).
export const ids = {
  /** 12 characters like Statuspage's, derived from SITE_URL. */
  page: (siteUrl: string) => createHash('sha256').update(siteUrl).digest('hex').slice(0, 12),
  group: (slug: string) => `group-${slug}`,
  product: (slug: string) => `product-${slug}`,
  incident: (id: number) => `incident-${id}`,
  incidentUpdate: (id: number) => `incident-update-${id}`,
  maintenance: (id: number) => `maintenance-${id}`,
  maintenanceUpdate: (id: number, status: MaintenanceStatus) => `maintenance-${id}-${status}`,
};
