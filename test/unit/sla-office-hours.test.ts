// The office-hours clock of SLA §4 (docs/sla.md#office-hours): Monday–Friday 08:00–17:00
// Europe/Amsterdam, across weekends, evenings, holidays and DST switches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addOfficeHours, isOfficeTime, officeMillisBetween, type OfficeHoursConfig } from '#src/sla/office-hours.ts';

const at = (text: string): number => Date.parse(text);
const HOUR = 3_600_000;
// Dutch public holidays of spring 2026 that fall on weekdays: King's Day (Mon 27 April),
// Ascension Day (Thu 14 May), Whit Monday (25 May).
const WITH_HOLIDAYS: Partial<OfficeHoursConfig> = { holidays: ['2026-04-27', '2026-05-14', '2026-05-25'] };

describe('addOfficeHours', () => {
  it('runs within a working day', () => {
    expect(addOfficeHours(at('2026-06-09T09:15:00+02:00'), 3)).toBe(at('2026-06-09T12:15:00+02:00'));
  });

  it('carries over the evening to the next morning', () => {
    // Tue 16:00 + 2 h: 1 h until 17:00, then 1 h from Wed 08:00 → Wed 09:00.
    expect(addOfficeHours(at('2026-06-09T16:00:00+02:00'), 2)).toBe(at('2026-06-10T09:00:00+02:00'));
    // Starting in the evening, the clock starts at the next opening: Tue 18:00 + 2 h → Wed 10:00.
    expect(addOfficeHours(at('2026-06-09T18:00:00+02:00'), 2)).toBe(at('2026-06-10T10:00:00+02:00'));
  });

  it('skips the weekend', () => {
    // Fri 2026-06-05 16:30 + 1 h: 30 min Friday, 30 min Monday → Mon 2026-06-08 08:30.
    expect(addOfficeHours(at('2026-06-05T16:30:00+02:00'), 1)).toBe(at('2026-06-08T08:30:00+02:00'));
    // Saturday 10:00 + 1 h → Monday 09:00.
    expect(addOfficeHours(at('2026-06-06T10:00:00+02:00'), 1)).toBe(at('2026-06-08T09:00:00+02:00'));
  });

  it('a deadline that uses up the day falls at closing time, not the next opening', () => {
    expect(addOfficeHours(at('2026-06-05T16:00:00+02:00'), 1)).toBe(at('2026-06-05T17:00:00+02:00'));
  });

  it('adding 0 hours outside office hours gives the next opening', () => {
    expect(addOfficeHours(at('2026-06-08T07:00:00+02:00'), 0)).toBe(at('2026-06-08T08:00:00+02:00'));
    expect(addOfficeHours(at('2026-06-05T17:00:00+02:00'), 0)).toBe(at('2026-06-08T08:00:00+02:00'));
    expect(addOfficeHours(at('2026-06-10T12:00:00+02:00'), 0)).toBe(at('2026-06-10T12:00:00+02:00'));
  });

  it('skips configured holidays', () => {
    // Fri 2026-04-24 16:00 + 2 h: 1 h Friday; Mon 27 April is King's Day; 1 h Tuesday → Tue 09:00.
    expect(addOfficeHours(at('2026-04-24T16:00:00+02:00'), 2, WITH_HOLIDAYS)).toBe(at('2026-04-28T09:00:00+02:00'));
    // Without the holiday it would be Monday 09:00.
    expect(addOfficeHours(at('2026-04-24T16:00:00+02:00'), 2)).toBe(at('2026-04-27T09:00:00+02:00'));
    // Wed 13 May 12:00 + 8 h: 5 h Wednesday, Thursday is Ascension Day, 3 h Friday → Fri 11:00.
    expect(addOfficeHours(at('2026-05-13T12:00:00+02:00'), 8, WITH_HOLIDAYS)).toBe(at('2026-05-15T11:00:00+02:00'));
  });

  it('keeps wall-clock office hours across the spring DST switch (Sun 2026-03-29)', () => {
    // Fri 2026-03-27 16:00 CET + 2 h: 1 h Friday, 1 h Monday → Mon 2026-03-30 09:00 CEST.
    // Elapsed real time: Mon 07:00 UTC − Fri 15:00 UTC = 64 h (a fixed +01:00 would say 65).
    const start = at('2026-03-27T16:00:00+01:00');
    const due = addOfficeHours(start, 2);
    expect(due).toBe(at('2026-03-30T09:00:00+02:00'));
    expect((due - start) / HOUR).toBe(64);
  });

  it('keeps wall-clock office hours across the autumn DST switch (Sun 2026-10-25)', () => {
    // Fri 2026-10-23 16:00 CEST + 2 h → Mon 2026-10-26 09:00 CET: 08:00 UTC − 14:00 UTC Fri = 66 h.
    const start = at('2026-10-23T16:00:00+02:00');
    const due = addOfficeHours(start, 2);
    expect(due).toBe(at('2026-10-26T09:00:00+01:00'));
    expect((due - start) / HOUR).toBe(66);
  });

  it('refuses negative hours', () => {
    expect(() => addOfficeHours(at('2026-06-09T09:00:00+02:00'), -1)).toThrow(RangeError);
  });
});

