// The incident and maintenance RSS feeds as a feed reader parses them (fast-xml-parser):
// one item per NOC update or per maintenance revision, one completion per ended window,
// stable guids, absolute links, escaping that survives every kind of text, and no clock
// in the output.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildIncidentFeed, type FeedIncidentUpdate, type IncidentFeedInput } from '#src/feeds/incident-feed.ts';
import {
  buildMaintenanceFeed,
  maintenanceCompletion,
  maintenanceFeedItems,
  type FeedMaintenanceEnd,
  type FeedMaintenanceRevision,
} from '#src/feeds/maintenance-feed.ts';
import { buildRss, textToHtml } from '#src/feeds/rss.ts';
import { parseRss } from '../support/feed-parsers.ts';

const site = 'https://status.voizxl.nl';
const voipnow = { slug: 'voipnow', name: { nl: 'VOIPNOW', en: 'VOIPNOW' } };
const voizapps = { slug: 'voizapps', name: { nl: 'voizApps', en: 'voizApps' } };

function update(id: number, publishedAt: string, overrides: Partial<FeedIncidentUpdate> = {}): FeedIncidentUpdate {
  return {
    id,
    publishedAt: new Date(publishedAt),
    status: 'investigating',
    message: 'Wij onderzoeken een storing.',
    messageEn: 'We are investigating an outage.',
    incident: { id: 9, title: 'Storing VOIPNOW', titleEn: 'VOIPNOW outage', category: 2 },
    impacts: [
      { product: voipnow, impact: 'major_outage' },
      { product: voizapps, impact: 'degraded_performance' },
    ],
    ...overrides,
  };
}

const incidentFeed = (updates: FeedIncidentUpdate[], extra: Partial<IncidentFeedInput> = {}) =>
  buildIncidentFeed({ locale: 'nl', siteUrl: site, product: null, updates, reports: [], lastChange: new Date('2026-03-02T12:00:00Z'), ...extra });

afterEach(() => vi.useRealTimers());

