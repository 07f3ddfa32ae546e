// SLA §3.1 availability, docs/sla.md#availability: A = (P − D) / (P − Dp) × 100, worst
// impact wins, partial outage weighs 0.3, Amsterdam calendar months, measured since,
// month in progress up to now, rolling 12 months as one period. Expected values are
// worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import {
  availabilityReport,
  computeAvailability,
  monthlyAvailabilityTable,
  withTarget,
  type ProductHistory,
} from '#src/sla/availability.ts';
import type { ImpactInterval, MaintenanceWindow } from '#src/sla/timeline.ts';
import { monthRange } from '#src/time/zone.ts';

const at = (text: string): number => Date.parse(text);
const history = (impacts: ImpactInterval[], maintenance: MaintenanceWindow[] = [], extra: Partial<ProductHistory> = {}): ProductHistory => ({
  measuredSince: at('2020-01-01T00:00:00+01:00'),
  now: at('2030-01-01T00:00:00+01:00'),
  impacts,
  maintenance,
  ...extra,
});
const month = (key: string, h: ProductHistory) => {
  const { start, end } = monthRange(key);
  return computeAvailability(h, start, end);
};
const major = (start: string, end: string | null): ImpactInterval => ({ start: at(start), end: end === null ? null : at(end), impact: 'major_outage' });
const partial = (start: string, end: string): ImpactInterval => ({ start: at(start), end: at(end), impact: 'partial_outage' });

describe('calendar months in Europe/Amsterdam', () => {
  it('a month without downtime is 100 % over its full length: March 2026 = 743 h = 44,580 min', () => {
    expect(month('2026-03', history([]))).toEqual({ availability: 100, periodMinutes: 44_580, unplannedMinutes: 0, plannedMinutes: 0 });
  });

  it('an outage across the spring DST switch counts real time: 01:30 CET → 03:30 CEST is 1 hour, not 2', () => {
    // 01:30+01:00 = 00:30 UTC, 03:30+02:00 = 01:30 UTC: 60 minutes.
    // A = (44,580 − 60) / 44,580 × 100 = 44,520 / 445.8 = 99.865410…
    const result = month('2026-03', history([major('2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00')]));
    expect(result.unplannedMinutes).toBe(60);
    expect(result.availability).toBeCloseTo(99.865_410_498, 8);
  });

  it('October 2026 is 745 h = 44,700 min', () => {
    // 2 h outage: A = (44,700 − 120) / 44,700 × 100 = 99.731543…
    const result = month('2026-10', history([major('2026-10-25T01:00:00+02:00', '2026-10-25T02:00:00+01:00')]));
    // 01:00 CEST = 23:00 UTC (24th), 02:00 CET = 01:00 UTC: 2 hours although the wall clock moved 1.
    expect(result.periodMinutes).toBe(44_700);
    expect(result.unplannedMinutes).toBe(120);
    expect(result.availability).toBeCloseTo((44_580 / 44_700) * 100, 10);
  });

  it('an outage across a month boundary is split between the months', () => {
    // 2026-03-31 23:00 CEST → 2026-04-01 01:00 CEST: 60 min in March, 60 min in April.
    const h = history([major('2026-03-31T23:00:00+02:00', '2026-04-01T01:00:00+02:00')]);
    expect(month('2026-03', h).unplannedMinutes).toBe(60);
    const april = month('2026-04', h);
    // April: 30 × 24 × 60 = 43,200 min; A = 43,140 / 43,200 × 100 = 99.861111…
    expect(april.periodMinutes).toBe(43_200);
    expect(april.unplannedMinutes).toBe(60);
    expect(april.availability).toBeCloseTo(99.861_111_111, 8);
  });

  it('February of a leap year: 2028-02 = 29 × 24 = 696 h = 41,760 min', () => {
    // 417.6 min of major outage = 1 % of 41,760: A = 99 %. 417.6 min = 25,056,000 ms.
    const start = at('2028-02-10T10:00:00+01:00');
    const result = month('2028-02', history([{ start, end: start + 25_056_000, impact: 'major_outage' }]));
    expect(result.periodMinutes).toBe(41_760);
    expect(result.unplannedMinutes).toBeCloseTo(417.6, 9);
    expect(result.availability).toBeCloseTo(99, 10);
  });
});

