// The 90-day bar's day classification (src/sla/daily-status.ts): the same planned/unplanned
// split as the availability figures (docs/sla.md#availability). Downtime inside an announced
// window is planned and makes the day "under maintenance", never an outage; an overrun or
// unannounced work is an outage with a figure below 100 %. The hand-built cases are the
// demo history's (src/demo/maintenance.ts); the last block checks the rule over whole demo
// histories. Expected figures are computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { generateDemoHistory } from '#src/demo/history.ts';
import type { Impact } from '#src/domain/vocabulary.ts';
import { importDocument } from '#src/history-import/schema.ts';
import type { ProductHistory } from '#src/sla/availability.ts';
import type { ImpactInterval, MaintenanceWindow } from '#src/sla/timeline.ts';
import { dailyStatuses, lastDays, type DayStatus } from '#src/sla/daily-status.ts';
import { foldDeltaUpdates, incidentImpactIntervals } from '#src/sla/incident-timelines.ts';

const NOW = +new Date('2026-11-25T10:00:00+01:00');
const DAYS = lastDays(NOW, 120);
const at = (iso: string) => +new Date(iso);
const impact = (start: string, end: string | null, kind: Impact): ImpactInterval => ({ start: at(start), end: end === null ? null : at(end), impact: kind });
const window = (start: string, end: string, id = 1): MaintenanceWindow => ({ start: at(start), end: at(end), id });

function classify(impacts: ImpactInterval[], maintenance: MaintenanceWindow[]): Map<string, DayStatus> {
  const history: ProductHistory = { measuredSince: at('2025-10-01T00:00:00+02:00'), now: NOW, impacts, maintenance };
  return new Map(dailyStatuses(history, DAYS, []).map((d) => [d.day, d]));
}

describe('a day of maintenance', () => {
  it('is maintenance at 100 % when its only downtime lies inside the announced window (the demo: VOIPNOW, 4 September)', () => {
    // Regular work Friday 23:00–24:00, a partial outage 23:16:36–23:25:47 inside it.
    const days = classify(
      [impact('2026-09-04T23:16:36+02:00', '2026-09-04T23:25:47+02:00', 'partial_outage')],
      [window('2026-09-04T23:00:00+02:00', '2026-09-05T00:00:00+02:00', 18)],
    );
    expect(days.get('2026-09-04')).toEqual({ day: '2026-09-04', status: 'under_maintenance', availability: 100, incidentIds: [], maintenanceIds: [18] });
    expect(days.get('2026-09-05')!.status).toBe('operational');
    expect(days.get('2026-09-03')).toMatchObject({ status: 'operational', maintenanceIds: [] });
  });

  it('is maintenance on both days of a window across midnight with a major outage inside it (the issue: 3CX, 2 October)', () => {
    // Friday 22:00 – Saturday 02:00, full downtime 23:30–01:00: planned on both days.
    const days = classify(
      [impact('2026-10-02T23:30:00+02:00', '2026-10-03T01:00:00+02:00', 'major_outage')],
      [window('2026-10-02T22:00:00+02:00', '2026-10-03T02:00:00+02:00', 7)],
    );
    for (const key of ['2026-10-02', '2026-10-03']) {
      expect(days.get(key), key).toMatchObject({ status: 'under_maintenance', availability: 100, maintenanceIds: [7] });
    }
  });

  it('is an outage on the day of an overrun, with the unplanned part in its figure (the demo: voizplus, 22 August)', () => {
    // Window Friday 21:00 – Saturday 01:00; major outage 00:40–01:28, so 20 minutes planned
    // and 28 past the end. Saturday: (1440 − 48) / (1440 − 20) = 1392 / 1420 = 98.0281690…%.
    const days = classify(
      [impact('2026-08-22T00:40:00+02:00', '2026-08-22T01:28:00+02:00', 'major_outage')],
      [window('2026-08-21T21:00:00+02:00', '2026-08-22T01:00:00+02:00')],
    );
    expect(days.get('2026-08-21')).toMatchObject({ status: 'under_maintenance', availability: 100 });
    expect(days.get('2026-08-22')!.status).toBe('major_outage');
    expect(days.get('2026-08-22')!.availability).toBeCloseTo((100 * 1392) / 1420, 9);
  });

  it('is an outage when the downtime began before the window opened', () => {
    // Partial outage 20:30–21:30, window 21:00–22:00: 30 minutes unplanned at weight 0.3:
    // (1440 − 0.3 × 60) / (1440 − 0.3 × 30) = 1422 / 1431 = 99.3710692…%.
    const days = classify([impact('2026-10-01T20:30:00+02:00', '2026-10-01T21:30:00+02:00', 'partial_outage')], [window('2026-10-01T21:00:00+02:00', '2026-10-01T22:00:00+02:00')]);
    expect(days.get('2026-10-01')!.status).toBe('partial_outage');
    expect(days.get('2026-10-01')!.availability).toBeCloseTo((100 * 1422) / 1431, 9);
  });

  it('shows unannounced work as the outage it is (the demo: voizplus, 28 August)', () => {
    // 40 seconds of major outage, no window: (86400 − 40) / 86400 = 99.9537037…%.
    const days = classify([impact('2026-08-28T00:05:48+02:00', '2026-08-28T00:06:28+02:00', 'major_outage')], []);
    expect(days.get('2026-08-28')!.status).toBe('major_outage');
    expect(days.get('2026-08-28')!.availability).toBeCloseTo((100 * 86360) / 86400, 9);
  });

  it('lets an unplanned impact outside the window outrank the maintenance (the demo: Teams (DR), 1 October)', () => {
    const days = classify(
      [
        impact('2026-10-01T21:15:40+02:00', '2026-10-01T21:22:11+02:00', 'partial_outage'),
        impact('2026-10-01T09:00:00+02:00', '2026-10-02T12:00:00+02:00', 'degraded_performance'),
      ],
      [window('2026-10-01T21:00:00+02:00', '2026-10-01T22:00:00+02:00', 21)],
    );
    expect(days.get('2026-10-01')).toMatchObject({ status: 'degraded_performance', availability: 100, maintenanceIds: [21] });
    expect(days.get('2026-10-02')).toMatchObject({ status: 'degraded_performance', maintenanceIds: [] });
  });

  it('counts the 25 hours of the day the clocks go back', () => {
    // 25 October 2026: 1500 minutes; one unplanned hour of major outage: 1440 / 1500 = 96 %.
    const days = classify([impact('2026-10-25T12:00:00+01:00', '2026-10-25T13:00:00+01:00', 'major_outage')], []);
    expect(days.get('2026-10-25')!.status).toBe('major_outage');
    expect(days.get('2026-10-25')!.availability).toBeCloseTo(96, 9);
  });

  it('does not colour today with a window that has not begun', () => {
    const days = classify([], [window('2026-11-25T20:00:00+01:00', '2026-11-25T22:00:00+01:00')]);
    expect(days.get('2026-11-25')).toMatchObject({ status: 'operational', maintenanceIds: [] });
  });
});