describe('the incident feed', () => {
  it('has a channel with self link, language, ttl and the data’s last change as lastBuildDate', () => {
    const feed = parseRss(incidentFeed([update(1, '2026-03-02T10:00:00Z')]));
    expect(feed).toMatchObject({
      title: 'voizXL storingen',
      link: 'https://status.voizxl.nl/history',
      selfLink: 'https://status.voizxl.nl/incidents.rss',
      language: 'nl',
      ttl: '15',
      lastBuildDate: 'Mon, 02 Mar 2026 12:00:00 GMT',
    });
  });

  it('has one item per NOC update, newest first, with status, permalink, guid, date and categories', () => {
    const feed = parseRss(
      incidentFeed([
        update(1, '2026-03-02T10:00:00Z'),
        update(2, '2026-03-02T11:30:00Z', { status: 'resolved', message: 'Opgelost.', impacts: [{ product: voipnow, impact: 'operational' }] }),
      ]),
    );
    expect(feed.items.map((i) => i.title)).toEqual(['Opgelost: Storing VOIPNOW', 'Onderzoek: Storing VOIPNOW']);
    const [resolved, first] = feed.items;
    expect(resolved).toMatchObject({
      link: 'https://status.voizxl.nl/incidents/9#update-2',
      guid: 'incident-9-update-2@status.voizxl.nl',
      guidIsPermaLink: 'false',
      pubDate: 'Mon, 02 Mar 2026 11:30:00 GMT',
      categories: ['VOIPNOW', 'Categorie 2'],
    });
    expect(first!.categories).toEqual(['VOIPNOW', 'voizApps', 'Categorie 2']);
    expect(first!.description).toBe('<p>Wij onderzoeken een storing.</p><p>Getroffen diensten:<br>VOIPNOW: Ernstige storing<br>voizApps: Verminderde prestaties</p>');
    expect(resolved!.description).toBe('<p>Opgelost.</p><p>Getroffen diensten:<br>VOIPNOW: Geen hinder</p>');
  });

  it('has one item per published report, among the updates by its publication, linked to the report', () => {
    const report = {
      incident: { id: 9, title: 'Storing VOIPNOW', titleEn: 'VOIPNOW outage', category: 2 as const },
      body: 'Oorzaak: een defecte switch.\n\nVervangen.',
      bodyEn: null,
      publishedAt: new Date('2026-03-03T09:00:00Z'),
      editedAt: new Date('2026-03-04T09:00:00Z'),
      products: [voipnow],
    };
    const feed = parseRss(incidentFeed([update(1, '2026-03-02T10:00:00Z')], { reports: [report] }));
    expect(feed.items.map((i) => i.title)).toEqual(['Rapport: Storing VOIPNOW', 'Onderzoek: Storing VOIPNOW']);
    expect(feed.items[0]).toMatchObject({
      link: 'https://status.voizxl.nl/incidents/9#report',
      guid: 'incident-9-report@status.voizxl.nl',
      pubDate: 'Tue, 03 Mar 2026 09:00:00 GMT',
      categories: ['VOIPNOW', 'Categorie 2'],
      description: '<p>Oorzaak: een defecte switch.</p><p>Vervangen.</p>',
    });
    // In English, the English title and (without an English text) the Dutch report.
    const english = parseRss(incidentFeed([], { locale: 'en', reports: [report] }));
    expect(english.items[0]).toMatchObject({ title: 'Report: VOIPNOW outage', link: 'https://status.voizxl.nl/en/incidents/9#report' });
  });

  it('uses the English texts under /en/, the Dutch ones where no English exists', () => {
    const feed = parseRss(
      incidentFeed([update(1, '2026-03-02T10:00:00Z'), update(2, '2026-03-02T11:00:00Z', { messageEn: null, status: 'identified' })], {
        locale: 'en',
        product: voipnow,
      }),
    );
    expect(feed).toMatchObject({ title: 'voizXL incidents – VOIPNOW', language: 'en', link: 'https://status.voizxl.nl/en/products/voipnow', selfLink: 'https://status.voizxl.nl/en/products/voipnow/incidents.rss' });
    expect(feed.items.map((i) => i.title)).toEqual(['Identified: VOIPNOW outage', 'Investigating: VOIPNOW outage']);
    expect(feed.items[0]!.description).toMatch(/^<p>Wij onderzoeken een storing\.<\/p>/);
    expect(feed.items[1]!.link).toBe('https://status.voizxl.nl/en/incidents/9#update-1');
    expect(feed.items[1]!.categories).toContain('Category 2');
  });

  it('gives each language its own guid, the same in the global and the product feed', () => {
    const updates = [update(1, '2026-03-02T10:00:00Z')];
    const guids = (locale: 'nl' | 'en', product: typeof voipnow | null) => parseRss(incidentFeed(updates, { locale, product })).items.map((i) => i.guid);
    expect(guids('nl', null)).toEqual(['incident-9-update-1@status.voizxl.nl']);
    expect(guids('en', null)).toEqual(['incident-9-update-1.en@status.voizxl.nl']);
    expect(guids('nl', voipnow)).toEqual(guids('nl', null));
    expect(guids('en', voipnow)).toEqual(guids('en', null));
  });

  it('is byte-identical at different clock times', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-03T00:00:00Z'));
    const first = incidentFeed([update(1, '2026-03-02T10:00:00Z')]);
    vi.setSystemTime(new Date('2029-12-31T23:59:59Z'));
    expect(incidentFeed([update(1, '2026-03-02T10:00:00Z')])).toBe(first);
  });

  it('is valid without items, and then has no lastBuildDate', () => {
    const feed = parseRss(incidentFeed([], { lastChange: null }));
    expect(feed.items).toEqual([]);
    expect(feed.lastBuildDate).toBeUndefined();
  });
});

