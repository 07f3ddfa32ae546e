// The 90-day bar on the home and product pages: per Amsterdam calendar day, the worst
// status the product had that day, the day's availability by the SLA formula
// (docs/sla.md#the-formula), and the incidents that touched it. Pure; the day's availability comes
// from the same calculator as the monthly figures, so the bar and the table agree.
import { STATUS_RANK, type ProductStatus } from '#src/domain/vocabulary.ts';
import { availabilityCalculator, type ProductHistory } from '#src/sla/availability.ts';
import type { MaintenanceWindow } from '#src/sla/timeline.ts';
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
  /** The announced maintenance windows that touched the day (up to now), by id. */
  maintenanceIds: number[];
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
 * A day's status uses the same planned/unplanned split as its availability (docs/sla.md#the-formula):
 * an impact counts only for the moments outside every announced window
 * (downtime inside one is planned, and must never look like an outage); a window that
 * touched the day makes it "under maintenance" unless something unplanned was worse
 * (STATUS_RANK, as on the live status). So a day whose only downtime lies inside a window
 * is blue at 100 %, and an overrun past the window's end is an outage with its figure.
 */
export function dailyStatuses(history: ProductHistory, days: readonly Day[], incidents: readonly IncidentSpan[]): DayStatus[] {
  const availability = availabilityCalculator(history);
  const windows = mergeWindows(history.maintenance);
  // Only what happened up to now counts: a window later today does not colour today.
  const overlaps = (start: number, end: number | null, day: Day) =>
    start < Math.min(day.end, history.now) && (end ?? history.now) > day.start;
  return days.map((day) => {
    if (day.end <= history.measuredSince || day.start > history.now) {
      return { day: day.key, status: null, availability: null, incidentIds: [], maintenanceIds: [] };
    }
    const until = Math.min(day.end, history.now);
    let status: ProductStatus = 'operational';
    const raise = (candidate: ProductStatus) => {
      if (STATUS_RANK[candidate] > STATUS_RANK[status]) status = candidate;
    };
    for (const window of windows) if (overlaps(window.start, window.end, day)) raise('under_maintenance');
    for (const impact of history.impacts) {
      const start = Math.max(impact.start, day.start);
      const end = Math.min(impact.end ?? history.now, until);
      if (end > start && outsideWindows(start, end, windows)) raise(impact.impact);
    }
    return {
      day: day.key,
      status,
      availability: availability(day.start, day.end).availability,
      incidentIds: incidents.filter((i) => overlaps(i.start, i.end, day)).map((i) => i.id),
      maintenanceIds: history.maintenance.filter((w) => w.id !== undefined && overlaps(w.start, w.end, day)).map((w) => w.id!),
    };
  });
}

/** The windows as disjoint spans, ascending (overlapping or touching windows joined). */
function mergeWindows(windows: readonly MaintenanceWindow[]): MaintenanceWindow[] {
  const merged: MaintenanceWindow[] = [];
  for (const { start, end } of [...windows].filter((w) => w.end > w.start).sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** Whether some moment of [start, end) lies outside every (merged, ascending) window. */
function outsideWindows(start: number, end: number, windows: readonly MaintenanceWindow[]): boolean {
  let from = start;
  for (const window of windows) {
    if (window.end <= from) continue;
    if (window.start > from) return true;
    from = window.end;
    if (from >= end) return false;
  }
  return from < end;
}
