// The office-hours clock of SLA §4 (docs/sla.md#office-hours): category 1 response and
// resolution times count only office hours, Monday to Friday 08:00–17:00
// Europe/Amsterdam. Configurable (days, hours, holidays, zone) because another provider
// runs the same software with its own hours. Pure; every boundary is a wall-clock time
// in the zone, so DST weeks need no special case.
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import { addDays, civilDateKey, isoWeekday, zonedParts, zonedToInstant } from '#src/time/zone.ts';
import type { CivilDate } from '#src/time/zone.ts';
import { HOUR_MS } from '#src/time/units.ts';

export interface OfficeHoursConfig {
  zone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Opening time "HH:MM". */
  start: string;
  /** Closing time "HH:MM"; "24:00" means midnight at the end of the day. */
  end: string;
  /** Closed days "YYYY-MM-DD" (in the zone). */
  holidays: readonly string[];
}

/** docs/sla.md#office-hours: Monday to Friday 08:00–17:00 Europe/Amsterdam. Holidays are configuration. */
export const DEFAULT_OFFICE_HOURS: Readonly<OfficeHoursConfig> = {
  zone: SLA_TIME_ZONE,
  days: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '17:00',
  holidays: [],
};

// Twenty years of closed days in a row means a configuration with no opening at all.
const MAX_DAYS_SEARCHED = 20 * 366;

interface Clock {
  zone: string;
  days: ReadonlySet<number>;
  startMinutes: number;
  endMinutes: number;
  holidays: ReadonlySet<string>;
  /** Office period per calendar day (key: "YYYY-MM-DD"), worked out once: timers ask often. */
  periods: Map<string, OfficePeriod | null>;
}

type OfficePeriod = { open: number; close: number };

function minutesOfDay(text: string, field: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes >= 0 && minutes <= 24 * 60 && Number(match?.[2]) < 60)) {
    throw new RangeError(`Office hours ${field} must be "HH:MM" between 00:00 and 24:00, got ${JSON.stringify(text)}`);
  }
  return minutes;
}

const clocks = new WeakMap<object, Clock>();

/** Validates a configuration once and keeps the result for repeated calls. */
function clockFor(config: Partial<OfficeHoursConfig>): Clock {
  const cached = clocks.get(config);
  if (cached) return cached;
  const full = { ...DEFAULT_OFFICE_HOURS, ...config };
  const startMinutes = minutesOfDay(full.start, 'start');
  const endMinutes = minutesOfDay(full.end, 'end');
  if (startMinutes >= endMinutes) throw new RangeError(`Office hours must open before they close: ${full.start}–${full.end}`);
  const days = new Set(full.days);
  if (days.size === 0 || [...days].some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    throw new RangeError(`Office days must be ISO weekdays 1–7, got ${JSON.stringify(full.days)}`);
  }
  // A holiday written "2026-4-27" would silently never match: refuse it instead.
  const malformed = full.holidays.find((holiday) => !/^\d{4}-\d{2}-\d{2}$/.test(holiday));
  if (malformed !== undefined) throw new RangeError(`Holidays must be "YYYY-MM-DD", got ${JSON.stringify(malformed)}`);
  const clock: Clock = { zone: full.zone, days, startMinutes, endMinutes, holidays: new Set(full.holidays), periods: new Map() };
  clocks.set(config, clock);
  return clock;
}

function wallInstant(clock: Clock, date: CivilDate, minutes: number): number {
  if (minutes === 24 * 60) return zonedToInstant(addDays(date, 1), clock.zone);
  return zonedToInstant({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, clock.zone);
}

/** The office period [open, close) of a calendar day, or null when the office is shut. */
function periodOn(clock: Clock, date: CivilDate): OfficePeriod | null {
  const key = civilDateKey(date);
  let period = clock.periods.get(key);
  if (period === undefined) {
    period = null;
    if (clock.days.has(isoWeekday(date)) && !clock.holidays.has(key)) {
      const open = wallInstant(clock, date, clock.startMinutes);
      const close = wallInstant(clock, date, clock.endMinutes);
      // Hours lying wholly in a DST gap do not exist that day.
      if (close > open) period = { open, close };
    }
    clock.periods.set(key, period);
  }
  return period;
}

function dateOf(instant: number, clock: Clock): CivilDate {
  const { year, month, day } = zonedParts(instant, clock.zone);
  return { year, month, day };
}

/** Whether the office clock is running at the instant. */
export function isOfficeTime(instant: number, config: Partial<OfficeHoursConfig> = DEFAULT_OFFICE_HOURS): boolean {
  const clock = clockFor(config);
  const period = periodOn(clock, dateOf(instant, clock));
  return period !== null && instant >= period.open && instant < period.close;
}

/**
 * The instant at which `hours` office hours have passed since `instant`. Outside office
 * hours the clock starts at the next opening (so adding 0 hours gives that opening).
 * A deadline that uses up a day exactly falls at closing time (Friday 17:00), not at
 * the next opening: both have the same office time behind them, and the earlier is the
 * honest deadline.
 */
export function addOfficeHours(
  instant: number,
  hours: number,
  config: Partial<OfficeHoursConfig> = DEFAULT_OFFICE_HOURS,
): number {
  if (!(hours >= 0)) throw new RangeError(`Office hours to add must be 0 or more, got ${hours}`);
  const clock = clockFor(config);
  let remaining = Math.round(hours * HOUR_MS);
  let date = dateOf(instant, clock);
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++, date = addDays(date, 1)) {
    const period = periodOn(clock, date);
    if (!period) continue;
    const from = Math.max(period.open, instant);
    if (from >= period.close) continue;
    const available = period.close - from;
    if (remaining <= available) return from + remaining;
    remaining -= available;
  }
  throw new RangeError('Office hours configuration has no opening within twenty years');
}

/** Office milliseconds in [a, b); 0 when b is not after a. */
export function officeMillisBetween(
  a: number,
  b: number,
  config: Partial<OfficeHoursConfig> = DEFAULT_OFFICE_HOURS,
): number {
  if (!(b > a)) return 0;
  const clock = clockFor(config);
  const lastKey = civilDateKey(dateOf(b, clock));
  let total = 0;
  for (let date = dateOf(a, clock); civilDateKey(date) <= lastKey; date = addDays(date, 1)) {
    const period = periodOn(clock, date);
    if (period) total += Math.max(0, Math.min(period.close, b) - Math.max(period.open, a));
  }
  return total;
}
