// Europe/Amsterdam calendar helpers (docs/sla.md#months-and-rounding: calendar months in
// Europe/Amsterdam, 743 or 745 hours long). Run under two process zones: nothing here may
// depend on TZ.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  civilDateKey,
  isMonthKey,
  isoWeekday,
  monthKeyOf,
  monthRange,
  monthStart,
  startOfMonthsBack,
  parseMonthKey,
  zoneAbbreviation,
  zonedParts,
  zonedToInstant,
  zoneOffsetMs,
} from '#src/time/zone.ts';

const at = (text: string): number => Date.parse(text);
const HOUR = 3_600_000;
const hoursIn = (month: string, zone?: string): number => {
  const { start, end } = monthRange(month, zone);
  return (end - start) / HOUR;
};

describe('month lengths in Europe/Amsterdam', () => {
  it('March 2026 loses the hour of the spring switch: 31 × 24 − 1 = 743 h = 44,580 min', () => {
    expect(monthStart('2026-03')).toBe(at('2026-02-28T23:00:00Z')); // 00:00 CET = 23:00 UTC the day before
    expect(monthStart('2026-04')).toBe(at('2026-03-31T22:00:00Z')); // 00:00 CEST = 22:00 UTC
    expect(hoursIn('2026-03')).toBe(743);
    expect(hoursIn('2026-03') * 60).toBe(44_580);
  });

  it('October 2026 gains the hour of the autumn switch: 31 × 24 + 1 = 745 h', () => {
    expect(monthStart('2026-10')).toBe(at('2026-09-30T22:00:00Z'));
    expect(monthStart('2026-11')).toBe(at('2026-10-31T23:00:00Z'));
    expect(hoursIn('2026-10')).toBe(745);
  });

  it('February 2028 (leap year) has 29 × 24 = 696 h; February 2026 28 × 24 = 672 h', () => {
    expect(hoursIn('2028-02')).toBe(696);
    expect(hoursIn('2026-02')).toBe(672);
  });

  it('months without a switch have whole days: June 30 × 24 = 720 h, December 31 × 24 = 744 h', () => {
    expect(hoursIn('2026-06')).toBe(720);
    expect(hoursIn('2026-12')).toBe(744);
  });

  it('works for another zone: New York March 2026 starts 00:00 EST = 05:00 UTC, and has 743 h too', () => {
    expect(monthStart('2026-03', 'America/New_York')).toBe(at('2026-03-01T05:00:00Z'));
    expect(hoursIn('2026-03', 'America/New_York')).toBe(743);
  });
});

describe('zonedToInstant', () => {
  it('reads an ordinary wall time with the offset in force', () => {
    expect(zonedToInstant({ year: 2026, month: 1, day: 15, hour: 12 })).toBe(at('2026-01-15T11:00:00Z'));
    expect(zonedToInstant({ year: 2026, month: 7, day: 15, hour: 12, minute: 30, second: 5, millisecond: 7 })).toBe(
      at('2026-07-15T10:30:05.007Z'),
    );
  });

  it('moves a time in the spring gap forward by the gap: 2026-03-29 02:30 → 03:30 CEST', () => {
    // 02:00 CET jumps to 03:00 CEST; 02:30 does not exist. 03:30 CEST = 01:30 UTC.
    expect(zonedToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 })).toBe(at('2026-03-29T01:30:00Z'));
    expect(zonedToInstant({ year: 2026, month: 3, day: 29, hour: 3 })).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('takes the earlier of the two autumn readings: 2026-10-25 02:30 → 02:30 CEST', () => {
    // 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET): the first wins.
    expect(zonedToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 })).toBe(at('2026-10-25T00:30:00Z'));
    expect(zonedToInstant({ year: 2026, month: 10, day: 25, hour: 3 })).toBe(at('2026-10-25T02:00:00Z'));
  });

  it('round-trips with zonedParts every 37 minutes across both 2026 switches', () => {
    for (const from of [at('2026-03-28T00:00:00Z'), at('2026-10-24T00:00:00Z')]) {
      for (let instant = from; instant < from + 3 * 24 * HOUR; instant += 37 * 60_000) {
        const parts = zonedParts(instant);
        const back = zonedToInstant(parts);
        // In the autumn overlap the second reading maps back to the first, one hour earlier.
        expect([instant, instant - HOUR]).toContain(back);
        expect(zonedParts(back).hour).toBe(parts.hour);
      }
    }
  });
});