describe.each(['2026-11-25T09:00:00Z', '2026-10-07T12:00:00Z', '2027-03-30T12:00:00Z', '2026-05-31T12:00:00Z'])('the demo history at %s', (iso) => {
  const now = new Date(iso);
  const doc = importDocument.parse(generateDemoHistory(now));
  const days = lastDays(+now, 90);
  const windows = doc.maintenances.filter((m) => !m.cancelled && m.type !== 'unannounced');
  const perProduct = doc.products.map((p) => {
    const impacts: ImpactInterval[] = [
      ...doc.outages.filter((o) => o.product === p.slug).map((o) => ({ start: +o.start, end: o.end ? +o.end : null, impact: o.impact })),
      ...doc.incidents
        .flatMap((i) => incidentImpactIntervals(foldDeltaUpdates(i.updates.map((u) => ({ publishedAt: +u.at, status: u.status, impacts: u.impacts })))))
        .filter((i) => i.product === p.slug),
    ];
    const maintenance = windows.filter((m) => m.products.includes(p.slug)).map((m) => ({ start: +m.start, end: +m.end }));
    return { slug: p.slug, impacts, maintenance, days: dailyStatuses({ measuredSince: +p.measuredSince, now: +now, impacts, maintenance }, days, []) };
  });

  it('has no day that is both an outage and 100 %', () => {
    const both = perProduct.flatMap((p) =>
      p.days.filter((d) => (d.status === 'partial_outage' || d.status === 'major_outage') && !(d.availability! < 100)).map((d) => `${p.slug} ${d.day}`),
    );
    expect(both).toEqual([]);
  });

  it('shows every day with a window and no unplanned downtime as maintenance', () => {
    const wrong = perProduct.flatMap((p) =>
      p.days
        .filter((d, n) => {
          const day = days[n]!;
          const touched = p.maintenance.some((m) => m.start < Math.min(day.end, +now) && m.end > day.start);
          return touched && d.availability === 100 && d.status !== 'under_maintenance' && d.status !== 'degraded_performance';
        })
        .map((d) => `${p.slug} ${d.day} ${d.status}`),
    );
    expect(wrong).toEqual([]);
  });
});