describe('text that feed readers must not misread', () => {
  const nasty = 'Komma, puntkomma; backslash \\ & <script>alert("x")</script> ]]> — café, naïef 🎉';

  it('keeps titles intact and shows messages as text, never as markup', () => {
    const text = incidentFeed([
      update(1, '2026-03-02T10:00:00Z', {
        incident: { id: 9, title: nasty, titleEn: null, category: 1 },
        message: `${nasty}\nTweede regel\n\nNieuwe alinea\u0007`,
      }),
    ]);
    const [item] = parseRss(text).items;
    // Titles are plain text (a CDATA section in the file); descriptions are HTML, escaped.
    expect(item!.title).toBe(`Onderzoek: ${nasty}`);
    expect(item!.description).not.toContain('<script>');
    expect(item!.description).toContain(
      '<p>Komma, puntkomma; backslash \\ &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; — café, naïef 🎉<br>Tweede regel</p><p>Nieuwe alinea</p>',
    );
  });

  it('turns plain text into paragraphs and line breaks', () => {
    expect(textToHtml('a <b>\r\nb\n\n\nc')).toBe('<p>a &lt;b&gt;<br>b</p><p>c</p>');
  });

  it('drops characters XML cannot carry, so the feed still parses', () => {
    const text = buildRss(
      { title: 'T\u0000', description: 'D', link: site, feedUrl: `${site}/x.rss`, language: 'nl', ttlMinutes: 5, lastBuildDate: null },
      [{ title: 'a\u001Fb\uD800c', html: '<p>x</p>', link: site, guid: 'g', date: new Date(0), categories: ['c\u0001'] }],
    );
    const [item] = parseRss(text).items;
    expect(item!.title).toBe('abc');
    expect(item!.categories).toEqual(['c']);
  });
});

describe('the maintenance feed', () => {
  const facts = {
    id: 12,
    type: 'regular' as const,
    title: 'Update 3CX-hostingplatform',
    titleEn: '3CX hosting platform update',
    description: 'Alle centrales worden bijgewerkt.',
    descriptionEn: 'Every PBX is updated.',
    expectedImpact: 'major_outage' as const,
    products: [voipnow],
  };
  const revisions: FeedMaintenanceRevision[] = [
    {
      revision: 3,
      change: 'cancelled',
      changedAt: new Date('2026-03-20T09:00:00Z'),
      windowStart: new Date('2026-04-03T20:00:00+02:00'),
      windowEnd: new Date('2026-04-04T01:00:00+02:00'),
      state: 'cancelled',
      note: 'Leverancier; later',
      maintenance: facts,
    },
    {
      revision: 2,
      change: 'rescheduled',
      changedAt: new Date('2026-03-10T09:00:00Z'),
      windowStart: new Date('2026-04-03T20:00:00+02:00'),
      windowEnd: new Date('2026-04-04T01:00:00+02:00'),
      state: 'scheduled',
      note: null,
      maintenance: facts,
    },
    {
      revision: 1,
      change: 'announced',
      changedAt: new Date('2026-03-01T09:00:00Z'),
      windowStart: new Date('2026-03-27T20:00:00+01:00'),
      windowEnd: new Date('2026-03-28T01:00:00+01:00'),
      state: 'scheduled',
      note: null,
      maintenance: facts,
    },
  ];

  it('has one item per announcement and change, each with its own guid and the window as of then', () => {
    const feed = parseRss(buildMaintenanceFeed({ locale: 'nl', siteUrl: site, product: null, items: revisions, lastChange: new Date('2026-03-20T09:00:00Z') }));
    expect(feed).toMatchObject({ title: 'voizXL onderhoud', link: 'https://status.voizxl.nl/maintenance', selfLink: 'https://status.voizxl.nl/maintenance.rss', ttl: '60' });
    expect(feed.items.map((i) => [i.title, i.guid])).toEqual([
      ['Geannuleerd – Regulier onderhoud (VOIPNOW): Update 3CX-hostingplatform', 'maintenance-12-revision-3@status.voizxl.nl'],
      ['Verplaatst – Regulier onderhoud (VOIPNOW): Update 3CX-hostingplatform', 'maintenance-12-revision-2@status.voizxl.nl'],
      ['Aangekondigd – Regulier onderhoud (VOIPNOW): Update 3CX-hostingplatform', 'maintenance-12-revision-1@status.voizxl.nl'],
    ]);
    const [cancelled, moved, announced] = feed.items;
    expect(cancelled!.description).toContain('<p>Reden van annulering: Leverancier; later</p>');
    expect(moved!.description).toContain('Venster: 3 april 2026 om 20:00 CEST tot 4 april 2026 om 01:00 CEST');
    expect(announced!.description).toContain('Venster: 27 maart 2026 om 20:00 CET tot 28 maart 2026 om 01:00 CET');
    expect(announced).toMatchObject({
      link: 'https://status.voizxl.nl/maintenance/12',
      guidIsPermaLink: 'false',
      pubDate: 'Sun, 01 Mar 2026 09:00:00 GMT',
      categories: ['VOIPNOW', 'Regulier onderhoud'],
    });
    expect(announced!.description).toContain('Soort: Regulier onderhoud. Regulier onderhoud wordt ten minste 14 dagen vooraf aangekondigd');
  });

  it('in English', () => {
    const feed = parseRss(buildMaintenanceFeed({ locale: 'en', siteUrl: site, product: voipnow, items: revisions, lastChange: null }));
    expect(feed.title).toBe('voizXL maintenance – VOIPNOW');
    expect(feed.items[0]!.title).toBe('Cancelled – Regular maintenance (VOIPNOW): 3CX hosting platform update');
    expect(feed.items[0]!.link).toBe('https://status.voizxl.nl/en/maintenance/12');
    expect(feed.items[2]!.description).toContain('<p>Every PBX is updated.</p>');
    expect(feed.items.map((i) => i.guid)).toEqual([3, 2, 1].map((r) => `maintenance-12-revision-${r}.en@status.voizxl.nl`));
  });
});

