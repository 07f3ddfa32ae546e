// Availability per product, SLA §3.1 as adopted in docs/sla.md#the-formula:
//   A = (P − D) / (P − Dp) × 100
// D is the integral over the period P of the weight of the worst impact in force (worst
// wins, never additive), Dp the part of it inside announced maintenance windows. Pure:
// plain data in, plain data out; the caller loads rows and filters out cancelled and
// unannounced maintenance.
import { IMPACTS, DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import type { Impact, ImpactWeights } from '#src/domain/vocabulary.ts';
import { MINUTE_MS } from '#src/time/units.ts';
import { addMonths, monthStart, type MonthKey } from '#src/time/zone.ts';

/** An impact from any source (incident snapshot, recorded outage); end null = ongoing. */
export interface ImpactInterval {
  start: number;
  end: number | null;
  impact: Impact;
}

/** An announced maintenance window [start, end) affecting the product. */
export interface MaintenanceWindow {
  start: number;
  end: number;
  /** The maintenance it belongs to, where the caller knows it (for links; the formula ignores it). */
  id?: number;
}

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

// Impact levels as indexes into IMPACTS; level 0 (operational) is never downtime.
const LEVELS = IMPACTS.length;
const LEVEL_OF = new Map<Impact, number>(IMPACTS.map((impact, index) => [impact, index]));

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
 * The step function "worst impact in force, inside a window or not", with running totals
 * of milliseconds per impact level, so that any period is two binary searches away.
 * Totals are whole milliseconds (exact); weights are applied only at the end. Typed
 * arrays, because a ten-year history has thousands of breakpoints per product.
 */
interface Timeline {
  size: number;
  /** Breakpoints, ascending; state i holds from times[i] until times[i + 1]. */
  times: Float64Array;
  levels: Uint8Array;
  inWindow: Uint8Array;
  /** cumulative[k][i]: ms spent at level k before times[i]; cumulativeInWindow: of those, inside a window. */
  cumulative: Float64Array[];
  cumulativeInWindow: Float64Array[];
}

// Level 0 (operational) is never downtime, so its slot in the per-level lists holds the
// maintenance windows.
const WINDOWS = 0;

// Each event is packed into one number, time × 16 + code, so that a single native sort
// of a Float64Array orders them all (a comparator sort of event objects was the cost).
// Codes: 2 × slot + (1 for an end). Times are whole milliseconds, far below 2^49.
const CODES = 16;

function buildTimeline(history: ProductHistory): Timeline {
  const packed = new Float64Array(2 * (history.impacts.length + history.maintenance.length));
  let count = 0;
  const push = (start: number, end: number, slot: number): void => {
    packed[count++] = Math.round(start) * CODES + 2 * slot;
    packed[count++] = Math.round(end) * CODES + 2 * slot + 1;
  };
  for (const { start, end, impact } of history.impacts) {
    const level = LEVEL_OF.get(impact) ?? 0;
    const stop = Math.min(end ?? history.now, history.now);
    if (level > 0 && stop > start) push(start, stop, level);
  }
  for (const { start, end } of history.maintenance) if (end > start) push(start, end, WINDOWS);
  const events = packed.subarray(0, count).sort();

  const capacity = events.length + 1;
  const t: Timeline = {
    size: 0,
    times: new Float64Array(capacity),
    levels: new Uint8Array(capacity),
    inWindow: new Uint8Array(capacity),
    cumulative: Array.from({ length: LEVELS }, () => new Float64Array(capacity)),
    cumulativeInWindow: Array.from({ length: LEVELS }, () => new Float64Array(capacity)),
  };
  const active = new Int32Array(LEVELS);
  const totals = new Float64Array(LEVELS);
  const totalsInWindow = new Float64Array(LEVELS);
  let index = 0;
  while (index < events.length) {
    const time = Math.floor(events[index]! / CODES);
    for (; index < events.length && Math.floor(events[index]! / CODES) === time; index++) {
      const code = events[index]! - time * CODES;
      active[code >> 1]! += code & 1 ? -1 : 1;
    }
    let level = LEVELS - 1;
    while (level > WINDOWS && active[level] === 0) level--;
    const inWindow = active[WINDOWS]! > 0 ? 1 : 0;
    const last = t.size - 1;
    if (last >= 0) {
      if (t.levels[last] === level && t.inWindow[last] === inWindow) continue;
      const span = time - t.times[last]!;
      totals[t.levels[last]!]! += span;
      if (t.inWindow[last]) totalsInWindow[t.levels[last]!]! += span;
    }
    t.times[t.size] = time;
    t.levels[t.size] = level;
    t.inWindow[t.size] = inWindow;
    for (let k = 0; k < LEVELS; k++) {
      t.cumulative[k]![t.size] = totals[k]!;
      t.cumulativeInWindow[k]![t.size] = totalsInWindow[k]!;
    }
    t.size++;
  }
  return t;
}

/** Index of the last breakpoint at or before `time`; −1 when there is none. */
function locate(t: Timeline, time: number): number {
  let low = -1;
  let high = t.size - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (t.times[mid]! <= time) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Milliseconds spent at `level` before `time` (index = locate(t, time)); inside windows only if asked. */
function spentBefore(t: Timeline, index: number, time: number, level: number, windowOnly: boolean): number {
  if (index < 0) return 0;
  const running = (windowOnly ? t.cumulativeInWindow : t.cumulative)[level]![index]!;
  const current = t.levels[index] === level && (!windowOnly || t.inWindow[index] === 1);
  return current ? running + (time - t.times[index]!) : running;
}

/**
 * Prepares one product's history once (sort and sweep) and returns a function computing
 * the availability of any period [start, end) in O(log n).
 */
export function availabilityCalculator(history: ProductHistory): (start: number, end: number) => AvailabilityResult {
  const weights = history.weights ?? DEFAULT_IMPACT_WEIGHTS;
  assertValidWeights(weights);
  const timeline = buildTimeline(history);
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
