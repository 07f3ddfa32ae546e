// The products the demo history writes about, and a monthly downtime budget per product
// that keeps the demo's availability figures realistic: most product-months meet their
// SLA target (SLA §3.1, read from db/catalogue.json, the same file the catalogue sync
// uses) and only the deliberately severe incidents and the maintenance overrun make a
// month miss it.
import catalogue from '#db/catalogue.json' with { type: 'json' };
import { DEFAULT_IMPACT_WEIGHTS, STATUS_RANK } from '#src/domain/vocabulary.ts';
import type { Impact } from '#src/domain/vocabulary.ts';
import { monthKeyOf, monthRange } from '#src/time/zone.ts';
import { MINUTE_MS } from '#src/time/units.ts';

/** The catalogue slugs the demo scenarios are written for. */
export const DEMO_PRODUCTS = ['voipnow', '3cx', 'teams-dr', 'connectivity', 'voizplus', 'voizapps'] as const;
export type DemoProduct = (typeof DEMO_PRODUCTS)[number];

const TARGETS = new Map<string, number | null>(
  catalogue.groups.flatMap((group) => group.products.map((product) => [product.slug, product.target] as const)),
);
// Connectivity is best effort (no target); the demo still keeps it plausible.
const BEST_EFFORT_DEMO_TARGET = 99.5;
// Ordinary events may use this share of a month's allowed downtime; the rest is headroom
// for overlaps the budget does not see (it charges every source, never "worst wins").
const ORDINARY_SHARE = 0.6;
const DOWNGRADES: readonly Impact[] = ['major_outage', 'partial_outage', 'degraded_performance', 'operational'];

export interface DowntimeBudget {
  /**
   * The worst impact, no worse than `wanted`, whose weighted downtime over [start, end)
   * still fits the product's allowance for the month of `start`; that impact is charged.
   */
  fit(product: DemoProduct, start: number, end: number, wanted: Impact): Impact;
  /** Charges downtime whatever the allowance (severe incidents, the overrun). */
  charge(product: DemoProduct, start: number, end: number, impact: Impact): void;
}

/** `until`: the anchor; the month in progress is budgeted only for its elapsed part. */
export function downtimeBudget(until: number): DowntimeBudget {
  const used = new Map<string, number>();
  const allowance = new Map<string, number>();
  const keyOf = (product: DemoProduct, start: number) => `${product} ${monthKeyOf(start)}`;
  const allowed = (product: DemoProduct, start: number): number => {
    const key = keyOf(product, start);
    let minutes = allowance.get(key);
    if (minutes === undefined) {
      const { start: from, end } = monthRange(monthKeyOf(start));
      const target = TARGETS.get(product) ?? BEST_EFFORT_DEMO_TARGET;
      minutes = ((100 - target) / 100) * ((Math.min(end, until) - from) / MINUTE_MS) * ORDINARY_SHARE;
      allowance.set(key, minutes);
    }
    return minutes;
  };
  const cost = (start: number, end: number, impact: Impact) => (DEFAULT_IMPACT_WEIGHTS[impact] * Math.max(0, end - start)) / MINUTE_MS;
  const charge = (product: DemoProduct, start: number, end: number, impact: Impact) => {
    const key = keyOf(product, start);
    used.set(key, (used.get(key) ?? 0) + cost(start, end, impact));
  };
  return {
    fit(product, start, end, wanted) {
      const left = allowed(product, start) - (used.get(keyOf(product, start)) ?? 0);
      const impact =
        DOWNGRADES.find((candidate) => STATUS_RANK[candidate] <= STATUS_RANK[wanted] && cost(start, end, candidate) <= Math.max(0, left)) ??
        'operational';
      charge(product, start, end, impact);
      return impact;
    },
    charge,
  };
}
