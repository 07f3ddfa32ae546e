// A month as a calendar shows it in the Netherlands: whole weeks from Monday to Sunday,
// numbered by ISO 8601 (NEN 2772: week 1 holds the year's first Thursday), each day with
// its bounds in the zone (23 or 25 hours on the days the clocks change), and spans placed
// on every day they touch. Pure: the maintenance calendar page (src/pages/maintenance/
// calendar) fills it with windows.
import { addDays, civilDateKey, isoWeekday, parseMonthKey, zonedToInstant, type CivilDate, type MonthKey } from './zone.ts';

export interface GridDay {
  /** "YYYY-MM-DD". */
  key: string;
  date: CivilDate;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** False for the days of the previous and next month that fill the first and last week. */
  inMonth: boolean;
  start: number;
  end: number;
}

export interface GridWeek {
  /** ISO week number, 1–53. */
  week: number;
  days: GridDay[];
}

/** ISO 8601 week number of a calendar day. */
export function isoWeek(date: CivilDate): number {
  // The week's Thursday decides the year; count weeks from that year's 1 January.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const ordinal = (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - Date.UTC(thursday.year, 0, 1)) / 86_400_000;
  return Math.floor(ordinal / 7) + 1;
}

/** The weeks (Monday first) that hold the days of `month`. */
export function monthGrid(month: MonthKey, zone?: string): GridWeek[] {
  const { year, month: m } = parseMonthKey(month);
  const first: CivilDate = { year, month: m, day: 1 };
  let day = addDays(first, 1 - isoWeekday(first));
  const weeks: GridWeek[] = [];
  do {
    const days: GridDay[] = [];
    for (let n = 0; n < 7; n++, day = addDays(day, 1)) {
      days.push({
        key: civilDateKey(day),
        date: day,
        weekday: n + 1,
        inMonth: day.month === m,
        start: zonedToInstant(day, zone),
        end: zonedToInstant(addDays(day, 1), zone),
      });
    }
    weeks.push({ week: isoWeek(days[0]!.date), days });
  } while (day.month === m);
  return weeks;
}

/** A span as drawn on one day: the part of it inside the day, and whether it goes on before or after. */
export interface DaySegment<T> {
  item: T;
  start: number;
  end: number;
  continuesFromBefore: boolean;
  continuesAfter: boolean;
}

/** Per day key, the spans [start, end) that touch the day, in the order given. */
export function placeOnDays<T extends { start: number; end: number }>(days: readonly GridDay[], items: readonly T[]): Map<string, DaySegment<T>[]> {
  const placed = new Map<string, DaySegment<T>[]>(days.map((d) => [d.key, []]));
  for (const item of items) {
    for (const day of days) {
      if (item.start < day.end && item.end > day.start) {
        placed.get(day.key)!.push({
          item,
          start: Math.max(item.start, day.start),
          end: Math.min(item.end, day.end),
          continuesFromBefore: item.start < day.start,
          continuesAfter: item.end > day.end,
        });
      }
    }
  }
  return placed;
}
