// The maintenance calendar's month grid (src/time/month-grid.ts): Monday-first weeks with
// ISO 8601 week numbers as Dutch calendars print them, day bounds in Europe/Amsterdam
// (23 and 25 hours on the DST days), and windows drawn on every day they touch. Expected
// values read from a printed 2026/2027 calendar.
import { describe, expect, it } from 'vitest';
import { isoWeek, monthGrid, placeOnDays } from '#src/time/month-grid.ts';

const at = (iso: string) => +new Date(iso);
const HOUR = 3_600_000;

describe('isoWeek', () => {
  it.each([
    ['2026-01-01', 1], // a Thursday: week 1
    ['2025-12-29', 1], // the Monday of that week, still in 2025
    ['2027-01-01', 53], // a Friday: the last week of 2026, which has 53
    ['2027-01-04', 1],
    ['2026-11-25', 48],
    ['2026-10-25', 43],
    ['2021-01-03', 53],
  ])('%s is in week %i', (key, week) => {
    const [year, month, day] = key.split('-').map(Number) as [number, number, number];
    expect(isoWeek({ year, month, day })).toBe(week);
  });
});

describe('monthGrid', () => {
  it('lays November 2026 out from Monday 26 October to Sunday 6 December, weeks 44 to 49', () => {
    const weeks = monthGrid('2026-11');
    expect(weeks.map((w) => w.week)).toEqual([44, 45, 46, 47, 48, 49]);
    expect(weeks[0]!.days[0]!.key).toBe('2026-10-26');
    expect(weeks.at(-1)!.days.at(-1)!.key).toBe('2026-12-06');
    expect(weeks.flatMap((w) => w.days).filter((d) => d.inMonth)).toHaveLength(30);
    expect(weeks.every((w) => w.days.map((d) => d.weekday).join() === '1,2,3,4,5,6,7')).toBe(true);
  });

  it('ends a month that ends on a Sunday with that week (May 2026: 1 May is a Friday, 31 May a Sunday)', () => {
    const weeks = monthGrid('2026-05');
    expect(weeks[0]!.days[0]!.key).toBe('2026-04-27');
    expect(weeks.at(-1)!.days.at(-1)!.key).toBe('2026-05-31');
    expect(weeks.map((w) => w.week)).toEqual([18, 19, 20, 21, 22]);
  });

  it('gives the DST days their 23 and 25 hours', () => {
    const march = monthGrid('2026-03').flatMap((w) => w.days);
    const october = monthGrid('2026-10').flatMap((w) => w.days);
    const hours = (days: typeof march, key: string) => {
      const d = days.find((x) => x.key === key)!;
      return (d.end - d.start) / HOUR;
    };
    expect(hours(march, '2026-03-29')).toBe(23);
    expect(hours(october, '2026-10-25')).toBe(25);
    expect(october.find((d) => d.key === '2026-10-25')!.start).toBe(at('2026-10-25T00:00:00+02:00'));
    expect(october.find((d) => d.key === '2026-10-26')!.start).toBe(at('2026-10-26T00:00:00+01:00'));
  });
});

describe('placeOnDays', () => {
  const days = monthGrid('2026-10').flatMap((w) => w.days);

  it('draws a window across midnight on both days, each with its part', () => {
    const window = { start: at('2026-10-02T22:00:00+02:00'), end: at('2026-10-03T02:00:00+02:00') };
    const placed = placeOnDays(days, [window]);
    expect(placed.get('2026-10-02')).toEqual([{ item: window, start: window.start, end: at('2026-10-03T00:00:00+02:00'), continuesFromBefore: false, continuesAfter: true }]);
    expect(placed.get('2026-10-03')).toEqual([{ item: window, start: at('2026-10-03T00:00:00+02:00'), end: window.end, continuesFromBefore: true, continuesAfter: false }]);
    expect([...placed.values()].filter((list) => list.length > 0)).toHaveLength(2);
  });

  it('draws a window across the night the clocks go back on both days (Saturday 24 October 22:00 CEST – Sunday 03:00 CET: 6 hours)', () => {
    const window = { start: at('2026-10-24T22:00:00+02:00'), end: at('2026-10-25T03:00:00+01:00') };
    expect((window.end - window.start) / HOUR).toBe(6);
    const placed = placeOnDays(days, [window]);
    expect(placed.get('2026-10-24')![0]!.end - placed.get('2026-10-24')![0]!.start).toBe(2 * HOUR);
    expect(placed.get('2026-10-25')![0]!.end - placed.get('2026-10-25')![0]!.start).toBe(4 * HOUR);
  });

  it('leaves a window that ends at midnight on its own day only', () => {
    const placed = placeOnDays(days, [{ start: at('2026-10-09T23:00:00+02:00'), end: at('2026-10-10T00:00:00+02:00') }]);
    expect(placed.get('2026-10-09')).toHaveLength(1);
    expect(placed.get('2026-10-10')).toHaveLength(0);
  });
});
