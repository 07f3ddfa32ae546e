// Properties of SLA.md's availability formula that must hold for any input: the figure
// is a percentage, more downtime never raises it, and the order of the rows the caller
// loaded does not matter. Plus the size the page must handle: 10 years, 6 products.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityReport, computeAvailability, type ImpactInterval, type MaintenanceWindow } from '#src/sla/availability.ts';
import { incidentImpactIntervals, type SnapshotUpdate } from '#src/sla/incident-timelines.ts';
import { IMPACTS, type Impact } from '#src/domain/vocabulary.ts';
import { addMonths, monthRange } from '#src/time/zone.ts';

const JUNE = monthRange('2026-06');
const SPAN = JUNE.end - JUNE.start;
const DAY = 86_400_000;
// Intervals may start a little before the month and run past it, to exercise clipping.
const instant = fc.integer({ min: JUNE.start - DAY, max: JUNE.end + DAY });

const interval: fc.Arbitrary<ImpactInterval> = fc
  .record({ start: instant, length: fc.integer({ min: 0, max: 3 * DAY }), open: fc.boolean(), impact: fc.constantFrom(...IMPACTS) })
  .map(({ start, length, open, impact }) => ({ start, end: open ? null : start + length, impact }));
const window: fc.Arbitrary<MaintenanceWindow> = fc
  .record({ start: instant, length: fc.integer({ min: 0, max: DAY }) })
  .map(({ start, length }) => ({ start, end: start + length }));
const scenario = fc.record({
  impacts: fc.array(interval, { maxLength: 30 }),
  maintenance: fc.array(window, { maxLength: 5 }),
  measuredSince: fc.integer({ min: JUNE.start - DAY, max: JUNE.end }),
  now: fc.integer({ min: JUNE.start, max: JUNE.end + DAY }),
});

const availability = (s: { impacts: ImpactInterval[]; maintenance: MaintenanceWindow[]; measuredSince: number; now: number }) =>
  computeAvailability(s, JUNE.start, JUNE.end);

describe('availability properties', () => {
  it('is null or within 0–100 %, and its minutes are consistent', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = availability(s);
        if (result.availability !== null) {
          expect(result.availability).toBeGreaterThanOrEqual(0);
          expect(result.availability).toBeLessThanOrEqual(100);
        }
        expect(result.periodMinutes).toBeLessThanOrEqual(SPAN / 60_000);
        expect(result.plannedMinutes).toBeGreaterThanOrEqual(0);
        expect(result.unplannedMinutes).toBeGreaterThanOrEqual(0);
        expect(result.plannedMinutes + result.unplannedMinutes).toBeLessThanOrEqual(result.periodMinutes + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('adding downtime never raises availability', () => {
    fc.assert(
      fc.property(scenario, interval, (s, extra) => {
        const before = availability(s).availability;
        const after = availability({ ...s, impacts: [...s.impacts, extra] }).availability;
        if (before !== null && after !== null) expect(after).toBeLessThanOrEqual(before + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('the order of the input intervals and windows is irrelevant', () => {
    fc.assert(
      fc.property(scenario, fc.infiniteStream(fc.double({ noNaN: true })), (s, keys) => {
        const shuffle = <T>(items: T[]): T[] =>
          items
            .map((item) => ({ item, key: keys.next().value as number }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const reordered = { ...s, impacts: shuffle(s.impacts), maintenance: shuffle(s.maintenance) };
        expect(availability(reordered)).toEqual(availability(s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('size of a real report', () => {
  it('10 years, 5,000 outages, 10,000 incident updates, 6 products, 120 months: well within budget', () => {
    // A small deterministic generator (LCG), so the data is the same on every run.
    let seed = 20_260_601;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const products = ['voipnow', '3cx', 'teams-dr', 'connectivity', 'voizplus', 'voizapps'];
    const first = monthRange('2017-01').start;
    const last = monthRange('2026-12').end;
    const when = (): number => first + Math.floor(random() * (last - first));
    const outageImpacts: Impact[] = ['degraded_performance', 'partial_outage', 'major_outage'];

    const outages = Array.from({ length: 5_000 }, () => {
      const start = when();
      return { product: pick(products), start, end: start + Math.floor(random() * 6 * 3_600_000), impact: pick(outageImpacts) };
    });
    // 2,500 incidents of 4 snapshot updates each = 10,000 updates.
    const incidents: SnapshotUpdate[][] = Array.from({ length: 2_500 }, () => {
      const start = when();
      const affected = [pick(products), pick(products)];
      return [0, 1, 2, 3].map((step) => ({
        publishedAt: start + step * 45 * 60_000,
        status: step === 3 ? ('resolved' as const) : ('investigating' as const),
        impacts: Object.fromEntries(affected.map((product) => [product, pick(outageImpacts)])),
      }));
    });
    const maintenance = Array.from({ length: 500 }, () => {
      const start = when();
      return { start, end: start + 2 * 3_600_000, products: [pick(products), pick(products)] };
    });
    const months = Array.from({ length: 120 }, (_, index) => addMonths('2017-01', index));

    const fullReport = () =>
      availabilityReport({
        products: products.map((slug) => ({ slug, target: slug === 'connectivity' ? null : 99.9, measuredSince: first })),
        impacts: [...outages, ...incidents.flatMap((updates) => incidentImpactIntervals(updates))],
        maintenance,
        months,
        now: last,
      });
    const timed = () => {
      const began = performance.now();
      const report = fullReport();
      return { report, elapsed: performance.now() - began };
    };
    // The first run includes compiling the code, which a server process pays once; the
    // budget applies to the best of three later runs, to be immune to a busy machine.
    const cold = timed();
    const warm = [timed(), timed(), timed()].reduce((best, run) => (run.elapsed < best.elapsed ? run : best));
    console.info(`availability report, 6 products × 120 months: first run ${cold.elapsed.toFixed(1)} ms, best later run ${warm.elapsed.toFixed(1)} ms`);

    expect(warm.report).toEqual(cold.report);
    expect(cold.report.size).toBe(6);
    for (const rows of cold.report.values()) {
      expect(rows).toHaveLength(120);
      for (const row of rows) expect(row.monthly.availability).not.toBeNull();
    }
    expect(warm.elapsed).toBeLessThan(50);
    expect(cold.elapsed).toBeLessThan(500);
  });
});
