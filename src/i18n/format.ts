// How the pages write times and numbers: Europe/Amsterdam with the zone named (CET/CEST),
// percentages rounded down so a miss never reads as a hit.
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '#src/time/units.ts';
import { parseMonthKey, zoneAbbreviation, type MonthKey } from '#src/time/zone.ts';
import { INTL_LOCALE, type Locale } from './locale.ts';
import { messages } from './messages.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, kind: 'dateTime' | 'date' | 'shortDate' | 'dayName' | 'weekday' | 'month' | 'shortMonth' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let format = formats.get(key);
  if (!format) {
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
      date: { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' },
      shortDate: { day: 'numeric', month: 'short' },
      dayName: { weekday: 'long', day: 'numeric', month: 'long' },
      weekday: { weekday: 'short' },
      month: { month: 'long', year: 'numeric' },
      shortMonth: { month: 'short' },
      time: { hour: '2-digit', minute: '2-digit' },
    };
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: SLA_TIME_ZONE, ...options[kind] });
    formats.set(key, format);
  }
  return format;
}

/** "25 november 2026 om 21:46 CET". */
export function formatDateTime(instant: Date | number, locale: Locale): string {
  return `${dateFormat(locale, 'dateTime').format(instant)} ${zoneAbbreviation(+instant)}`;
}

/** "21:46 CET": for a time on a day already named. */
export function formatTime(instant: Date | number, locale: Locale): string {
  return `${dateFormat(locale, 'time').format(instant)} ${zoneAbbreviation(+instant)}`;
}

/** A window: the end as a time alone when it falls on the same Amsterdam day. */
export function formatWindow(start: Date, end: Date, locale: Locale): string {
  const sameDay = dateFormat(locale, 'date').format(start) === dateFormat(locale, 'date').format(end);
  return `${formatDateTime(start, locale)} – ${sameDay ? formatTime(end, locale) : formatDateTime(end, locale)}`;
}

/** "12 nov." for a day of the 90-day bar. */
export function formatShortDate(dayKey: string, locale: Locale): string {
  const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number];
  // Noon UTC of the day falls on the same calendar day in Amsterdam.
  return dateFormat(locale, 'shortDate').format(Date.UTC(year, month - 1, day, 12));
}

/** "maandag 23 november": a day of the maintenance calendar. */
export function formatDayName(dayKey: string, locale: Locale): string {
  const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number];
  return dateFormat(locale, 'dayName').format(Date.UTC(year, month - 1, day, 12));
}

/** "ma", "Mon": a column of the maintenance calendar. */
export function formatWeekdayShort(dayKey: string, locale: Locale): string {
  const [year, month, day] = dayKey.split('-').map(Number) as [number, number, number];
  return dateFormat(locale, 'weekday').format(Date.UTC(year, month - 1, day, 12));
}

/** "november 2026". */
export function formatMonth(month: MonthKey, locale: Locale): string {
  const { year, month: m } = parseMonthKey(month);
  return dateFormat(locale, 'month').format(Date.UTC(year, m - 1, 15, 12));
}

/** "mrt", "Mar": a month under a chart's bar. */
export function formatMonthShort(month: MonthKey, locale: Locale): string {
  const { year, month: m } = parseMonthKey(month);
  return dateFormat(locale, 'shortMonth').format(Date.UTC(year, m - 1, 15, 12)).replace(/\.$/, '');
}

const UNITS = [
  ['day', DAY_MS],
  ['hour', HOUR_MS],
  ['minute', MINUTE_MS],
  ['second', SECOND_MS],
] as const;

/**
 * "3 days 4 hours": the two largest non-zero units, truncated, never rounded up, so
 * 13 days 23 hours 59 minutes of notice never reads as the 14 days it falls short of,
 * and 1 hour 30 seconds late never reads as the 1 hour allowed. The sign is left out.
 * With `round` 'up' the smaller unit shown is rounded up instead, for a time where less
 * flatters the provider (how late, how long it took): 1 hour 5 minutes 10 seconds late
 * reads 1 hour 6 minutes.
 */
export function formatDuration(ms: number, locale: Locale, round: 'down' | 'up' = 'down'): string {
  const words = messages[locale].durations;
  let rest = Math.abs(ms);
  if (round === 'up') {
    const largest = UNITS.findIndex(([, size]) => rest >= size);
    const step = largest < 0 ? SECOND_MS : UNITS[Math.min(largest + 1, UNITS.length - 1)]![1];
    rest = Math.ceil(rest / step) * step;
  }
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${words.units[unit][count === 1 ? 0 : 1]}`);
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : words.lessThanASecond;
}

// Intl formatters are costly to create and a page formats hundreds of numbers: keep them.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: Locale, decimals: number): string {
  const key = `${locale}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * A percentage rounded DOWN to `decimals` places, so a miss never reads as a hit
 * (99.9499 shows as 99.94, never 99.95). The tiny tolerance keeps a value that is exactly
 * 99.95 but stored as 99.94999999999999 from dropping a digit.
 */
export function floorPercent(value: number, decimals = 2): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 1e-7) / scale;
}

export function formatPercent(value: number | null, locale: Locale, decimals = 2): string {
  if (value === null) return messages[locale].noData;
  // Percentages here are "more is better" (availability, call success): rounded down.
  return `${formatNumber(floorPercent(value, decimals), locale, decimals)} %`;
}

/**
 * Figures where less is better (downtime minutes, call set-up seconds) are rounded UP,
 * for the same reason percentages are rounded down: a shown figure never flatters.
 */
export function formatCeil(value: number, locale: Locale, decimals: number): string {
  const scale = 10 ** decimals;
  // "+ 0" turns the -0 that ceil gives for 0 - 1e-7 into 0.
  return formatNumber(Math.ceil(value * scale - 1e-7) / scale + 0, locale, decimals);
}

/** Downtime in minutes, one decimal, rounded up: "2,3 min". */
export function formatMinutes(value: number, locale: Locale): string {
  return `${formatCeil(value, locale, 1)} min`;
}

/** A target as written in the SLA: 99.95 → "99,95", 99.9 → "99,9". */
export function formatTarget(value: number, locale: Locale): string {
  // Targets are written as the SLA writes them: no trailing zeros.
  return String(value).replace('.', locale === 'nl' ? ',' : '.');
}
