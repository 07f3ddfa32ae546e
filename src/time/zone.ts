// Calendar arithmetic in a named time zone, built on Intl only. docs/sla.md#months-and-rounding:
// months are calendar months in Europe/Amsterdam (743 or 745 hours around DST), and all
// SLA clocks (office hours, maintenance windows) run on Amsterdam wall-clock time.
// Instants are epoch milliseconds (number) throughout: cheap to compare and subtract,
// and independent of the process time zone.
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import { DAY_MS, HOUR_MS } from './units.ts';

/** A calendar month as "YYYY-MM". */
export type MonthKey = string;

/** A calendar day, without a time zone. */
export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** A wall-clock reading; omitted time fields are 0. */
export interface WallTime extends CivilDate {
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

/** What a clock on the wall in the zone shows at an instant. */
export interface ZonedParts extends Required<WallTime> {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Offset from UTC in milliseconds (+3,600,000 for CET). */
  offsetMs: number;
}

// Constructing a DateTimeFormat costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Epoch ms of a wall time read as if it were UTC; setUTCFullYear keeps years < 100 literal. */
function wallAsUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0, wall.millisecond ?? 0);
  return date.getTime();
}

// en-US with h23 prints "3/29/2026, 03:00:00". Parsing that string is about three times
// faster than formatToParts, which matters when a report resolves hundreds of instants;
// formatToParts stays as the fallback should an engine print it differently.
const EN_US_DATE_TIME = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

function wallFields(instant: number, zone: string): WallTime {
  const formatter = formatterFor(zone);
  const match = EN_US_DATE_TIME.exec(formatter.format(instant));
  if (match) {
    const [, month, day, year, hour, minute, second] = match.map(Number);
    return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
  }
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in ms (Intl resolves to whole seconds). */
export function zoneOffsetMs(instant: number, zone: string = SLA_TIME_ZONE): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallFields(wholeSecond, zone)) - wholeSecond;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
export function isoWeekday(date: CivilDate): number {
  const day = new Date(wallAsUtc(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The wall-clock reading in the zone at an instant. */
export function zonedParts(instant: number, zone: string = SLA_TIME_ZONE): ZonedParts {
  const offsetMs = zoneOffsetMs(instant, zone);
  const wall = new Date(instant + offsetMs);
  const date = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  return {
    ...date,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: isoWeekday(date),
    offsetMs,
  };
}

/**
 * The instant at which the zone's clocks show `wall`.
 *
 * DST is resolved the way Temporal's default ("compatible") and JavaScript's Date do, so
 * that every wall time maps to exactly one instant:
 * - gap (spring forward, e.g. 2026-03-29 02:30 in Amsterdam does not exist): the time is
 *   moved forward by the length of the gap → 03:30 CEST, 30 minutes after the switch, as
 *   a clock left at winter time would read 02:30 then. Never an instant before the switch.
 * - overlap (fall back, 2026-10-25 02:30 happens twice): the earlier instant, CEST, so a
 *   window or deadline at that time is never later than either reading of the clock.
 */
export function zonedToInstant(wall: WallTime, zone: string = SLA_TIME_ZONE): number {
  const asUtc = wallAsUtc(wall);
  // Real zones change offset at most once within two days, so the offsets a day either
  // side are the only candidates.
  const offsetBefore = zoneOffsetMs(asUtc - DAY_MS, zone);
  const offsetAfter = zoneOffsetMs(asUtc + DAY_MS, zone);
  // The same offset on both sides: no switch nearby, the one reading is the answer.
  if (offsetBefore === offsetAfter) return asUtc - offsetBefore;
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter(
    (instant) => zoneOffsetMs(instant, zone) === asUtc - instant,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // Gap: reading the wall time with the offset in force before the switch lands after
  // the switch, shifted forward by the gap.
  return asUtc - offsetBefore;
}

/**
 * "YYYY-MM" with a month 01–12. The one source of the pattern: the import schema, the
 * report command and the database's check constraint (db/schema.ts) use it too; written
 * so that it means the same as a JavaScript and as a PostgreSQL regular expression.
 */
export const MONTH_KEY_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
const MONTH_KEY = new RegExp(MONTH_KEY_PATTERN);

export function isMonthKey(value: string): value is MonthKey {
  return MONTH_KEY.test(value);
}

/** Year and month (1–12) of a "YYYY-MM" key; throws RangeError on anything else. */
export function parseMonthKey(key: MonthKey): { year: number; month: number } {
  if (!isMonthKey(key)) throw new RangeError(`Not a month key (YYYY-MM): ${JSON.stringify(key)}`);
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

function formatMonthKey(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month key `count` months after (or, negative, before) `key`. */
export function addMonths(key: MonthKey, count: number): MonthKey {
  const { year, month } = parseMonthKey(key);
  const index = year * 12 + (month - 1) + count;
  return formatMonthKey(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

// Month starts are fixed facts asked for over and over (every report, every product):
// remember them. A few thousand entries at most.
const monthStarts = new Map<string, number>();

/** The instant the month begins: 00:00 on its first day in the zone. */
export function monthStart(key: MonthKey, zone: string = SLA_TIME_ZONE): number {
  const cacheKey = `${zone} ${key}`;
  let start = monthStarts.get(cacheKey);
  if (start === undefined) {
    const { year, month } = parseMonthKey(key);
    start = zonedToInstant({ year, month, day: 1 }, zone);
    monthStarts.set(cacheKey, start);
  }
  return start;
}

/** The month as the half-open interval [start, end) of instants. */
export function monthRange(key: MonthKey, zone: string = SLA_TIME_ZONE): { start: number; end: number } {
  return { start: monthStart(key, zone), end: monthStart(addMonths(key, 1), zone) };
}

/** The calendar month the instant falls in, in the zone. */
export function monthKeyOf(instant: number, zone: string = SLA_TIME_ZONE): MonthKey {
  const parts = zonedParts(instant, zone);
  return formatMonthKey(parts.year, parts.month);
}

/**
 * The start of the month `count` months before the month of `now`: where a list of "the
 * month in progress and the `count` before it" begins.
 */
export function startOfMonthsBack(now: Date, count: number, zone: string = SLA_TIME_ZONE): Date {
  return new Date(monthStart(addMonths(monthKeyOf(+now, zone), -count), zone));
}

/** The calendar day `count` days after `date`. */
export function addDays(date: CivilDate, count: number): CivilDate {
  const shifted = new Date(wallAsUtc(date) + count * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** "YYYY-MM-DD", the form holidays are configured in. */
export function civilDateKey(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * CET or CEST, derived from the offset as the brief for the page asks (+01:00 → CET,
 * +02:00 → CEST) rather than from Intl's locale-dependent names. Other offsets, which
 * only another provider's zone would produce, read "UTC+hh:mm".
 */
export function zoneAbbreviation(instant: number, zone: string = SLA_TIME_ZONE): string {
  const offsetMs = zoneOffsetMs(instant, zone);
  if (offsetMs === HOUR_MS) return 'CET';
  if (offsetMs === 2 * HOUR_MS) return 'CEST';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const sign = offsetMs < 0 ? '-' : '+';
  return `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * RFC 3339 with milliseconds and the zone's offset at that instant, as Statuspage writes
 * its times: "2026-03-04T10:00:00.000+01:00".
 */
export function rfc3339InZone(instant: number, zone: string = SLA_TIME_ZONE): string {
  const p = zonedParts(instant, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  const minutes = Math.round(Math.abs(p.offsetMs) / 60_000);
  const offset = `${p.offsetMs < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
  return `${civilDateKey(p)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}.${String(p.millisecond).padStart(3, '0')}${offset}`;
}
