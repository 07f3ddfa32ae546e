// Ten years of generated history for the benchmark, as one import document: the sizes of
// the issue (5,000 outages, 2,000 incidents with 10,000 updates, 1,000 maintenances over
// 6 products), the same every run (seeded). Not the demo history (src/demo), which is
// tied to the 13 months before a date and written to look real; this only has to be big
// and varied: overlapping outages, windows with and without downtime, all impacts.
import type { ImportInput } from '#src/history-import/schema.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: a tiny seeded generator, plenty for test data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface BenchSizes {
  outages: number;
  incidents: number;
  updatesPerIncident: number;
  maintenances: number;
}

export const ISSUE_SIZES: BenchSizes = { outages: 5_000, incidents: 2_000, updatesPerIncident: 5, maintenances: 1_000 };

export function generateBenchHistory(options: {
  products: readonly string[];
  /** First instant of the history (a month start), and the instant after its end. */
  start: number;
  end: number;
  sizes?: BenchSizes;
  seed?: number;
}): ImportInput {
  const { products, start, end } = options;
  const sizes = options.sizes ?? ISSUE_SIZES;
  const random = seeded(options.seed ?? 20260329);
  const between = (low: number, high: number) => low + random() * (high - low);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = (count: number) => [...products].sort(() => random() - 0.5).slice(0, count);
  // Whole minutes: the way an NMS reports, and readable when debugging.
  const instant = (low: number, high: number) => Math.floor(between(low, high) / MINUTE) * MINUTE;
  const iso = (ms: number) => new Date(ms).toISOString();

  const outages: NonNullable<ImportInput['outages']> = [];
  for (let n = 0; n < sizes.outages; n++) {
    const from = instant(start, end - DAY);
    const kind = random();
    const minutes = kind < 0.7 ? between(1, 30) : kind < 0.95 ? between(30, 180) : between(180, 720);
    const impact = random() < 0.55 ? 'major_outage' : random() < 0.8 ? 'partial_outage' : 'degraded_performance';
    outages.push({ id: `bench-outage-${n}`, product: pick(products), start: iso(from), end: iso(from + Math.ceil(minutes) * MINUTE), impact, source: 'nms' });
  }

  const maintenances: NonNullable<ImportInput['maintenances']> = [];
  const notice = { regular: 14 * DAY, necessary: DAY, emergency: 45 * MINUTE } as const;
  for (let n = 0; n < sizes.maintenances; n++) {
    const roll = random();
    const type = roll < 0.5 ? 'regular' : roll < 0.75 ? 'necessary' : roll < 0.9 ? 'emergency' : 'unannounced';
    const from = Math.floor(instant(start + 15 * DAY, end - DAY) / (15 * MINUTE)) * 15 * MINUTE;
    const length = type === 'unannounced' ? MINUTE : Math.ceil(between(2, 16)) * 15 * MINUTE;
    const cancelled = type !== 'unannounced' && random() < 0.05;
    maintenances.push({
      id: `bench-maintenance-${n}`,
      type,
      title: `Onderhoud ${n}`,
      products: some(1 + Math.floor(random() * 3)),
      ...(type === 'unannounced' ? {} : { announcedAt: iso(from - notice[type]) }),
      start: iso(from),
      end: iso(from + length),
      ...(cancelled ? { cancelled: true, cancelReason: 'Uitgesteld.' } : {}),
    });
  }

  const incidents: NonNullable<ImportInput['incidents']> = [];
  const statuses = ['investigating', 'identified', 'monitoring', 'monitoring', 'resolved'] as const;
  const impacts = ['major_outage', 'partial_outage', 'degraded_performance'] as const;
  for (let n = 0; n < sizes.incidents; n++) {
    const reportedAt = instant(start, end - 2 * DAY);
    let at = reportedAt + Math.ceil(between(2, 60)) * MINUTE;
    const affected = some(1 + Math.floor(random() * 2));
    const updates: NonNullable<ImportInput['incidents']>[number]['updates'] = [];
    for (let k = 0; k < sizes.updatesPerIncident; k++) {
      const status = k === sizes.updatesPerIncident - 1 ? 'resolved' : statuses[Math.min(k, statuses.length - 2)]!;
      // Deltas: the first update names every affected product; later ones change one.
      const named = k === 0 ? affected : status === 'resolved' || random() < 0.4 ? [] : [pick(affected)];
      updates.push({
        at: iso(at),
        status,
        message: `Update ${k + 1} bij storing ${n}.`,
        impacts: Object.fromEntries(named.map((product) => [product, pick(impacts)])),
      });
      at += Math.ceil(between(10, 150)) * MINUTE;
    }
    incidents.push({ id: `bench-incident-${n}`, title: `Storing ${n}`, category: random() < 0.7 ? 1 : 2, reportedAt: iso(reportedAt), updates });
  }

  const kpis: NonNullable<ImportInput['kpis']> = [];
  for (let t = start + 15 * DAY; t < end; t += 30.44 * DAY) {
    const month = new Date(t).toISOString().slice(0, 7);
    if (!kpis.some((k) => k.month === month)) {
      kpis.push({ month, callSetupSeconds: Math.round(between(1.2, 2.4) * 100) / 100, callSuccessRatio: Math.round(between(98.5, 99.9) * 100) / 100 });
    }
  }

  return {
    products: products.map((slug) => ({ slug, measuredSince: iso(start) })),
    outages,
    maintenances,
    incidents,
    kpis,
  };
}
