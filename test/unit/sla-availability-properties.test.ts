// Properties of the availability formula (docs/sla.md#the-formula) that must hold for any input: the figure
// is a percentage, more downtime never raises it, and the order of the rows the caller
// loaded does not matter. (Speed is measured in test/bench, not asserted here.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAvailability } from '#src/sla/availability.ts';
import type { ImpactInterval, MaintenanceWindow } from '#src/sla/timeline.ts';
import { IMPACTS } from '#src/domain/vocabulary.ts';
import { monthRange } from '#src/time/zone.ts';

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
