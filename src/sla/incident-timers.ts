// Response, update and resolution clocks of collective incidents, SLA §4
// (docs/sla.md#timers), and the monthly count of incidents resolved within the 80 % and
// 95 % marks. Pure: the caller passes the incident, its updates and `now`.
import type { IncidentCategory, IncidentStatus } from '#src/domain/vocabulary.ts';
import { addOfficeHours, DEFAULT_OFFICE_HOURS } from '#src/sla/office-hours.ts';
import type { OfficeHoursConfig } from '#src/sla/office-hours.ts';
import { HOUR_MS } from '#src/time/units.ts';
import { monthKeyOf, type MonthKey } from '#src/time/zone.ts';

export interface IncidentSlaTerms {
  /** 'office': hours count on the office-hours clock; 'continuous': 24/7. */
  clock: 'office' | 'continuous';
  responseHours: number;
  /** A public update is due this long after the latest one. */
  updateEveryHours: number;
  /** 80 % of incidents must be resolved in less than this. */
  resolution80Hours: number;
  /** 95 % of incidents must be resolved in less than this. */
  resolution95Hours: number;
}

/**
 * SLA §4, as tabulated in docs/sla.md#timers. Category 1's 4-hour update interval runs on
 * office hours: the SLA does not say, docs/sla.md adopts it.
 */
export const INCIDENT_SLA: Readonly<Record<IncidentCategory, IncidentSlaTerms>> = {
  1: { clock: 'office', responseHours: 1, updateEveryHours: 4, resolution80Hours: 8, resolution95Hours: 16 },
  2: { clock: 'continuous', responseHours: 1, updateEveryHours: 2, resolution80Hours: 4, resolution95Hours: 12 },
};

/** SLA §4: the share of incidents (in percent) that must meet each resolution mark. */
export const RESOLUTION_TARGET_PERCENT = { mark80: 80, mark95: 95 } as const;

export interface TimedUpdate {
  publishedAt: number;
  status: IncidentStatus;
}

export interface TimedIncident {
  category: IncidentCategory;
  reportedAt: number;
  updates: readonly TimedUpdate[];
}

export interface IncidentTimers {
  responseDue: number;
  /** The first public update; null while there is none. */
  respondedAt: number | null;
  /** true/false once decided; false also when still unanswered after the deadline. */
  responseMet: boolean | null;
  /** null once resolved. */
  nextUpdateDue: number | null;
  nextUpdateOverdue: boolean;
  resolution80Due: number;
  resolution95Due: number;
  resolvedAt: number | null;
  resolution80Met: boolean | null;
  resolution95Met: boolean | null;
}

function addSlaHours(terms: IncidentSlaTerms, from: number, hours: number, officeHours: Partial<OfficeHoursConfig>): number {
  return terms.clock === 'office' ? addOfficeHours(from, hours, officeHours) : from + hours * HOUR_MS;
}

/**
 * When the incident was resolved: the update that set the status that still holds. An
 * incident reopened after a resolution is unresolved; later 'resolved' updates (a
 * post-mortem note) do not move the moment.
 */
export function resolvedAt(updates: readonly TimedUpdate[]): number | null {
  const ordered = [...updates].sort((a, b) => a.publishedAt - b.publishedAt);
  let since: number | null = null;
  for (const update of ordered) {
    if (update.status !== 'resolved') since = null;
    else since ??= update.publishedAt;
  }
  return since;
}

/**
 * The incident's clocks at `now`. Deadlines are the earliest instant at which the
 * allowed time has run out. "Within 1 hour" is met at exactly the deadline; "< 8 hours"
 * is not (docs/sla.md#timers: the resolution marks are strict). An open incident whose deadline
 * has passed has definitively missed it, so it reports false rather than waiting.
 */