describe('worst impact wins, weights', () => {
  it('overlapping outages and incident impacts are never added up', () => {
    // June 2026 = 43,200 min. Incident: major 10:00–11:00, partial 10:30–12:00; recorded
    // outage (another source): major 10:15–10:45, inside the incident's major hour.
    // w(t): 10:00–11:00 major (1) → 60; 11:00–12:00 partial (0.3) → 18. D = 78.
    // (Additive would give 60 + 90 × 0.3 + 30 = 117.)
    // A = (43,200 − 78) / 43,200 × 100 = 99.819444…
    const result = month(
      '2026-06',
      history([
        major('2026-06-10T10:00:00+02:00', '2026-06-10T11:00:00+02:00'),
        partial('2026-06-10T10:30:00+02:00', '2026-06-10T12:00:00+02:00'),
        major('2026-06-10T10:15:00+02:00', '2026-06-10T10:45:00+02:00'),
      ]),
    );
    expect(result.unplannedMinutes).toBeCloseTo(78, 9);
    expect(result.availability).toBeCloseTo(99.819_444_444, 8);
  });

  it('a partial outage weighs 0.3; degraded performance weighs nothing', () => {
    // 100 min partial → D = 30; A = 43,170 / 43,200 × 100 = 99.930556…
    const h = history([
      partial('2026-06-10T10:00:00+02:00', '2026-06-10T11:40:00+02:00'),
      { start: at('2026-06-11T10:00:00+02:00'), end: at('2026-06-11T18:00:00+02:00'), impact: 'degraded_performance' },
    ]);
    const result = month('2026-06', h);
    expect(result.unplannedMinutes).toBeCloseTo(30, 9);
    expect(result.availability).toBeCloseTo(99.930_555_556, 8);
  });

  it('uses configured weights: partial 0.5 makes 100 min count 50', () => {
    const h = history([partial('2026-06-10T10:00:00+02:00', '2026-06-10T11:40:00+02:00')], [], {
      weights: { operational: 0, degraded_performance: 0, partial_outage: 0.5, major_outage: 1 },
    });
    expect(month('2026-06', h).unplannedMinutes).toBeCloseTo(50, 9);
  });

  it('refuses weights that would let more downtime raise availability', () => {
    const h = history([], [], { weights: { operational: 0, degraded_performance: 0.5, partial_outage: 0.3, major_outage: 1 } });
    expect(() => month('2026-06', h)).toThrow(RangeError);
  });
});

