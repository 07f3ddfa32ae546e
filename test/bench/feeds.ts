// Benchmark of the feeds with 10 years of history: ~1,000 maintenances (a fifth of them
// changed once or twice after the announcement), 2,000 incidents with 10,000 NOC updates,
// written straight into an in-memory PGlite; then each feed is generated many times,
// through the read model and the builder (what a request costs, without HTTP) and
// through the pure builder alone. Run: `npx node test/bench/feeds.ts` (figures in docs/figures.md).
import { performance } from 'node:perf_hooks';
import { openDatabase } from '#db/client.ts';
import { runMigrations } from '#db/migrate.ts';
import { incidentUpdateImpacts, incidentUpdates, incidents, maintenanceProducts, maintenanceRevisions, maintenances, products } from '#db/schema.ts';
import { seededRandom } from '#src/demo/random.ts';
import type { Impact, IncidentStatus, MaintenanceType } from '#src/domain/vocabulary.ts';
import { buildCalendar } from '#src/feeds/calendar.ts';
import { buildIncidentFeed } from '#src/feeds/incident-feed.ts';
import { buildMaintenanceFeed } from '#src/feeds/maintenance-feed.ts';
import { renderFeed, type FeedRequest } from '#src/feeds/serve.ts';
import { loadIncidentFeedData } from '#src/feeds/load-incidents.ts';
import { loadCalendarData, loadMaintenanceFeedData } from '#src/feeds/load-maintenance.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEARS = 10;
const now = new Date('2026-03-15T12:00:00Z');
const since = +now - YEARS * 365 * DAY;
const site = 'https://status.voizxl.nl';
const rng = seededRandom('feeds benchmark');

const handle = await openDatabase({ dataDir: undefined });
await runMigrations(handle);
const { db } = handle;
await syncCatalogue(db, readCatalogue('db/catalogue.json'), new Date(since));
const productIds = (await db.select({ id: products.id }).from(products)).map((p) => p.id);

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let n = 0; n < rows.length; n += 500) await insert(rows.slice(n, n + 500));
}

const fillStarted = performance.now();
// Maintenance: 1,000 over 10 years, the last 20 still ahead of `now`.
const TYPES: MaintenanceType[] = ['regular', 'regular', 'regular', 'necessary', 'necessary', 'necessary', 'emergency', 'emergency', 'emergency', 'unannounced'];
const maintenanceRows = Array.from({ length: 1000 }, (_, n) => {
  const start = since + Math.round(((n + 0.5) / 980) * (+now - since));
  const type = TYPES[n % TYPES.length]!;
  const changes = rng.chance(0.2) ? rng.int(1, 2) : 0;
  const cancelled = changes > 0 && rng.chance(0.3);
  return {
    externalId: `bench-m-${n}`,
    type,
    title: `Onderhoud ${n}: update, herstart; controle`,
    titleEn: `Maintenance ${n}: update, restart; check`,
    description: 'Wij voeren onderhoud uit aan het platform. Lopende gesprekken kunnen eenmalig worden verbroken.',
    descriptionEn: 'We are maintaining the platform. Calls in progress may be dropped once.',
    announcedAt: type === 'unannounced' ? null : new Date(start - rng.int(2, 20) * DAY),
    windowStart: new Date(start),
    windowEnd: new Date(start + rng.int(1, 6) * HOUR),
    expectedImpact: rng.pick<Impact>(['partial_outage', 'major_outage', 'degraded_performance']),
    state: cancelled ? ('cancelled' as const) : start < +now ? ('completed' as const) : ('scheduled' as const),
    cancelReason: cancelled ? 'Uitgesteld' : null,
    revision: 1 + changes,
    updatedAt: new Date(start - DAY),
  };
});
const storedMaintenances = [] as { id: number; revision: number; windowStart: Date; windowEnd: Date; announcedAt: Date | null; state: string }[];
await insertInChunks(maintenanceRows, async (chunk) => storedMaintenances.push(...(await db.insert(maintenances).values(chunk).returning())));
await insertInChunks(
  storedMaintenances.flatMap((m) => rng.sample(productIds, rng.int(1, 2)).map((productId) => ({ maintenanceId: m.id, productId }))),
  (chunk) => db.insert(maintenanceProducts).values(chunk),
);
await insertInChunks(
  storedMaintenances.flatMap((m) =>
    Array.from({ length: m.revision }, (_, r) => ({
      maintenanceId: m.id,
      revision: r + 1,
      changedAt: new Date(+(m.announcedAt ?? m.windowStart) + r * DAY),
      change: r === 0 ? ('announced' as const) : r === m.revision - 1 && m.state === 'cancelled' ? ('cancelled' as const) : ('rescheduled' as const),
      windowStart: m.windowStart,
      windowEnd: m.windowEnd,
      state: r === m.revision - 1 && m.state === 'cancelled' ? ('cancelled' as const) : ('scheduled' as const),
      note: null,
    })),
  ),
  (chunk) => db.insert(maintenanceRevisions).values(chunk),
);

