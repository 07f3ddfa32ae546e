// The feed read models against real databases: what the calendar and the RSS feeds hold
// (range, announced only, per product, newest 50, a completed item per ended window), what
// an edit does (a re-imported, moved maintenance keeps its UID while SEQUENCE rises and a
// new feed item appears; a cancelled one stays in the calendar as CANCELLED), and that
// Last-Modified moves when only the clock changes a feed, so If-Modified-Since stays honest.
import { gt } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { incidents, maintenances } from '#db/schema.ts';
import { buildCalendar } from '#src/feeds/calendar.ts';
import { conditionalResponse } from '#src/http/conditional.ts';
import { renderFeed, type FeedRequest } from '#src/feeds/serve.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { importHistory } from '#src/history-import/write.ts';
import { loadIncidentFeedData } from '#src/feeds/load-incidents.ts';
import { loadCalendarData, loadMaintenanceFeedData } from '#src/feeds/load-maintenance.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';
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
const notYet: Maintenance = {
  id: 'm-not-yet',
  type: 'regular',
  title: 'Nog niet',
  products: ['3cx'],
  announcedAt: '2026-03-20T10:00:00+01:00',
  start: '2026-04-10T20:00:00+02:00',
  end: '2026-04-10T23:00:00+02:00',
};
const laterIncident: NonNullable<ImportInput['incidents']>[number] = {
  id: 'i-later',
  title: 'Later',
  category: 1,
  reportedAt: '2026-03-16T10:00:00+01:00',
  updates: [{ at: '2026-03-16T10:10:00+01:00', status: 'investigating', message: 'Na nu.', impacts: { '3cx': 'partial_outage' } }],
};
/** What is known at `now`; notYet and laterIncident are imported when they happen. */
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
  ],
};
const everything: ImportInput = { maintenances: [...history.maintenances!, notYet], incidents: [...history.incidents!, laterIncident] };

/**
 * An import at `at`. Inserted rows get the wall clock as updatedAt, which lies after the
 * tests' fixed times: they are stamped with the import's time, as a real import would.
 */
async function importAt(db: Database, input: ImportInput, at: Date): Promise<void> {
  expect(await importHistory(db, input, { now: at })).toMatchObject({ ok: true });
  await db.update(maintenances).set({ updatedAt: at }).where(gt(maintenances.updatedAt, at));
  await db.update(incidents).set({ updatedAt: at }).where(gt(incidents.updatedAt, at));
}

async function setUp(driver: (typeof drivers)[number]): Promise<TestDatabase> {
  const database = await seededDatabase(driver, { catalogueAt: new Date('2024-01-01T00:00:00Z') });
  const { db } = database.handle;
  await importAt(db, history, now);
  await importAt(db, { incidents: [laterIncident] }, new Date('2026-03-16T09:10:00Z'));
  await importAt(db, { maintenances: [notYet] }, new Date('2026-03-20T09:00:00Z'));
  return database;
}

