// One product's history as a step function: at every moment the level of the worst impact
// in force (worst wins, never additive) and whether an announced maintenance window is
// open, with running totals so that the time spent at a level in any period is two binary
// searches away. The input of the availability formula (availability.ts). Pure.
import { IMPACTS, type Impact } from '#src/domain/vocabulary.ts';

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

// Impact levels as indexes into IMPACTS; level 0 (operational) is never downtime.
export const LEVELS = IMPACTS.length;
const LEVEL_OF = new Map<Impact, number>(IMPACTS.map((impact, index) => [impact, index]));

/**
 * The step function "worst impact in force, inside a window or not", with running totals
 * of milliseconds per impact level, so that any period is two binary searches away.
 * Totals are whole milliseconds (exact); weights are applied only at the end. Typed
 * arrays, because a ten-year history has thousands of breakpoints per product.
 */
export interface Timeline {
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

export function buildTimeline(impacts: readonly ImpactInterval[], maintenance: readonly MaintenanceWindow[], now: number): Timeline {
  const packed = new Float64Array(2 * (impacts.length + maintenance.length));
  let count = 0;
  const push = (start: number, end: number, slot: number): void => {
    packed[count++] = Math.round(start) * CODES + 2 * slot;
    packed[count++] = Math.round(end) * CODES + 2 * slot + 1;
  };
  for (const { start, end, impact } of impacts) {
    const level = LEVEL_OF.get(impact) ?? 0;
    const stop = Math.min(end ?? now, now);
    if (level > 0 && stop > start) push(start, stop, level);
  }
  for (const { start, end } of maintenance) if (end > start) push(start, end, WINDOWS);
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
export function locate(t: Timeline, time: number): number {
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
export function spentBefore(t: Timeline, index: number, time: number, level: number, windowOnly: boolean): number {
  if (index < 0) return 0;
  const running = (windowOnly ? t.cumulativeInWindow : t.cumulative)[level]![index]!;
  const current = t.levels[index] === level && (!windowOnly || t.inWindow[index] === 1);
  return current ? running + (time - t.times[index]!) : running;
}