describe('zonedParts', () => {
  it('shows the switch second by second: 01:59:59.999 CET, then 03:00 CEST', () => {
    expect(zonedParts(at('2026-03-29T00:59:59.999Z'))).toMatchObject({
      hour: 1,
      minute: 59,
      second: 59,
      millisecond: 999,
      offsetMs: HOUR,
      weekday: 7,
    });
    expect(zonedParts(at('2026-03-29T01:00:00Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 3,
      minute: 0,
      second: 0,
      millisecond: 0,
      weekday: 7,
      offsetMs: 2 * HOUR,
    });
  });

  it('gives the Amsterdam date, not the UTC date, near midnight', () => {
    // 2026-06-30 22:30 UTC is 2026-07-01 00:30 CEST, a Wednesday.
    expect(zonedParts(at('2026-06-30T22:30:00Z'))).toMatchObject({ year: 2026, month: 7, day: 1, hour: 0, weekday: 3 });
  });

  it('knows the zone offset', () => {
    expect(zoneOffsetMs(at('2026-01-01T00:00:00Z'))).toBe(HOUR);
    expect(zoneOffsetMs(at('2026-07-01T00:00:00Z'))).toBe(2 * HOUR);
    expect(zoneOffsetMs(at('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
  });
});

describe('month keys', () => {
  it('puts an instant in its Amsterdam month', () => {
    expect(monthKeyOf(at('2026-06-30T21:59:59.999Z'))).toBe('2026-06'); // 23:59:59.999 CEST
    expect(monthKeyOf(at('2026-06-30T22:00:00Z'))).toBe('2026-07'); // 00:00 CEST
    expect(monthKeyOf(at('2026-12-31T23:00:00Z'))).toBe('2027-01'); // 00:00 CET
  });

  it('adds and subtracts months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-03', -11)).toBe('2025-04'); // first month of the rolling 12 ending March 2026
    expect(addMonths('2026-03', 25)).toBe('2028-04');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('refuses malformed keys', () => {
    expect(parseMonthKey('2028-02')).toEqual({ year: 2028, month: 2 });
    for (const bad of ['2026-13', '2026-00', '2026-3', '26-03', '2026-03-01', '']) {
      expect(() => parseMonthKey(bad)).toThrow(RangeError);
    }
  });
});

describe('calendar days', () => {
  it('adds days across month and year ends and leap days', () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(civilDateKey({ year: 2026, month: 4, day: 7 })).toBe('2026-04-07');
  });

  it('numbers weekdays the ISO way', () => {
    expect(isoWeekday({ year: 2026, month: 6, day: 8 })).toBe(1); // Monday
    expect(isoWeekday({ year: 2026, month: 6, day: 5 })).toBe(5); // Friday
    expect(isoWeekday({ year: 2026, month: 3, day: 29 })).toBe(7); // Sunday
  });
});

describe('zoneAbbreviation', () => {
  it('derives CET / CEST from the offset', () => {
    expect(zoneAbbreviation(at('2026-01-15T12:00:00Z'))).toBe('CET');
    expect(zoneAbbreviation(at('2026-07-01T12:00:00Z'))).toBe('CEST');
    expect(zoneAbbreviation(at('2026-03-29T00:59:59.999Z'))).toBe('CET');
    expect(zoneAbbreviation(at('2026-03-29T01:00:00Z'))).toBe('CEST');
    expect(zoneAbbreviation(at('2026-10-25T00:59:59.999Z'))).toBe('CEST');
    expect(zoneAbbreviation(at('2026-10-25T01:00:00Z'))).toBe('CET');
  });

  it('writes other offsets as UTC±hh:mm', () => {
    expect(zoneAbbreviation(at('2026-01-15T12:00:00Z'), 'America/New_York')).toBe('UTC-05:00');
    expect(zoneAbbreviation(at('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('UTC+05:30');
  });
});

describe('isMonthKey and startOfMonthsBack', () => {
  it('take "YYYY-MM" with a month 01 to 12, the one pattern the import, the report and the database check use', () => {
    for (const key of ['2026-01', '2026-12', '0999-09']) expect(isMonthKey(key), key).toBe(true);
    for (const key of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', ' 2026-01']) expect(isMonthKey(key), key).toBe(false);
    expect(parseMonthKey('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(() => parseMonthKey('2026-13')).toThrow(RangeError);
  });

  it('counts a number of months back from the month of now, in Amsterdam', () => {
    // 30 April 23:30 UTC is already 1 May in Amsterdam: the month of now is May.
    expect(startOfMonthsBack(new Date('2026-04-30T23:30:00Z'), 12).toISOString()).toBe('2025-04-30T22:00:00.000Z');
    expect(startOfMonthsBack(new Date('2026-01-15T12:00:00Z'), 0).toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });
});