describe('officeMillisBetween', () => {
  it('counts 5 × 9 = 45 office hours in a week', () => {
    expect(officeMillisBetween(at('2026-06-08T08:00:00+02:00'), at('2026-06-15T08:00:00+02:00'))).toBe(45 * HOUR);
  });

  it('still counts 45 h in the week of the spring switch (Mon 2026-03-23 → Mon 2026-03-30)', () => {
    expect(officeMillisBetween(at('2026-03-23T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(45 * HOUR);
  });

  it('counts only the office part of an afternoon and evening', () => {
    // Tue 12:00 → Tue 20:00: 12:00–17:00 = 5 h.
    expect(officeMillisBetween(at('2026-06-09T12:00:00+02:00'), at('2026-06-09T20:00:00+02:00'))).toBe(5 * HOUR);
    // Fri 16:30 → Mon 08:30 = 30 min + 30 min.
    expect(officeMillisBetween(at('2026-06-05T16:30:00+02:00'), at('2026-06-08T08:30:00+02:00'))).toBe(HOUR);
  });

  it('counts nothing on a holiday or when b is not after a', () => {
    expect(officeMillisBetween(at('2026-04-27T00:00:00+02:00'), at('2026-04-28T00:00:00+02:00'), WITH_HOLIDAYS)).toBe(0);
    expect(officeMillisBetween(at('2026-06-09T12:00:00+02:00'), at('2026-06-09T10:00:00+02:00'))).toBe(0);
  });

  it('is the inverse of addOfficeHours', () => {
    const year2026 = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') });
    fc.assert(
      fc.property(year2026, fc.integer({ min: 0, max: 200 * 60 }), (start, minutes) => {
        const due = addOfficeHours(start, minutes / 60, WITH_HOLIDAYS);
        expect(officeMillisBetween(start, due, WITH_HOLIDAYS)).toBe(minutes * 60_000);
      }),
      { numRuns: 200 },
    );
  });
});

describe('other configurations', () => {
  const ROUND_THE_CLOCK: Partial<OfficeHoursConfig> = { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' };

  it('a 24/7 clock follows real time through the DST switch', () => {
    // Sat 2026-03-28 12:00 CET → Sun 2026-03-29 12:00 CEST: 23 real hours.
    expect(officeMillisBetween(at('2026-03-28T12:00:00+01:00'), at('2026-03-29T12:00:00+02:00'), ROUND_THE_CLOCK)).toBe(23 * HOUR);
    expect(addOfficeHours(at('2026-03-28T12:00:00+01:00'), 24, ROUND_THE_CLOCK)).toBe(at('2026-03-29T13:00:00+02:00'));
  });

  it('takes other days and hours', () => {
    // Saturday service 10:00–14:00 only: Sat 2026-06-06 13:00 + 2 h → Sat 2026-06-13 11:00.
    const saturdays = { days: [6], start: '10:00', end: '14:00' };
    expect(addOfficeHours(at('2026-06-06T13:00:00+02:00'), 2, saturdays)).toBe(at('2026-06-13T11:00:00+02:00'));
  });

  it('refuses a malformed configuration or one that never opens', () => {
    expect(() => addOfficeHours(0, 1, { start: '17:00', end: '08:00' })).toThrow(RangeError);
    expect(() => addOfficeHours(0, 1, { days: [] })).toThrow(RangeError);
    expect(() => addOfficeHours(0, 1, { days: [8] })).toThrow(RangeError);
    expect(() => addOfficeHours(0, 1, { start: '8:00' })).toThrow(RangeError);
    expect(() => addOfficeHours(0, 1, { end: '24:30' })).toThrow(RangeError);
    expect(() => addOfficeHours(0, 1, { holidays: ['2026-4-27'] })).toThrow(RangeError);
  });
});

describe('isOfficeTime', () => {
  it('is open from 08:00 up to but not including 17:00 on weekdays', () => {
    expect(isOfficeTime(at('2026-06-08T08:00:00+02:00'))).toBe(true);
    expect(isOfficeTime(at('2026-06-08T16:59:59.999+02:00'))).toBe(true);
    expect(isOfficeTime(at('2026-06-08T17:00:00+02:00'))).toBe(false);
    expect(isOfficeTime(at('2026-06-06T12:00:00+02:00'))).toBe(false); // Saturday
    expect(isOfficeTime(at('2026-04-27T12:00:00+02:00'), WITH_HOLIDAYS)).toBe(false);
  });
});