/** A GET of a feed at `at` through the HTTP caching, with the given request headers. */
async function request(db: Database, feed: FeedRequest, at: Date, headers: Record<string, string> = {}) {
  const representation = (await renderFeed({ db, siteUrl: site, now: at }, feed))!;
  const response = conditionalResponse({ method: 'GET', headers: new Headers(headers) }, representation, at);
  return { representation, response, lastModified: response.headers.get('last-modified')! };
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
    const first = await renderFeed({ db, siteUrl: site, now }, { kind: 'calendar', locale: 'nl', productSlug: null });
    // Importing the same history again changes nothing: the same bytes.
    await importAt(db, everything, new Date('2026-03-21T13:00:00Z'));
    expect((await renderFeed({ db, siteUrl: site, now }, { kind: 'calendar', locale: 'nl', productSlug: null }))!.body).toBe(first!.body);

    const movedAt = new Date('2026-03-16T08:00:00Z');
    const moved = { ...next, start: '2026-04-03T20:00:00+02:00', end: '2026-04-04T02:00:00+02:00' };
    await importAt(db, { maintenances: [moved] }, movedAt);
    const afterMove = (await calendarOf(db, movedAt)).events.find((e) => e.uid === id)!;
    expect(afterMove).toMatchObject({ sequence: 2, status: 'CONFIRMED' });
    expect(afterMove.start).toEqual(new Date('2026-04-03T18:00:00Z'));
    expect(afterMove.stamp).toEqual(movedAt);

    const cancelledAt = new Date('2026-03-20T08:00:00Z');
    await importAt(db, { maintenances: [{ ...moved, cancelled: true, cancelReason: 'Uitgesteld' }] }, cancelledAt);
    const afterCancel = (await calendarOf(db, cancelledAt)).events.find((e) => e.uid === id)!;
    expect(afterCancel).toMatchObject({ sequence: 3, status: 'CANCELLED' });
    expect(afterCancel.lastModified).toEqual(cancelledAt);

    const feed = await renderFeed({ db, siteUrl: site, now: cancelledAt }, { kind: 'maintenance', locale: 'nl', productSlug: '3cx' });
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
    expect(data!.items.map((r) => [r.change, r.maintenance.title, r.changedAt.toISOString()])).toEqual([
      ['announced', 'Update 3CX, VOIPNOW; en meer', '2026-03-05T09:00:00.000Z'],
      // Imported as already cancelled: the announcement and the cancellation, both items.
      ['cancelled', 'Teams', '2026-03-01T09:00:00.000Z'],
      ['announced', 'Teams', '2026-03-01T09:00:00.000Z'],
      // Ended windows: completed at the window's end, though the stored state is 'scheduled'.
      ['completed', 'Voorbij', '2025-06-10T19:00:00.000Z'],
      ['announced', 'Voorbij', '2025-06-08T08:00:00.000Z'],
      ['completed', 'Oud', '2024-12-06T22:00:00.000Z'],
      ['announced', 'Oud', '2024-11-01T09:00:00.000Z'],
    ]);
  });

  it('the maintenance feed: one completed item per ended window, with a stable guid, per product too', async () => {
    database = await setUp(driver);
    const { db } = database.handle;
    const feed: FeedRequest = { kind: 'maintenance', locale: 'nl', productSlug: 'voipnow' };
    const first = (await renderFeed({ db, siteUrl: site, now }, feed))!;
    expect((await renderFeed({ db, siteUrl: site, now }, feed))!.body).toBe(first.body);
    const items = parseRss(first.body).items;
    expect(items.map((i) => i.title.split(' – ')[0])).toEqual(['Aangekondigd', 'Afgerond', 'Aangekondigd', 'Afgerond', 'Aangekondigd']);
    const completed = items.filter((i) => i.title.startsWith('Afgerond'));
    expect(completed.map((i) => i.guid)).toEqual(completed.map((i) => i.link.replace(/^.*\/maintenance\/(\d+)$/, 'maintenance-$1-completed@status.voizxl.nl')));
    expect(completed[0]).toMatchObject({ title: 'Afgerond – Noodzakelijk onderhoud (VOIPNOW): Voorbij', pubDate: 'Tue, 10 Jun 2025 19:00:00 GMT' });

    // Marked completed later on: still one completed item, the same guid, now at the revision's time.
    const markedAt = new Date('2026-03-16T08:00:00Z');
    const past = history.maintenances!.find((m) => m.id === 'm-past')!;
    await importAt(db, { maintenances: [{ ...past, completed: true }] }, markedAt);
    const after = parseRss((await renderFeed({ db, siteUrl: site, now: markedAt }, feed))!.body).items.filter((i) => i.title.endsWith('Voorbij'));
    expect(after.map((i) => [i.title.split(' – ')[0], i.guid, i.pubDate])).toEqual([
      ['Afgerond', completed[0]!.guid, 'Mon, 16 Mar 2026 08:00:00 GMT'],
      ['Aangekondigd', items[2]!.guid, 'Sun, 08 Jun 2025 08:00:00 GMT'],
    ]);

    // The window of m-next ends at 01:00 UTC on 28 March: from then on it has its completed item.
    const end = new Date('2026-03-28T01:00:00Z');
    const changes = async (at: Date) =>
      parseRss((await renderFeed({ db, siteUrl: site, now: at }, feed))!.body)
        .items.filter((i) => i.title.endsWith('en meer'))
        .map((i) => [i.title.split(' – ')[0], i.pubDate]);
    expect(await changes(new Date(+end - 1))).toEqual([['Aangekondigd', 'Thu, 05 Mar 2026 09:00:00 GMT']]);
    expect(await changes(end)).toEqual([
      ['Afgerond', 'Sat, 28 Mar 2026 01:00:00 GMT'],
      ['Aangekondigd', 'Thu, 05 Mar 2026 09:00:00 GMT'],
    ]);
  });

  it('Last-Modified moves when the clock alone changes a feed, so If-Modified-Since gets 304 only for the current body', async () => {
    database = await setUp(driver);
    const { db } = database.handle;
    // The calendar: m-past (window ended 10 June 2025, 19:00 UTC) leaves the 12 months on
    // 10 June 2026; nothing else changes between May and July.
    const calendar: FeedRequest = { kind: 'calendar', locale: 'nl', productSlug: null };
    const may = await request(db, calendar, new Date('2026-05-01T00:00:00Z'));
    const june = await request(db, calendar, new Date('2026-06-11T00:00:00Z'), { 'If-Modified-Since': may.lastModified });
    expect(june.representation.body).not.toBe(may.representation.body);
    expect(june.response.status).toBe(200);
    expect(june.lastModified).toBe('Wed, 10 Jun 2026 19:00:00 GMT');
    const july = await request(db, calendar, new Date('2026-07-01T00:00:00Z'), { 'If-Modified-Since': june.lastModified });
    expect(july.representation.body).toBe(june.representation.body);
    expect(july.response.status).toBe(304);
    expect(july.lastModified).toBe(june.lastModified);

    // The maintenance feed: m-next's window ends at 01:00 UTC on 28 March and its completed item appears.
    const rss: FeedRequest = { kind: 'maintenance', locale: 'nl', productSlug: null };
    const before = await request(db, rss, new Date('2026-03-25T00:00:00Z'));
    const ended = await request(db, rss, new Date('2026-03-29T00:00:00Z'), { 'If-Modified-Since': before.lastModified });
    expect(ended.representation.body).not.toBe(before.representation.body);
    expect(ended.response.status).toBe(200);
    expect(ended.lastModified).toBe('Sat, 28 Mar 2026 01:00:00 GMT');
    const unchanged = await request(db, rss, new Date('2026-04-01T00:00:00Z'), { 'If-Modified-Since': ended.lastModified });
    expect(unchanged.representation.body).toBe(ended.representation.body);
    expect(unchanged.response.status).toBe(304);
  });

  it('Last-Modified moves when an edit takes a maintenance out of a feed that no longer shows it', async () => {
    database = await setUp(driver);
    const { db } = database.handle;
    const feed: FeedRequest = { kind: 'calendar', locale: 'nl', productSlug: '3cx' };
    const at = new Date('2026-03-21T00:00:00Z');
    const first = await request(db, feed, at);
    expect(parseCalendar(first.representation.body).events.map((e) => e.summary)).toContain('Regulier onderhoud (3CX): Nog niet');
    const movedAt = new Date('2026-03-22T00:00:00Z');
    await importAt(db, { maintenances: [{ ...notYet, products: ['voipnow'] }] }, movedAt);
    const second = await request(db, feed, movedAt, { 'If-Modified-Since': first.lastModified });
    expect(parseCalendar(second.representation.body).events.map((e) => e.summary)).not.toContain('Regulier onderhoud (3CX): Nog niet');
    expect(second.response.status).toBe(200);
    expect(second.lastModified).toBe(movedAt.toUTCString());
  });

  it('the incident feed: published updates newest first, per product every update of the incidents that touched it', async () => {
    database = await setUp(driver);
    const { db } = database.handle;
    const allFeed = parseRss((await renderFeed({ db, siteUrl: site, now }, { kind: 'incidents', locale: 'nl', productSlug: null }))!.body);
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
    await importHistory(database.handle.db, { incidents }, { now });
    const data = await loadIncidentFeedData(database.handle.db, all);
    expect(data!.updates).toHaveLength(50);
    const times = data!.updates.map((u) => +u.publishedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