// Incidents: 2,000 over 10 years, 5 updates each (10,000), impact snapshots on 1–2 products.
const STATUSES: IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'monitoring', 'resolved'];
const incidentRows = Array.from({ length: 2000 }, (_, n) => {
  const reportedAt = since + Math.round((n / 2000) * (+now - since - DAY));
  return {
    externalId: `bench-i-${n}`,
    title: `Storing ${n}: gesprekken vallen weg`,
    titleEn: `Incident ${n}: calls dropped`,
    category: rng.int(1, 2) === 1 ? (1 as const) : (2 as const),
    reportedAt: new Date(reportedAt),
    status: 'resolved' as const,
    resolvedAt: new Date(reportedAt + 4 * HOUR),
    updatedAt: new Date(reportedAt + 4 * HOUR),
  };
});
const storedIncidents = [] as { id: number; reportedAt: Date }[];
await insertInChunks(incidentRows, async (chunk) => storedIncidents.push(...(await db.insert(incidents).values(chunk).returning())));
const updateRows = storedIncidents.flatMap((i) =>
  STATUSES.map((status, k) => ({
    incidentId: i.id,
    publishedAt: new Date(+i.reportedAt + (k + 1) * 45 * 60_000),
    status,
    message: `Update ${k + 1}: wij onderzoeken de oorzaak, en houden u op de hoogte.`,
    messageEn: `Update ${k + 1}: we are investigating the cause and will keep you posted.`,
  })),
);
const storedUpdates = [] as { id: number; status: string }[];
await insertInChunks(updateRows, async (chunk) => storedUpdates.push(...(await db.insert(incidentUpdates).values(chunk).returning({ id: incidentUpdates.id, status: incidentUpdates.status }))));
await insertInChunks(
  storedUpdates.flatMap((u) =>
    rng.sample(productIds, rng.int(1, 2)).map((productId) => ({ updateId: u.id, productId, impact: u.status === 'resolved' ? ('operational' as const) : ('partial_outage' as const) })),
  ),
  (chunk) => db.insert(incidentUpdateImpacts).values(chunk),
);
const fillMs = performance.now() - fillStarted;

function summary(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.ceil(sorted.length * 0.95) - 1]! };
}

async function time(runs: number, work: () => unknown): Promise<{ median: number; p95: number }> {
  for (let n = 0; n < 3; n++) await work();
  const samples: number[] = [];
  for (let n = 0; n < runs; n++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summary(samples);
}

const feeds: [string, FeedRequest][] = [
  ['/maintenance.ics', { kind: 'calendar', locale: 'nl', productSlug: null }],
  ['/products/voipnow/maintenance.ics', { kind: 'calendar', locale: 'nl', productSlug: 'voipnow' }],
  ['/maintenance.rss', { kind: 'maintenance', locale: 'nl', productSlug: null }],
  ['/products/voipnow/maintenance.rss', { kind: 'maintenance', locale: 'nl', productSlug: 'voipnow' }],
  ['/incidents.rss', { kind: 'incidents', locale: 'nl', productSlug: null }],
  ['/en/products/voipnow/incidents.rss', { kind: 'incidents', locale: 'en', productSlug: 'voipnow' }],
];

const scope = (feed: FeedRequest) => ({ productSlug: feed.productSlug, now });
const builders: Record<FeedRequest['kind'], (feed: FeedRequest) => Promise<() => string>> = {
  calendar: async (feed) => {
    const data = (await loadCalendarData(db, scope(feed)))!;
    return () => buildCalendar({ locale: feed.locale, siteUrl: site, product: data.product, maintenances: data.maintenances });
  },
  maintenance: async (feed) => {
    const data = (await loadMaintenanceFeedData(db, scope(feed)))!;
    return () => buildMaintenanceFeed({ locale: feed.locale, siteUrl: site, ...data });
  },
  incidents: async (feed) => {
    const data = (await loadIncidentFeedData(db, scope(feed)))!;
    return () => buildIncidentFeed({ locale: feed.locale, siteUrl: site, ...data });
  },
};

console.log(`History: ${maintenanceRows.length} maintenances, ${incidentRows.length} incidents, ${updateRows.length} updates over ${YEARS} years; written in ${(fillMs / 1000).toFixed(1)} s`);
console.log('| feed | items | bytes | read model + build, median / p95 | build only, median / p95 |');
console.log('|---|---:|---:|---:|---:|');
for (const [path, feed] of feeds) {
  const body = (await renderFeed({ db, siteUrl: site, now }, feed))!.body;
  const items = feed.kind === 'calendar' ? body.split('BEGIN:VEVENT').length - 1 : body.split('<item>').length - 1;
  const full = await time(30, () => renderFeed({ db, siteUrl: site, now }, feed));
  const build = await builders[feed.kind](feed);
  const pure = await time(100, build);
  const ms = (t: { median: number; p95: number }) => `${t.median.toFixed(1)} / ${t.p95.toFixed(1)} ms`;
  console.log(`| \`${path}\` | ${items} | ${Buffer.byteLength(body)} | ${ms(full)} | ${ms(pure)} |`);
}
await handle.close();