describe('the completed items of the maintenance feed', () => {
  const facts = (id: number) => ({
    id,
    type: 'necessary' as const,
    title: `Onderhoud ${id}`,
    titleEn: null,
    description: '',
    descriptionEn: null,
    expectedImpact: 'partial_outage' as const,
    products: [voipnow],
  });
  const now = new Date('2026-03-15T12:00:00Z');
  const end = (id: number, windowEnd: string, extra: Partial<FeedMaintenanceEnd> = {}): FeedMaintenanceEnd => ({
    windowStart: new Date(+new Date(windowEnd) - 2 * 3_600_000),
    windowEnd: new Date(windowEnd),
    state: 'scheduled',
    completedAt: null,
    maintenance: facts(id),
    ...extra,
  });
  const announced = (id: number, changedAt: string, revision = 1, change: FeedMaintenanceRevision['change'] = 'announced'): FeedMaintenanceRevision => ({
    revision,
    change,
    changedAt: new Date(changedAt),
    windowStart: new Date('2026-03-10T19:00:00Z'),
    windowEnd: new Date('2026-03-10T21:00:00Z'),
    state: change === 'completed' ? 'completed' : 'scheduled',
    note: null,
    maintenance: facts(id),
  });

  it('adds one completed item at the end of a window that has ended, with a stable guid', () => {
    const items = maintenanceFeedItems([announced(4, '2026-03-01T09:00:00Z')], [end(4, '2026-03-10T21:00:00Z')], now, 50);
    expect(items.map((i) => [i.change, i.changedAt.toISOString(), i.revision])).toEqual([
      ['completed', '2026-03-10T21:00:00.000Z', null],
      ['announced', '2026-03-01T09:00:00.000Z', 1],
    ]);
    const feed = parseRss(buildMaintenanceFeed({ locale: 'nl', siteUrl: site, product: null, items, lastChange: items[0]!.changedAt }));
    expect(feed.items.map((i) => [i.title, i.guid, i.pubDate])).toEqual([
      ['Afgerond – Noodzakelijk onderhoud (VOIPNOW): Onderhoud 4', 'maintenance-4-completed@status.voizxl.nl', 'Tue, 10 Mar 2026 21:00:00 GMT'],
      ['Aangekondigd – Noodzakelijk onderhoud (VOIPNOW): Onderhoud 4', 'maintenance-4-revision-1@status.voizxl.nl', 'Sun, 01 Mar 2026 09:00:00 GMT'],
    ]);
    expect(feed.items[0]!.description).toContain('Venster: 10 maart 2026 om 20:00 CET tot 10 maart 2026 om 22:00 CET');
    expect(parseRss(buildMaintenanceFeed({ locale: 'en', siteUrl: site, product: null, items, lastChange: null })).items[0]).toMatchObject({
      title: 'Completed – Necessary maintenance (VOIPNOW): Onderhoud 4',
      guid: 'maintenance-4-completed.en@status.voizxl.nl',
    });
  });

  it('dates it at the stored completed revision, and never gives one maintenance two completed items', () => {
    const stored = announced(4, '2026-03-11T08:00:00Z', 2, 'completed');
    const items = maintenanceFeedItems(
      [stored, announced(4, '2026-03-01T09:00:00Z')],
      [end(4, '2026-03-10T21:00:00Z', { state: 'completed', completedAt: stored.changedAt })],
      now,
      50,
    );
    expect(items.map((i) => [i.change, i.changedAt.toISOString()])).toEqual([
      ['completed', '2026-03-11T08:00:00.000Z'],
      ['announced', '2026-03-01T09:00:00.000Z'],
    ]);
    const guids = parseRss(buildMaintenanceFeed({ locale: 'nl', siteUrl: site, product: null, items, lastChange: null })).items.map((i) => i.guid);
    expect(guids).toEqual(['maintenance-4-completed@status.voizxl.nl', 'maintenance-4-revision-1@status.voizxl.nl']);
    // Completed early, before the window's planned end: as soon as the NOC said so.
    expect(maintenanceCompletion(end(5, '2026-03-20T21:00:00Z', { state: 'completed', completedAt: new Date('2026-03-14T10:00:00Z') }), now)!.changedAt).toEqual(
      new Date('2026-03-14T10:00:00Z'),
    );
  });

  it('has none for a window still ahead or running, an overrun still in progress, or a cancelled maintenance', () => {
    expect(maintenanceCompletion(end(1, '2026-03-20T21:00:00Z'), now)).toBeNull();
    expect(maintenanceCompletion(end(2, '2026-03-15T13:00:00Z', { state: 'in_progress' }), now)).toBeNull();
    expect(maintenanceCompletion(end(3, '2026-03-15T11:00:00Z', { state: 'in_progress' }), now)).toBeNull();
    expect(maintenanceCompletion(end(4, '2026-03-10T21:00:00Z', { state: 'cancelled' }), now)).toBeNull();
    // Marked completed while the planned window is still ahead, without a published revision: no date to show yet.
    expect(maintenanceCompletion(end(5, '2026-03-20T21:00:00Z', { state: 'completed' }), now)).toBeNull();
    // The moment the window ends it counts, and not a millisecond earlier.
    expect(maintenanceCompletion(end(6, '2026-03-15T12:00:00Z'), now)!.changedAt).toEqual(now);
    expect(maintenanceCompletion(end(7, '2026-03-15T12:00:00.001Z'), now)).toBeNull();
  });

  it('keeps the newest 50 by date, completions among the revisions, in a stable order', () => {
    const revisions = Array.from({ length: 40 }, (_, n) => announced(n + 1, new Date(Date.UTC(2026, 1, 1 + n, 9)).toISOString()));
    const ends = Array.from({ length: 40 }, (_, n) => end(n + 1, new Date(Date.UTC(2026, 1, 1 + n, 9)).toISOString()));
    const items = maintenanceFeedItems(revisions, ends, now, 50);
    expect(items).toHaveLength(50);
    const times = items.map((i) => +i.changedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // At the same moment: the higher maintenance id first, and of one maintenance its completion first.
    expect(items.slice(0, 2).map((i) => [i.maintenance.id, i.change])).toEqual([
      [40, 'completed'],
      [40, 'announced'],
    ]);
    expect(maintenanceFeedItems([...revisions].reverse(), [...ends].reverse(), now, 50)).toEqual(items);
  });

  it('is the same at different clock times: only `now` and the stored facts decide', () => {
    vi.useFakeTimers();
    const build = () => {
      const items = maintenanceFeedItems([announced(4, '2026-03-01T09:00:00Z')], [end(4, '2026-03-10T21:00:00Z')], now, 50);
      return buildMaintenanceFeed({ locale: 'nl', siteUrl: site, product: null, items, lastChange: items[0]!.changedAt });
    };
    vi.setSystemTime(new Date('2026-03-15T12:00:00Z'));
    const first = build();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    expect(build()).toBe(first);
  });
});