describe('maintenance windows', () => {
  const window = { start: at('2026-06-05T20:00:00+02:00'), end: at('2026-06-05T22:00:00+02:00') };
  const outage = major('2026-06-05T20:30:00+02:00', '2026-06-05T22:30:00+02:00');

  it('downtime inside the announced window is planned, the overrun beyond it unplanned', () => {
    // D = 120 (20:30–22:30), Dp = 90 (20:30–22:00), unplanned 30.
    // A = (43,200 − 120) / (43,200 − 90) × 100 = 43,080 / 43,110 × 100 = 99.930411…
    const result = month('2026-06', history([outage], [window]));
    expect(result).toMatchObject({ periodMinutes: 43_200, plannedMinutes: 90, unplannedMinutes: 30 });
    expect(result.availability).toBeCloseTo(99.930_410_578, 8);
  });

  it('overlapping windows are one window, not counted twice', () => {
    const second = { start: at('2026-06-05T21:00:00+02:00'), end: at('2026-06-05T22:00:00+02:00') };
    expect(month('2026-06', history([outage], [window, second]))).toMatchObject({ plannedMinutes: 90, unplannedMinutes: 30 });
  });

  it('a window with no downtime in it changes nothing', () => {
    expect(month('2026-06', history([], [window])).availability).toBe(100);
  });

  it("another product's window does not count as planned for this one", () => {
    // voipnow has the outage; only 3cx has the window. voipnow: all 120 min unplanned,
    // A = 43,080 / 43,200 × 100 = 99.722222…
    const report = availabilityReport({
      products: [
        { slug: 'voipnow', target: 99.95, measuredSince: at('2020-01-01T00:00:00+01:00') },
        { slug: '3cx', target: 99.9, measuredSince: at('2020-01-01T00:00:00+01:00') },
      ],
      impacts: [
        { ...outage, product: 'voipnow' },
        { ...outage, product: '3cx' },
      ],
      maintenance: [{ ...window, products: ['3cx'] }],
      months: ['2026-06'],
      now: at('2030-01-01T00:00:00+01:00'),
    });
    const voipnow = report.get('voipnow')![0]!.monthly;
    expect(voipnow).toMatchObject({ plannedMinutes: 0, unplannedMinutes: 120, met: false });
    expect(voipnow.availability).toBeCloseTo(99.722_222_222, 8);
    expect(report.get('3cx')![0]!.monthly).toMatchObject({ plannedMinutes: 90, unplannedMinutes: 30, met: true });
  });
});

describe('measured since and now', () => {
  const since = at('2026-06-16T00:00:00+02:00');

  it('a month that starts before measured-since counts from it', () => {
    // June 16 00:00 → July 1 00:00 = 15 days = 21,600 min. The outage on June 10 is before
    // measuring began; the one across the start counts its 60 min after it, June 20 60 min.
    // D = 120; A = 21,480 / 21,600 × 100 = 99.444444…
    const h = history(
      [
        major('2026-06-10T10:00:00+02:00', '2026-06-10T11:00:00+02:00'),
        major('2026-06-15T23:00:00+02:00', '2026-06-16T01:00:00+02:00'),
        major('2026-06-20T10:00:00+02:00', '2026-06-20T11:00:00+02:00'),
      ],
      [],
      { measuredSince: since },
    );
    const result = month('2026-06', h);
    expect(result.periodMinutes).toBe(21_600);
    expect(result.unplannedMinutes).toBe(120);
    expect(result.availability).toBeCloseTo(99.444_444_444, 8);
  });

  it('a month wholly before measured-since has no data: null, never 100', () => {
    const h = history([], [], { measuredSince: since });
    expect(month('2026-05', h)).toEqual({ availability: null, periodMinutes: 0, unplannedMinutes: 0, plannedMinutes: 0 });
    const [row] = monthlyAvailabilityTable(h, 99.95, ['2026-05']);
    expect(row!.monthly.met).toBeNull();
    expect(row!.rolling12.availability).toBeNull();
  });

  it('the month in progress counts up to now; an ongoing outage lasts until now', () => {
    // now = 2026-07-10 12:00 CEST: July so far = 9 days 12 hours = 228 h = 13,680 min.
    // Ongoing major outage since 11:00 → 60 min. A = 13,620 / 13,680 × 100 = 99.561404…
    const now = at('2026-07-10T12:00:00+02:00');
    const h = history([major('2026-07-10T11:00:00+02:00', null)], [], { now });
    const result = month('2026-07', h);
    expect(result.periodMinutes).toBe(13_680);
    expect(result.unplannedMinutes).toBe(60);
    expect(result.availability).toBeCloseTo(99.561_403_509, 8);
    expect(month('2026-08', h).availability).toBeNull(); // the future has no data either
  });
});

