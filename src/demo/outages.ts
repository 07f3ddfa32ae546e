// Recorded outages of the demo history, as the network management system (source "nms")
// would hand them over: the builder used for maintenance downtime and for outages that
// coincide with incidents, and the short unrelated blips a platform has every month.
import type { Impact } from '#src/domain/vocabulary.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { isoAmsterdam } from '#src/demo/clock.ts';
import { MINUTE_MS } from '#src/time/units.ts';
import { DEMO_PRODUCTS } from '#src/demo/products.ts';
import type { DemoProduct, DowntimeBudget } from '#src/demo/products.ts';
import type { Random } from '#src/demo/random.ts';

export type OutageInput = NonNullable<ImportInput['outages']>[number];

export function nmsOutage(id: string, product: DemoProduct, start: number, end: number, impact: Impact, note: string): OutageInput {
  return { id, product, start: isoAmsterdam(start), end: isoAmsterdam(end), impact, source: 'nms', note };
}

// How often each product blips relative to the others: the voice platform is watched most
// closely and is the most redundant, the portals least.
const BLIP_WEIGHT: Readonly<Record<DemoProduct, number>> = {
  voipnow: 2,
  '3cx': 2,
  'teams-dr': 2,
  connectivity: 3,
  voizplus: 2,
  voizapps: 2,
};

const BLIP_NOTES: Readonly<Record<DemoProduct, string>> = {
  voipnow: 'SIP-proxy reageerde niet op health checks',
  '3cx': 'Host van het 3CX-platform kort onbereikbaar',
  'teams-dr': 'SBC-verbinding met Microsoft kort verbroken',
  connectivity: 'Linkflap op een uplink',
  voizplus: 'Webserver voizplus gaf HTTP 503',
  voizapps: 'API van voizApps gaf time-outs',
};

function weightedProduct(rng: Random): DemoProduct {
  const total = DEMO_PRODUCTS.reduce((sum, product) => sum + BLIP_WEIGHT[product], 0);
  let ticket = rng.next() * total;
  for (const product of DEMO_PRODUCTS) {
    ticket -= BLIP_WEIGHT[product];
    if (ticket < 0) return product;
  }
  return DEMO_PRODUCTS[0];
}

/** Mostly a few minutes, now and then up to twenty. */
function blipMinutes(rng: Random): number {
  const roll = rng.next();
  if (roll < 0.7) return rng.between(1, 5);
  if (roll < 0.95) return rng.between(5, 12);
  return rng.between(12, 20);
}

/**
 * 2–5 short outages (1–20 minutes, major or partial) in [from, until), each kept only as
 * far as the product's downtime budget allows (downgraded to partial, or dropped).
 */
export function monthlyBlips(rng: Random, budget: DowntimeBudget, idPrefix: string, from: number, until: number): OutageInput[] {
  const blips: OutageInput[] = [];
  const count = rng.int(2, 5);
  for (let n = 0; n < count; n++) {
    const product = weightedProduct(rng);
    const duration = Math.round(blipMinutes(rng) * 60) * 1000;
    const start = Math.floor(rng.between(from, until - 20 * MINUTE_MS) / 1000) * 1000;
    const wanted: Impact = rng.chance(0.5) ? 'major_outage' : 'partial_outage';
    if (!(start >= from)) continue;
    const impact = budget.fit(product, start, start + duration, wanted);
    if (impact !== 'major_outage' && impact !== 'partial_outage') continue;
    blips.push(nmsOutage(`${idPrefix}-${n + 1}`, product, start, start + duration, impact, BLIP_NOTES[product]));
  }
  return blips;
}
