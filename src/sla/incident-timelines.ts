// An incident's public updates as per-product impact intervals: the input of the
// availability computation (docs/sla.md#availability: the impact in force at each moment,
// from any source, including an incident's product impact). Pure.
//
// Two shapes of update exist. The database stores snapshots: every update carries the
// full impact per affected product as of that update. The JSON import uses deltas: an
// update names only the products whose impact changes. foldDeltaUpdates turns the second
// into the first, so the timeline logic exists once.
import type { Impact, IncidentStatus } from '#src/domain/vocabulary.ts';
import type { ImpactInterval } from '#src/sla/timeline.ts';

/** An update holding the full impact per affected product as of its publication. */
export interface SnapshotUpdate {
  publishedAt: number;
  status: IncidentStatus;
  impacts: Readonly<Record<string, Impact>>;
}

/** An import update: only the products named change; 'resolved' clears all. */
export interface DeltaUpdate {
  publishedAt: number;
  status: IncidentStatus;
  impacts?: Readonly<Record<string, Impact>> | undefined;
}

export interface ProductImpactInterval extends ImpactInterval {
  product: string;
}

/**
 * The snapshot of update i holds from its publishedAt until the next update's. A
 * 'resolved' update ends every impact whatever its snapshot lists; an update after it
 * (a reopened incident) starts impacts again from its own snapshot. The impacts of the
 * last unresolved update stay open (end null). 'operational' is no interval, and one
 * product keeping the same impact across updates yields one interval, not several.
 */
export function incidentImpactIntervals(updates: readonly SnapshotUpdate[]): ProductImpactInterval[] {
  const intervals: ProductImpactInterval[] = [];
  const open = new Map<string, ProductImpactInterval>();
  // By publication time; equal times keep their given order (the sort is stable).
  for (const update of [...updates].sort((a, b) => a.publishedAt - b.publishedAt)) {
    const next: Readonly<Record<string, Impact>> = update.status === 'resolved' ? {} : update.impacts;
    for (const [product, interval] of open) {
      if (!Object.hasOwn(next, product) || next[product] !== interval.impact) {
        interval.end = update.publishedAt;
        open.delete(product);
      }
    }
    for (const [product, impact] of Object.entries(next)) {
      if (impact === 'operational' || open.has(product)) continue;
      const interval: ProductImpactInterval = { product, impact, start: update.publishedAt, end: null };
      intervals.push(interval);
      open.set(product, interval);
    }
  }
  // Equal publication times give zero-length intervals: they carry no time, drop them.
  return intervals.filter((interval) => interval.end === null || interval.end > interval.start);
}

/** The same intervals grouped by product slug, as availabilityReport's callers need. */
export function impactIntervalsByProduct(updates: readonly SnapshotUpdate[]): Map<string, ImpactInterval[]> {
  const byProduct = new Map<string, ImpactInterval[]>();
  for (const { product, ...interval } of incidentImpactIntervals(updates)) {
    const list = byProduct.get(product);
    if (list) list.push(interval);
    else byProduct.set(product, [interval]);
  }
  return byProduct;
}

/**
 * Delta updates to snapshots, one per update in the order given (chronological; not
 * re-sorted, so callers can pair result i with update i). A named product takes its new impact; unnamed ones keep
 * theirs; 'resolved' sets every product named so far to 'operational' (kept, not dropped,
 * so the resolved snapshot still says which products were affected). An update after a
 * resolution starts from that all-operational state.
 */
export function foldDeltaUpdates(updates: readonly DeltaUpdate[]): SnapshotUpdate[] {
  let current: Record<string, Impact> = {};
  return updates.map((update) => {
    current = { ...current, ...update.impacts };
    if (update.status === 'resolved') {
      current = Object.fromEntries(Object.keys(current).map((product) => [product, 'operational' as const]));
    }
    return { publishedAt: update.publishedAt, status: update.status, impacts: current };
  });
}
