// The SLA facts of one incident, for its report (reason for outage): its category, the
// first response and the resolution against SLA §4 (met or missed, and by how much on the
// category's clock), the downtime it caused per affected product (weighted minutes, planned
// and unplanned apart) and its effect on each touched month's availability against the
// target. Computed by the same engine as every other figure, never typed. Pure: the caller
// passes the incident, the other impacts and the windows of the months it touched.
import { STATUS_RANK, type Impact, type ImpactWeights, type IncidentCategory } from '#src/domain/vocabulary.ts';
import { availabilityCalculator } from '#src/sla/availability.ts';
import type { ImpactInterval, MaintenanceWindow } from '#src/sla/timeline.ts';
import { incidentImpactIntervals, type SnapshotUpdate } from '#src/sla/incident-timelines.ts';
import { INCIDENT_SLA, incidentTimers } from '#src/sla/incident-timers.ts';
import { DEFAULT_OFFICE_HOURS, officeMillisBetween, type OfficeHoursConfig } from '#src/sla/office-hours.ts';
import { addMonths, monthKeyOf, monthStart, type MonthKey } from '#src/time/zone.ts';

export interface FactsInput {
  incident: { category: IncidentCategory; reportedAt: number; updates: readonly SnapshotUpdate[] };
  /** The catalogue's products (slug, target, measured since); only affected ones get facts. */
  products: readonly { slug: string; target: number | null; measuredSince: number }[];
  /** Impacts from every other source (outages, other incidents) in the touched months. */
  otherImpacts: readonly (ImpactInterval & { product: string })[];
  /** Announced, not cancelled windows in the touched months, each naming its products. */
  maintenance: readonly (MaintenanceWindow & { products: readonly string[] })[];
  now: number;
  weights?: ImpactWeights | undefined;
  officeHours?: Partial<OfficeHoursConfig> | undefined;
  zone?: string | undefined;
}

/** One SLA §4 deadline as it turned out. */
export interface DeadlineFact {
  allowedHours: number;
  due: number;
  /** When it was met or missed: the first update, or the resolution; null while neither happened. */
  at: number | null;
  met: boolean | null;
  /** Time on the category's clock from `at` to `due`: positive to spare, negative late; null while undecided. */
  marginMs: number | null;
}

export interface MonthEffect {
  month: MonthKey;
  /** The month is still in progress: figures up to now. */
  partial: boolean;
  target: number | null;
  /** The month's availability without this incident, and with it (as every page shows it); unrounded. */
  without: number | null;
  with: number | null;
  /** With the incident, against the target; null for best effort or no data. */
  met: boolean | null;
}

export interface ProductFacts {
  slug: string;
  /** The worst impact the incident had on the product. */
  worstImpact: Impact;
  /** Weighted downtime this incident caused, outside and inside announced windows. */
  unplannedMinutes: number;
  plannedMinutes: number;
  months: MonthEffect[];
}

export interface IncidentFacts {
  category: IncidentCategory;
  clock: 'office' | 'continuous';
  reportedAt: number;
  response: DeadlineFact;
  /** Time from the report to the first update, on the category's clock. */
  responseElapsedMs: number | null;
  resolvedAt: number | null;
  /** Time from the report to the resolution, on the category's clock. */
  resolutionElapsedMs: number | null;
  resolution80: DeadlineFact;
  resolution95: DeadlineFact;
  /** In the order of `products`. */
  products: ProductFacts[];
}

export function incidentFacts(input: FactsInput): IncidentFacts {
  const { incident, now } = input;
  const officeHours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const terms = INCIDENT_SLA[incident.category];
  const timers = incidentTimers(incident, now, officeHours);
  // Elapsed time on the category's clock: office hours for category 1, all hours for 2.
  const span = (from: number, to: number) => (terms.clock === 'office' ? officeMillisBetween(from, to, officeHours) : to - from);
  const margin = (at: number | null, due: number, met: boolean | null) => (at === null || met === null ? null : at <= due ? span(at, due) : -span(due, at));
  const deadline = (allowedHours: number, due: number, at: number | null, met: boolean | null): DeadlineFact => ({ allowedHours, due, at, met, marginMs: margin(at, due, met) });
  const resolvedAt = timers.resolvedAt;
  return {
    category: incident.category,
    clock: terms.clock,
    reportedAt: incident.reportedAt,
    response: deadline(terms.responseHours, timers.responseDue, timers.respondedAt, timers.responseMet),
    responseElapsedMs: timers.respondedAt === null ? null : span(incident.reportedAt, timers.respondedAt),
    resolvedAt,
    resolutionElapsedMs: resolvedAt === null ? null : span(incident.reportedAt, resolvedAt),
    resolution80: deadline(terms.resolution80Hours, timers.resolution80Due, resolvedAt, timers.resolution80Met),
    resolution95: deadline(terms.resolution95Hours, timers.resolution95Due, resolvedAt, timers.resolution95Met),
    products: productFacts(input, resolvedAt ?? now),
  };
}

function productFacts(input: FactsInput, end: number): ProductFacts[] {
  const { incident, now, weights, zone } = input;
  const own = incidentImpactIntervals(incident.updates);
  const months = monthsTouched(incident.reportedAt, end, zone);
  return input.products.flatMap((product) => {
    const mine = own.filter((interval) => interval.product === product.slug);
    if (mine.length === 0) return [];
    const windows = input.maintenance.filter((window) => window.products.includes(product.slug));
    const others = input.otherImpacts.filter((interval) => interval.product === product.slug);
    const history = { measuredSince: product.measuredSince, now, maintenance: windows, weights };
    const alone = availabilityCalculator({ ...history, impacts: mine })(incident.reportedAt, end);
    const withIt = availabilityCalculator({ ...history, impacts: [...others, ...mine] });
    const without = availabilityCalculator({ ...history, impacts: others });
    const worstImpact = mine.reduce<Impact>((worst, { impact }) => (STATUS_RANK[impact] > STATUS_RANK[worst] ? impact : worst), 'operational');
    return [
      {
        slug: product.slug,
        worstImpact,
        unplannedMinutes: alone.unplannedMinutes,
        plannedMinutes: alone.plannedMinutes,
        months: months.map((month): MonthEffect => {
          const [start, stop] = [monthStart(month, zone), monthStart(addMonths(month, 1), zone)];
          const figure = withIt(start, stop).availability;
          return {
            month,
            partial: now < stop,
            target: product.target,
            without: without(start, stop).availability,
            with: figure,
            met: product.target === null || figure === null ? null : figure >= product.target,
          };
        }),
      },
    ];
  });
}

/** The calendar months [from, to] touches, oldest first (an incident over midnight of the 1st touches two). */
export function monthsTouched(from: number, to: number, zone?: string): MonthKey[] {
  const last = monthKeyOf(Math.max(from, to - 1), zone);
  const months = [monthKeyOf(from, zone)];
  while (months.at(-1)! < last) months.push(addMonths(months.at(-1)!, 1));
  return months;
}
