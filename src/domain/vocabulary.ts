// The words of the SLA domain, in one place: the database schema, the SLA engine, the
// pages and the feeds all import these lists instead of spelling them again.
// Source for every list: docs/sla.md (SLA §2.1, §2.2, §3.1, §6).

/** Impact of an incident or outage on one product, from none to worst. */
export const IMPACTS = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Whether a word from outside (a label, a stored text) is one of a list's words: a type guard, so no cast follows. */
export function isOneOf<T extends string>(words: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (words as readonly string[]).includes(value);
}

/** What a product can show on the page: an impact, or maintenance in progress. */
export const PRODUCT_STATUSES = [...IMPACTS, 'under_maintenance'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/**
 * Downtime weight per impact (docs/sla.md#impact-weights): a major outage is full
 * unavailability; a partial outage counts 0.3, the convention of Atlassian Statuspage and
 * Instatus, configurable through IMPACT_WEIGHT_PARTIAL; degraded performance and
 * maintenance in progress count nothing.
 */
export const DEFAULT_IMPACT_WEIGHTS: Readonly<Record<Impact, number>> = {
  operational: 0,
  degraded_performance: 0,
  partial_outage: 0.3,
  major_outage: 1,
};
export type ImpactWeights = Readonly<Record<Impact, number>>;

/** Rank for "worst wins" comparisons; under_maintenance ranks below any real impact. */
export const STATUS_RANK: Readonly<Record<ProductStatus, number>> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** SLA §2.2: category 1 limited impact (< 10 % of calls), category 2 large impact. */
export const INCIDENT_CATEGORIES = [1, 2] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** SLA §2.1 / §6 maintenance types (docs/sla.md#maintenance). */
export const MAINTENANCE_TYPES = ['regular', 'necessary', 'emergency', 'unannounced'] as const;
export type MaintenanceType = (typeof MAINTENANCE_TYPES)[number];

/** What a maintenance says of itself, the same in every view of it (calendar, feeds, notifications); the English texts are optional. */
export interface MaintenanceWording {
  id: number;
  type: MaintenanceType;
  title: string;
  titleEn: string | null;
  description: string;
  descriptionEn: string | null;
}

export const MAINTENANCE_STATES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];

/** What a published revision of a maintenance says happened (maintenance_revisions.change). */
export const MAINTENANCE_CHANGES = ['announced', 'rescheduled', 'edited', 'started', 'completed', 'cancelled'] as const;
export type MaintenanceChange = (typeof MAINTENANCE_CHANGES)[number];

/** Where a recorded outage came from. */
export const OUTAGE_SOURCES = ['nms', 'import', 'manual', 'demo', 'alertmanager'] as const;
export type OutageSource = (typeof OUTAGE_SOURCES)[number];

/** The zone every time on the page is shown in (docs/sla.md#maintenance: all times Europe/Amsterdam). */
export const SLA_TIME_ZONE = 'Europe/Amsterdam';

/** What subscribers hear about (src/notifications): incidents and maintenance, as they happen. */
export const SUBSCRIBER_EVENTS = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  /** The NOC published the report (reason for outage) of a resolved incident: told once, at the first publication. */
  'incident.report_published',
  'maintenance.announced',
  'maintenance.rescheduled',
  'maintenance.cancelled',
  'maintenance.reminder',
  'maintenance.started',
  'maintenance.completed',
] as const;
export type SubscriberEventKind = (typeof SUBSCRIBER_EVENTS)[number];

/** Mails to the operators (NOC_ALERT_EMAILS): an incident's next public update (SLA §4) is due or overdue, a maintenance window ended without being marked completed. */
export const NOC_EVENTS = ['noc.update_due', 'noc.update_overdue', 'noc.maintenance_unmarked'] as const;
export type NocEventKind = (typeof NOC_EVENTS)[number];

/**
 * The notification channels a subscriber can choose (src/notifications/channels: one folder
 * and one registry entry each). The database checks its channel columns against this list
 * (db/schema/notifications.ts), and the registry must implement every name, so a channel
 * exists in all three places or in none.
 */
export const CHANNEL_NAMES = ['email', 'webhook', 'teams', 'slack', 'discord'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];
