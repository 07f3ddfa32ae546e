// Availability per product, SLA §3.1 as adopted in docs/sla.md#the-formula:
//   A = (P − D) / (P − Dp) × 100
// D is the integral over the period P of the weight of the worst impact in force (worst
// wins, never additive), Dp the part of it inside announced maintenance windows, both
// read off the product's timeline (timeline.ts). Pure:
// plain data in, plain data out; the caller loads rows and filters out cancelled and
// unannounced maintenance.
import { IMPACTS, DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import type { ImpactWeights } from '#src/domain/vocabulary.ts';
import { MINUTE_MS } from '#src/time/units.ts';
import { addMonths, monthStart, type MonthKey } from '#src/time/zone.ts';
import { buildTimeline, type ImpactInterval, LEVELS, locate, type MaintenanceWindow, spentBefore } from './timeline.ts';

export interface ProductHistory {
  /** Time before this moment belongs to no period (docs/sla.md#measured-since). */
  measuredSince: number;
  /** The month in progress counts only up to now; an open impact lasts until now. */
  now: number;
  impacts: readonly ImpactInterval[];
  maintenance: readonly MaintenanceWindow[];
  weights?: ImpactWeights | undefined;
}

export interface AvailabilityResult {
  /** Percentage 0–100, unrounded; null when the period holds no measured time. */
  availability: number | null;
  /** P: the period clipped to measuredSince and now. */
  periodMinutes: number;
  /** D − Dp: weighted downtime outside announced windows. */
  unplannedMinutes: number;
  /** Dp: weighted downtime inside announced windows. */
  plannedMinutes: number;
}

export interface AvailabilityFigure extends AvailabilityResult {
  /** null when there is no target (best effort) or no data; else availability ≥ target. */
  met: boolean | null;
}

export interface MonthlyAvailabilityRow {
  month: MonthKey;
  /** Percentage, or null for best effort (docs/sla.md#products-and-targets: Connectivity). */
  target: number | null;
  monthly: AvailabilityFigure;
  /** The same formula over the 12 calendar months ending with `month`, as one period. */
  rolling12: AvailabilityFigure;
}

/**
 * Weights must lie in [0, 1] and not decrease from operational to major_outage. Then the
 * largest weight in force is the weight of the worst impact, and more downtime can never
 * raise availability; a configuration breaking that is refused instead of computed.
 */
export function assertValidWeights(weights: ImpactWeights): void {
  let previous = 0;
  for (const impact of IMPACTS) {
    const weight = weights[impact];
    if (!(weight >= previous && weight <= 1)) {
      throw new RangeError(`Impact weights must rise from 0 to at most 1 in the order ${IMPACTS.join(' < ')}; ${impact} is ${weight}`);
    }
    previous = weight;
  }
  if (weights.operational !== 0) throw new RangeError('The weight of operational must be 0');
}

/**
 * Prepares one product's history once (sort and sweep) and returns a function computing
 * the availability of any period [start, end) in O(log n).
 */
export function availabilityCalculator(history: ProductHistory): (start: number, end: number) => AvailabilityResult {
  const weights = history.weights ?? DEFAULT_IMPACT_WEIGHTS;
  assertValidWeights(weights);
  const timeline = buildTimeline(history.impacts, history.maintenance, history.now);
  return (start, end) => {
    const from = Math.max(start, history.measuredSince);
    const until = Math.min(end, history.now);
    if (!(until > from)) return { availability: null, periodMinutes: 0, unplannedMinutes: 0, plannedMinutes: 0 };
    const period = until - from;
    const [fromIndex, untilIndex] = [locate(timeline, from), locate(timeline, until)];
    let [downtime, planned, unplanned] = [0, 0, 0];
    for (let level = 1; level < LEVELS; level++) {
      const total = spentBefore(timeline, untilIndex, until, level, false) - spentBefore(timeline, fromIndex, from, level, false);
      const inWindow = spentBefore(timeline, untilIndex, until, level, true) - spentBefore(timeline, fromIndex, from, level, true);
      const weight = weights[IMPACTS[level]!];
      downtime += weight * total;
      planned += weight * inWindow;
      unplanned += weight * (total - inWindow);
    }
    // P − Dp is 0 only when every moment was full downtime inside a window: nothing was
    // measured, so there is no figure (null), as for a period with no data.
    const measured = period - planned;
    const ratio = measured > 0 ? (period - downtime) / measured : null;
    return {
      // Clamped because rounding in the weighted sums could stray a hair past the bounds.
      availability: ratio === null ? null : Math.min(100, Math.max(0, ratio * 100)),
      periodMinutes: period / MINUTE_MS,
      unplannedMinutes: unplanned / MINUTE_MS,
      plannedMinutes: planned / MINUTE_MS,
    };
  };
}

/** Availability of one product over one period [start, end). */
export function computeAvailability(history: ProductHistory, start: number, end: number): AvailabilityResult {
  return availabilityCalculator(history)(start, end);
}

/** met: null without a target or without data; otherwise availability ≥ target. */
export function withTarget(result: AvailabilityResult, target: number | null): AvailabilityFigure {
  const met = target === null || result.availability === null ? null : result.availability >= target;
  return { ...result, met };
}

/**
 * Per month: that calendar month and the rolling 12 months ending with it (docs/sla.md#availability:
 * measured over the last 12 months, reported per month). The rolling figure is the
 * formula over the union of the 12 months, not an average of monthly percentages.
 */
export function monthlyAvailabilityTable(
  history: ProductHistory,
  target: number | null,
  months: readonly MonthKey[],
  zone?: string,
): MonthlyAvailabilityRow[] {
  return tableFor(availabilityCalculator(history), target, monthBounds(months, zone));
}

/** A month [start, end) and the start of the 12 months ending with it. */
type MonthBounds = { month: MonthKey; start: number; end: number; rollingStart: number };

// Month boundaries depend only on the calendar: resolved once per report, not per product.
function monthBounds(months: readonly MonthKey[], zone: string | undefined): MonthBounds[] {
  return months.map((month) => ({
    month,
    start: monthStart(month, zone),
    end: monthStart(addMonths(month, 1), zone),
    rollingStart: monthStart(addMonths(month, -11), zone),
  }));
}

function tableFor(calculate: ReturnType<typeof availabilityCalculator>, target: number | null, bounds: readonly MonthBounds[]): MonthlyAvailabilityRow[] {
  return bounds.map(({ month, start, end, rollingStart }) => ({
    month,
    target,
    monthly: withTarget(calculate(start, end), target),
    rolling12: withTarget(calculate(rollingStart, end), target),
  }));
}

export interface ProductAvailabilitySpec {
  slug: string;
  target: number | null;
  measuredSince: number;
}

export interface AvailabilityReportInput {
  products: readonly ProductAvailabilitySpec[];
  /** Impacts from every source, each naming its product. */
  impacts: readonly (ImpactInterval & { product: string })[];
  /** Announced, not cancelled windows, each naming the products it affects. */
  maintenance: readonly (MaintenanceWindow & { products: readonly string[] })[];
  months: readonly MonthKey[];
  now: number;
  weights?: ImpactWeights | undefined;
  zone?: string | undefined;
}

/**
 * The monthly table for every product: hands each product only its own impacts and only
 * the windows that name it, so another product's maintenance never counts as planned.
 */
export function availabilityReport(input: AvailabilityReportInput): Map<string, MonthlyAvailabilityRow[]> {
  const impacts = new Map(input.products.map(({ slug }) => [slug, [] as ImpactInterval[]]));
  const windows = new Map(input.products.map(({ slug }) => [slug, [] as MaintenanceWindow[]]));
  for (const interval of input.impacts) impacts.get(interval.product)?.push(interval);
  for (const window of input.maintenance) for (const product of window.products) windows.get(product)?.push(window);
  const bounds = monthBounds(input.months, input.zone);
  const report = new Map<string, MonthlyAvailabilityRow[]>();
  for (const product of input.products) {
    const calculate = availabilityCalculator({
      measuredSince: product.measuredSince,
      now: input.now,
      impacts: impacts.get(product.slug) ?? [],
      maintenance: windows.get(product.slug) ?? [],
      weights: input.weights,
    });
    report.set(product.slug, tableFor(calculate, product.target, bounds));
  }
  return report;
}
