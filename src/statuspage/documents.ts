// The shapes of the Atlassian Statuspage API v2 documents our /api/v2 serves, with the
// names, types and values its consumers parse (docs/statuspage-v2.md), and our own
// addition, availability.json. Types only: the mappers build them, the tests check the
// JSON against zod schemas written from the same page (test/support/statuspage-schema.ts).

/** RFC 3339 with an offset, e.g. "2026-03-04T10:00:00.000+01:00". */
export type Timestamp = string;

export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
export type IncidentImpact = 'none' | 'minor' | 'major' | 'critical';
export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved' | 'postmortem';
export type MaintenanceStatus = 'scheduled' | 'in_progress' | 'verifying' | 'completed';

export interface Page {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: Timestamp;
}

export interface PageStatus {
  indicator: Indicator;
  description: string;
}

export interface Component {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
  position: number;
  description: string | null;
  showcase: boolean;
  /** "YYYY-MM-DD" */
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Groups only: the ids of their components. */
  components?: string[];
}

export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface IncidentUpdate<S extends string = IncidentStatus> {
  id: string;
  status: S;
  body: string;
  incident_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  display_at: Timestamp;
  affected_components: AffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}

export interface Incident {
  id: string;
  name: string;
  status: IncidentStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
  monitoring_at: Timestamp | null;
  resolved_at: Timestamp | null;
  impact: IncidentImpact;
  shortlink: string;
  started_at: Timestamp;
  page_id: string;
  incident_updates: IncidentUpdate[];
  components: Component[];
}

/**
 * The postmortem keys of Statuspage's incident object, as its API names them: the
 * published report's text and times; null and false without one. Incidents only.
 */
export interface IncidentPostmortem {
  postmortem_body: string | null;
  postmortem_body_last_updated_at: Timestamp | null;
  postmortem_published_at: Timestamp | null;
  /** Whether the incident will have no postmortem: never decided here, so false. */
  postmortem_ignored: boolean;
  postmortem_notified_subscribers: boolean;
  postmortem_notified_twitter: boolean;
}

export interface ScheduledMaintenance extends Omit<Incident, 'status' | 'impact' | 'incident_updates'> {
  status: MaintenanceStatus;
  impact: 'maintenance';
  incident_updates: IncidentUpdate<MaintenanceStatus>[];
  scheduled_for: Timestamp;
  scheduled_until: Timestamp;
}

export interface StatusDocument {
  page: Page;
  status: PageStatus;
}

export interface ComponentsDocument {
  page: Page;
  components: Component[];
}

export interface IncidentsDocument {
  page: Page;
  incidents: (Incident & IncidentPostmortem)[];
}

export interface ScheduledMaintenancesDocument {
  page: Page;
  scheduled_maintenances: ScheduledMaintenance[];
}

export interface SummaryDocument {
  page: Page;
  status: PageStatus;
  components: Component[];
  incidents: (Incident & IncidentPostmortem)[];
  scheduled_maintenances: ScheduledMaintenance[];
}

/** One product's month in availability.json: the SLA figures, unrounded; null = no data. */
export interface AvailabilityMonth {
  /** "YYYY-MM", a calendar month in Europe/Amsterdam. */
  month: string;
  /** The month in progress, counted up to now. */
  partial: boolean;
  /** Percent; null when no moment of the month was measured. */
  availability: number | null;
  /** Percent; null = best effort. */
  target: number | null;
  /** null for best effort or no data. */
  met: boolean | null;
  unplanned_minutes: number;
  planned_minutes: number;
  /** The same formula over the 12 months ending with this one. */
  rolling_12_months: { availability: number | null; met: boolean | null };
}

export interface AvailabilityDocument {
  page: Page;
  /** The downtime weight of each impact in force (docs/sla.md#impact-weights). */
  impact_weights: Record<'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage', number>;
  /** Oldest first: the 11 months before the current one and the current one. */
  months: string[];
  products: {
    /** The component id of components.json. */
    id: string;
    slug: string;
    name: string;
    group_id: string;
    target: number | null;
    months: AvailabilityMonth[];
  }[];
}