export function incidentTimers(
  incident: TimedIncident,
  now: number,
  officeHours: Partial<OfficeHoursConfig> = DEFAULT_OFFICE_HOURS,
): IncidentTimers {
  const terms = INCIDENT_SLA[incident.category];
  const { reportedAt } = incident;
  // The clocks as they stood at `now`: an update published later had not happened yet.
  const updates = incident.updates.filter((update) => update.publishedAt <= now);
  const times = updates.map((update) => update.publishedAt);
  const respondedAt = times.length > 0 ? Math.min(...times) : null;
  const latestUpdate = times.length > 0 ? Math.max(...times) : null;
  const resolved = resolvedAt(updates);

  const responseDue = addSlaHours(terms, reportedAt, terms.responseHours, officeHours);
  const resolution80Due = addSlaHours(terms, reportedAt, terms.resolution80Hours, officeHours);
  const resolution95Due = addSlaHours(terms, reportedAt, terms.resolution95Hours, officeHours);
  // Before any update, the next one due is the first: the response.
  const nextUpdateDue =
    resolved !== null ? null : latestUpdate === null ? responseDue : addSlaHours(terms, latestUpdate, terms.updateEveryHours, officeHours);

  const resolutionMet = (due: number): boolean | null =>
    resolved !== null ? resolved < due : now >= due ? false : null;
  return {
    responseDue,
    respondedAt,
    responseMet: respondedAt !== null ? respondedAt <= responseDue : now > responseDue ? false : null,
    nextUpdateDue,
    nextUpdateOverdue: nextUpdateDue !== null && now > nextUpdateDue,
    resolution80Due,
    resolution95Due,
    resolvedAt: resolved,
    resolution80Met: resolutionMet(resolution80Due),
    resolution95Met: resolutionMet(resolution95Due),
  };
}

export interface CategoryCompliance {
  category: IncidentCategory;
  /** Resolved incidents of this category reported in the month. */
  resolved: number;
  within80Mark: number;
  within95Mark: number;
  /** Fractions 0–1; null when nothing was resolved. */
  share80: number | null;
  share95: number | null;
  /** Share ≥ 80 % / ≥ 95 %; null when nothing was resolved. */
  meets80: boolean | null;
  meets95: boolean | null;
}

/**
 * For the incidents reported in `month` (calendar month in the zone) and resolved by
 * now, per category: how many were resolved within each mark, and whether the share
 * reaches the SLA's 80 % and 95 %. Open incidents wait until they are resolved.
 */
export function monthlyResolutionCompliance(
  incidents: readonly TimedIncident[],
  month: MonthKey,
  officeHours: Partial<OfficeHoursConfig> = DEFAULT_OFFICE_HOURS,
  zone?: string,
): CategoryCompliance[] {
  const counts = new Map<IncidentCategory, { resolved: number; within80: number; within95: number }>([
    [1, { resolved: 0, within80: 0, within95: 0 }],
    [2, { resolved: 0, within80: 0, within95: 0 }],
  ]);
  for (const incident of incidents) {
    if (monthKeyOf(incident.reportedAt, zone) !== month) continue;
    const resolved = resolvedAt(incident.updates);
    const count = counts.get(incident.category);
    if (resolved === null || !count) continue;
    const terms = INCIDENT_SLA[incident.category];
    count.resolved++;
    if (resolved < addSlaHours(terms, incident.reportedAt, terms.resolution80Hours, officeHours)) count.within80++;
    if (resolved < addSlaHours(terms, incident.reportedAt, terms.resolution95Hours, officeHours)) count.within95++;
  }
  return [...counts].map(([category, { resolved, within80, within95 }]) => ({
    category,
    resolved,
    within80Mark: within80,
    within95Mark: within95,
    share80: resolved > 0 ? within80 / resolved : null,
    share95: resolved > 0 ? within95 / resolved : null,
    // Whole-number comparison: 4 of 5 is exactly 80 %, with no floating-point doubt.
    meets80: resolved > 0 ? within80 * 100 >= RESOLUTION_TARGET_PERCENT.mark80 * resolved : null,
    meets95: resolved > 0 ? within95 * 100 >= RESOLUTION_TARGET_PERCENT.mark95 * resolved : null,
  }));
}
