// The 90-day bar on the home and product pages: per Amsterdam calendar day, the worst
// status the product had that day, the day's availability by the SLA formula (SLA.md
// "Availability"), and the incidents that touched it. Pure; the day's availability comes
// from the same calculator as the monthly figures, so the bar and the table agree.
import { STATUS_RANK, type ProductStatus } from '#src/domain/vocabulary.ts';
import { availabilityCalculator, type ProductHistory } from '#src/sla/availability.ts';
import { addDays, civilDateKey, zonedParts, zonedToInstant, type CivilDate } from '#src/time/zone.ts';

export interface Day {
  /** "YYYY-MM-DD" in the zone. */
  key: string;
  start: number;
  end: number;
}

export interface DayStatus {
  day: string;
  /** null before the product was measured. */
  status: ProductStatus | null;
  availability: number | null;
  incidentIds: number[];
}

export interface IncidentSpan {
  id: number;
  start: number;
  /** null while unresolved. */
  end: number | null;
}

/** The `count` calendar days in the zone ending with the day of `now`, oldest first. */
export function lastDays(now: number, count: number, zone?: string): Day[] {
  const today: CivilDate = zonedParts(now, zone);
  return Array.from({ length: count }, (_, n) => {
    const date = addDays(today, n - count + 1);
    return {
      key: civilDateKey(date),
      start: zonedToInstant(date, zone),
      end: zonedToInstant(addDays(date, 1), zone),
    };
  });
}

/**
 * Maintenance windows make a day "under maintenance" only when nothing worse happened;
 * an impact of any kind outranks it (STATUS_RANK), as on the live status.
 */
export function dailyStatuses(history: ProductHistory, days: readonly Day[], incidents: readonly IncidentSpan[]): DayStatus[] {
  const availability = availabilityCalculator(history);
  // Only what happened up to now counts: a window later today does not colour today.
  const overlaps = (start: number, end: number | null, day: Day) =>
    start < Math.min(day.end, history.now) && (end ?? history.now) > day.start;
  return days.map((day) => {
    if (day.end <= history.measuredSince || day.start > history.now) {
      return { day: day.key, status: null, availability: null, incidentIds: [] };
    }
    let status: ProductStatus = 'operational';
    const raise = (candidate: ProductStatus) => {
      if (STATUS_RANK[candidate] > STATUS_RANK[status]) status = candidate;
    };
    for (const impact of history.impacts) if (overlaps(impact.start, impact.end, day)) raise(impact.impact);
    for (const window of history.maintenance) if (overlaps(window.start, window.end, day)) raise('under_maintenance');
    return {
      day: day.key,
      status,
      availability: availability(day.start, day.end).availability,
      incidentIds: incidents.filter((i) => overlaps(i.start, i.end, day)).map((i) => i.id),
    };
  });
}