describe('monthly table with rolling 12 months', () => {
  // Outages: 2025-06 (60 min major, outside the window), 2025-08 (60 min major),
  // 2026-03 (100 min partial = 30).
  const impacts = [
    major('2025-06-20T10:00:00+02:00', '2025-06-20T11:00:00+02:00'),
    major('2025-08-12T10:00:00+02:00', '2025-08-12T11:00:00+02:00'),
    partial('2026-03-10T10:00:00+01:00', '2026-03-10T11:40:00+01:00'),
  ];

  it('the rolling figure is the formula over the 12 months as one period, not an average', () => {
    // 2025-07-01 00:00 CEST → 2026-07-01 00:00 CEST: 365 days (February 2026 has 28), the
    // October and March switches cancel out: 8,760 h = 525,600 min. D = 60 + 30 = 90.
    // A = 525,510 / 525,600 × 100 = 99.982877…
    // The average of the monthly figures would be (10 × 100 + 99.865591 [Aug: 44,580 /
    // 44,640] + 99.932705 [Mar: 44,550 / 44,580]) / 12 = 99.983191…, a different number.
    const [row] = monthlyAvailabilityTable(history(impacts), 99.95, ['2026-06']);
    expect(row!.rolling12.periodMinutes).toBe(525_600);
    expect(row!.rolling12.unplannedMinutes).toBeCloseTo(90, 9);
    expect(row!.rolling12.availability).toBeCloseTo(99.982_876_712, 8);
    expect(row!.rolling12.availability).not.toBeCloseTo(99.983_191_387, 5);
    expect(row!.rolling12.met).toBe(true);
    expect(row!.monthly).toMatchObject({ availability: 100, met: true, periodMinutes: 43_200 });
  });

  it('gives each month its own figure and rolling figure, in the order asked', () => {
    const rows = monthlyAvailabilityTable(history(impacts), 99.95, ['2025-08', '2026-03']);
    expect(rows.map((row) => row.month)).toEqual(['2025-08', '2026-03']);
    // August 2025: 31 × 24 × 60 = 44,640 min; A = 44,580 / 44,640 × 100 = 99.865591… < 99.95
    expect(rows[0]!.monthly.availability).toBeCloseTo(99.865_591_398, 8);
    expect(rows[0]!.monthly.met).toBe(false);
    // March 2026: A = 44,550 / 44,580 × 100 = 99.932705… < 99.95
    expect(rows[1]!.monthly.availability).toBeCloseTo(99.932_705_249, 8);
  });

  it('the rolling window starts no earlier than measured-since', () => {
    // Since 2026-01-01 00:00 CET, rolling to the end of June 2026 = Jan–Jun 2026:
    // 31 + 28 + 31 + 30 + 31 + 30 = 181 days = 4,344 h, minus the March switch hour =
    // 4,343 h = 260,580 min. D = 30; A = 260,550 / 260,580 × 100 = 99.988487…
    const h = history(impacts, [], { measuredSince: at('2026-01-01T00:00:00+01:00') });
    const [row] = monthlyAvailabilityTable(h, 99.95, ['2026-06']);
    expect(row!.rolling12.periodMinutes).toBe(260_580);
    expect(row!.rolling12.availability).toBeCloseTo(99.988_487_221, 8);
  });

  it('best effort (no target) shows the figure but compares with nothing', () => {
    const [row] = monthlyAvailabilityTable(history(impacts), null, ['2025-08']);
    expect(row!.target).toBeNull();
    expect(row!.monthly.availability).toBeCloseTo(99.865_591_398, 8);
    expect(row!.monthly.met).toBeNull();
    expect(row!.rolling12.met).toBeNull();
  });
});

describe('withTarget', () => {
  const result = (availability: number | null) => ({ availability, periodMinutes: 1, unplannedMinutes: 0, plannedMinutes: 0 });

  it('met means availability ≥ target', () => {
    expect(withTarget(result(99.9), 99.9).met).toBe(true);
    expect(withTarget(result(99.899_999), 99.9).met).toBe(false);
    expect(withTarget(result(null), 99.9).met).toBeNull();
    expect(withTarget(result(100), null).met).toBeNull();
  });
});
