// The feed read models against real databases: what the calendar and the RSS feeds hold
// (range, announced only, per product, newest 50), and what an edit does: a re-imported,
// moved maintenance keeps its UID while SEQUENCE rises and a new feed item appears;
// a cancelled one stays in the calendar as CANCELLED.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { buildCalendar } from '#src/feeds/calendar.ts';
import { renderFeed } from '#src/feeds/serve.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { importHistory } from '#src/history-import/write.ts';
import { loadIncidentFeedData } from '#src/read-models/incident-feed.ts';
import { loadCalendarData, loadMaintenanceFeedData } from '#src/read-models/maintenance-feed.ts';
import { readCatalogue, syncCatalogue } from '#src/server/catalogue.ts';
import { drivers, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { parseCalendar, parseRss } from '../support/feed-parsers.ts';

const site = 'https://status.voizxl.nl';
const now = new Date('2026-03-15T12:00:00Z');
const all = { productSlug: null, now };

type Maintenance = NonNullable<ImportInput['maintenances']>[number];
const next: Maintenance = {
  id: 'm-next',
  type: 'regular',
  title: 'Update 3CX, VOIPNOW; en meer',
  titleEn: 'Update 3CX and VOIPNOW',
  products: ['voipnow', '3cx'],
  announcedAt: '2026-03-05T10:00:00+01:00',
  start: '2026-03-27T20:00:00+01:00',
  end: '2026-03-28T02:00:00+01:00',
};
const history: ImportInput = {
  maintenances: [
    { id: 'm-old', type: 'regular', title: 'Oud', products: ['voipnow'], announcedAt: '2024-11-01T10:00:00+01:00', start: '2024-12-06T20:00:00+01:00', end: '2024-12-06T23:00:00+01:00' },
    { id: 'm-past', type: 'necessary', title: 'Voorbij', products: ['voipnow'], announcedAt: '2025-06-08T10:00:00+02:00', start: '2025-06-10T19:00:00+02:00', end: '2025-06-10T21:00:00+02:00' },
    next,
    {
      id: 'm-cancel',
      type: 'necessary',
      title: 'Teams',
      products: ['teams-dr'],
      announcedAt: '2026-03-01T10:00:00+01:00',
      start: '2026-03-03T19:00:00+01:00',
      end: '2026-03-03T21:00:00+01:00',
      cancelled: true,
      cancelReason: 'Leverancier',
    },
    { id: 'm-unannounced', type: 'unannounced', title: 'Herstart', products: ['voizplus'], start: '2026-03-10T03:00:00+01:00', end: '2026-03-10T03:00:30+01:00' },
    { id: 'm-not-yet', type: 'regular', title: 'Nog niet', products: ['3cx'], announcedAt: '2026-03-20T10:00:00+01:00', start: '2026-04-10T20:00:00+02:00', end: '2026-04-10T23:00:00+02:00' },
  ],
  incidents: [
    {
      id: 'i-voipnow',
      title: 'Storing VOIPNOW',
      category: 2,
      reportedAt: '2026-03-10T10:00:00+01:00',
      updates: [
        { at: '2026-03-10T10:05:00+01:00', status: 'investigating', message: 'Onderzoek.', impacts: { voipnow: 'major_outage' } },
        { at: '2026-03-10T11:00:00+01:00', status: 'resolved', message: 'Opgelost.' },
      ],
    },
    {
      id: 'i-3cx',
      title: 'Storing 3CX',
      category: 1,
      reportedAt: '2026-03-12T10:00:00+01:00',
      updates: [{ at: '2026-03-12T10:10:00+01:00', status: 'identified', message: 'Gevonden.', impacts: { '3cx': 'partial_outage' } }],
    },
    {
      id: 'i-later',
      title: 'Later',
      category: 1,
      reportedAt: '2026-03-16T10:00:00+01:00',
      updates: [{ at: '2026-03-16T10:10:00+01:00', status: 'investigating', message: 'Na nu.', impacts: { '3cx': 'partial_outage' } }],
    },
  ],
};

async function setUp(driver: (typeof drivers)[number]): Promise<TestDatabase> {
  const database = await freshDatabase(driver);
  await syncCatalogue(database.handle.db, readCatalogue('db/catalogue.json'), new Date('2024-01-01T00:00:00Z'));
  const imported = await importHistory(database.handle.db, history, { now, actor: 'test' });
  expect(imported).toMatchObject({ ok: true });
  return database;
}

async function calendarOf(db: Database, at = now, productSlug: string | null = null) {
  const data = await loadCalendarData(db, { productSlug, now: at });
  return parseCalendar(buildCalendar({ locale: 'nl', siteUrl: site, product: data!.product, maintenances: data!.maintenances }));
}

const uid = async (db: Database, externalId: string) => {
  const data = await loadCalendarData(db, all);
  const id = data!.maintenances.find((m) => m.title === history.maintenances!.find((x) => x.id === externalId)!.title)!.id;
  return `maintenance-${id}@status.voizxl.nl`;
};

describe.each(drivers)('feeds on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it('the calendar: announced maintenance of the past 12 months and ahead, cancelled ones marked', async () => {
    database = await setUp(driver);
    const { db } = database.handle;
    const calendar = await calendarOf(db);
    expect(calendar.events.map((e) => e.summary)).toEqual([
      'Noodzakelijk onderhoud (VOIPNOW): Voorbij',
      'Geannuleerd – Noodzakelijk onderhoud (Teams (DR)): Teams',
      'Regulier onderhoud (VOIPNOW, 3CX): Update 3CX, VOIPNOW; en meer',
    ]);
    const [past, cancelled, upcoming] = calendar.events;
    expect(past!.status).toBe('CONFIRMED');
    expect(cancelled!.status).toBe('CANCELLED');
    expect(upcoming).toMatchObject({ sequence: 1, status: 'CONFIRMED' });
    // DTSTAMP and LAST-MODIFIED: the announcement, the only published revision.
    expect(upcoming!.stamp).toEqual(new Date('2026-03-05T09:00:00Z'));
    expect(upcoming!.start).toEqual(new Date('2026-03-27T19:00:00Z'));
    // Per product, and an unknown product is no calendar at all.
    expect((await calendarOf(db, now, '3cx')).events.map((e) => e.uid)).toEqual([upcoming!.uid]);
    expect(await loadCalendarData(db, { productSlug: 'nope', now })).toBeNull();
    expect(await loadMaintenanceFeedData(db, { productSlug: 'nope', now })).toBeNull();
    expect(await loadIncidentFeedData(db, { productSlug: 'nope', now })).toBeNull();
  });

  it('an edit keeps the UID and raises SEQUENCE; the feed gains an item per change; a cancellation shows', async () => {
    database = await setUp(driver);
    const { db } = database.handle;
    const id = await uid(db, 'm-next');
    const first = await renderFeed(db, site, { kind: 'calendar', locale: 'nl', productSlug: null }, now);
    // Importing the same history again changes nothing: the same bytes.
    await importHistory(db, history, { now: new Date('2026-03-15T13:00:00Z'), actor: 'test' });
    expect((await renderFeed(db, site, { kind: 'calendar', locale: 'nl', productSlug: null }, now))!.body).toBe(first!.body);

    const movedAt = new Date('2026-03-16T08:00:00Z');
    const moved = { ...next, start: '2026-04-03T20:00:00+02:00', end: '2026-04-04T02:00:00+02:00' };
    await importHistory(db, { maintenances: [moved] }, { now: movedAt, actor: 'test' });
    const afterMove = (await calendarOf(db, movedAt)).events.find((e) => e.uid === id)!;
    expect(afterMove).toMatchObject({ sequence: 2, status: 'CONFIRMED' });
    expect(afterMove.start).toEqual(new Date('2026-04-03T18:00:00Z'));
    expect(afterMove.stamp).toEqual(movedAt);

    const cancelledAt = new Date('2026-03-20T08:00:00Z');
    await importHistory(db, { maintenances: [{ ...moved, cancelled: true, cancelReason: 'Uitgesteld' }] }, { now: cancelledAt, actor: 'test' });
    const afterCancel = (await calendarOf(db, cancelledAt)).events.find((e) => e.uid === id)!;
    expect(afterCancel).toMatchObject({ sequence: 3, status: 'CANCELLED' });
    expect(afterCancel.lastModified).toEqual(cancelledAt);

    const feed = await renderFeed(db, site, { kind: 'maintenance', locale: 'nl', productSlug: '3cx' }, cancelledAt);
    const items = parseRss(feed!.body).items;
    // m-not-yet (3CX too) is announced only at 09:00 UTC that day.
    expect(items.map((i) => i.title.split(' – ')[0])).toEqual(['Geannuleerd', 'Verplaatst', 'Aangekondigd']);
    const ownId = id.replace(/^maintenance-(\d+)@.*$/, '$1');
    expect(items.map((i) => i.guid)).toEqual([3, 2, 1].map((r) => `maintenance-${ownId}-revision-${r}@status.voizxl.nl`));
    expect(items[0]!.description).toContain('<p>Reden van annulering: Uitgesteld</p>');
    expect(feed!.lastModified).toEqual(cancelledAt);
  });

  it('the maintenance feed leaves out unannounced maintenance and announcements still to come', async () => {
    database = await setUp(driver);
    const data = await loadMaintenanceFeedData(database.handle.db, all);
    expect(data!.revisions.map((r) => r.maintenance.title)).toEqual(['Update 3CX, VOIPNOW; en meer', 'Teams', 'Voorbij', 'Oud']);
    expect(data!.revisions.map((r) => r.change)).toEqual(['announced', 'cancelled', 'announced', 'announced']);
  });

  it('the incident feed: published updates newest first, per product every update of the incidents that touched it', async () => {
    database = await setUp(driver);
    const { db } = database.handle;
    const allFeed = parseRss((await renderFeed(db, site, { kind: 'incidents', locale: 'nl', productSlug: null }, now))!.body);
    expect(allFeed.items.map((i) => i.title)).toEqual(['Oorzaak gevonden: Storing 3CX', 'Opgelost: Storing VOIPNOW', 'Onderzoek: Storing VOIPNOW']);
    expect(allFeed.items[1]!.categories).toEqual(['VOIPNOW', 'Categorie 2']);
    expect(allFeed.items[1]!.link).toMatch(/^https:\/\/status\.voizxl\.nl\/incidents\/\d+#update-\d+$/);
    const voipnow = await loadIncidentFeedData(db, { productSlug: 'voipnow', now });
    expect(voipnow!.updates.map((u) => u.status)).toEqual(['resolved', 'investigating']);
    expect(voipnow!.lastChange!.getTime()).toBeGreaterThanOrEqual(new Date('2026-03-10T10:00:00Z').getTime());
  });

  it('holds the newest 50 items', async () => {
    database = await setUp(driver);
    const incidents = Array.from({ length: 30 }, (_, n) => ({
      id: `bulk-${n}`,
      title: `Storing ${n}`,
      category: 1 as const,
      reportedAt: new Date(Date.UTC(2026, 1, 1 + n, 9)).toISOString(),
      updates: [0, 1].map((k) => ({
        at: new Date(Date.UTC(2026, 1, 1 + n, 10 + k)).toISOString(),
        status: k === 0 ? ('investigating' as const) : ('resolved' as const),
        message: `Update ${k}`,
        ...(k === 0 ? { impacts: { voizapps: 'degraded_performance' as const } } : {}),
      })),
    }));
    await importHistory(database.handle.db, { incidents }, { now, actor: 'test' });
    const data = await loadIncidentFeedData(database.handle.db, all);
    expect(data!.updates).toHaveLength(50);
    const times = data!.updates.map((u) => +u.publishedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
