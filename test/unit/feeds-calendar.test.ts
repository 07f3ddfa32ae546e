// The maintenance calendar as a calendar client reads it (ical.js, Thunderbird's parser):
// stable UIDs, SEQUENCE from the revision, UTC times right across both DST switches in
// any process time zone (npm test runs this under Europe/Amsterdam and America/New_York),
// escaping, folding, cancelled events, and no clock in the output.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCalendar, type CalendarInput, type CalendarMaintenance } from '#src/feeds/calendar.ts';
import { parseCalendar } from '../support/feed-parsers.ts';

const site = 'https://status.voizxl.nl';
const voipnow = { slug: 'voipnow', name: { nl: 'VOIPNOW', en: 'VOIPNOW' } };
const teams = { slug: 'teams-dr', name: { nl: 'Teams (DR)', en: 'Teams (DR)' } };

function maintenance(overrides: Partial<CalendarMaintenance> = {}): CalendarMaintenance {
  return {
    id: 42,
    type: 'regular',
    title: 'Software-update VOIPNOW-platform',
    titleEn: 'VOIPNOW platform software update',
    description: 'Wij installeren een nieuwe softwareversie.',
    descriptionEn: 'We are installing a new software version.',
    // The night of the spring DST switch in Amsterdam: 20:00 CET to 03:00 CEST.
    windowStart: new Date('2026-03-27T20:00:00+01:00'),
    windowEnd: new Date('2026-03-28T03:00:00+01:00'),
    expectedImpact: 'partial_outage',
    state: 'scheduled',
    cancelReason: null,
    revision: 1,
    lastChange: new Date('2026-03-05T10:15:00+01:00'),
    products: [voipnow, teams],
    ...overrides,
  };
}

const calendar = (maintenances: CalendarMaintenance[], extra: Partial<CalendarInput> = {}) =>
  buildCalendar({ locale: 'nl', siteUrl: site, product: null, maintenances, ...extra });

afterEach(() => vi.useRealTimers());

describe('the maintenance calendar', () => {
  it('parses, with name, description, refresh interval and published TTL of one hour', () => {
    const parsed = parseCalendar(calendar([maintenance()]));
    expect(parsed.name).toBe('voizXL onderhoud');
    expect(parsed.description).toContain('Aangekondigd onderhoud aan de diensten van voizXL');
    expect(parsed.refreshInterval).toBe('PT1H');
    expect(parsed.publishedTtl).toBe('PT1H');
    expect(parsed.events).toHaveLength(1);
  });

  it('writes one event per announced maintenance with every property a client needs', () => {
    const [event] = parseCalendar(calendar([maintenance({ revision: 4 })])).events;
    expect(event).toMatchObject({
      uid: 'maintenance-42@status.voizxl.nl',
      sequence: 4,
      summary: 'Regulier onderhoud (VOIPNOW, Teams (DR)): Software-update VOIPNOW-platform',
      status: 'CONFIRMED',
      url: 'https://status.voizxl.nl/maintenance/42',
      categories: ['Regulier onderhoud'],
    });
    expect(event!.stamp).toEqual(new Date('2026-03-05T09:15:00Z'));
    expect(event!.lastModified).toEqual(new Date('2026-03-05T09:15:00Z'));
    expect(event!.description.split('\n')).toEqual([
      'Wij installeren een nieuwe softwareversie.',
      '',
      'Soort: Regulier onderhoud. Regulier onderhoud wordt ten minste 14 dagen vooraf aangekondigd en vindt plaats van vrijdag 20:00 tot zaterdag 03:00 (Europe/Amsterdam).',
      'Verwachte hinder: Gedeeltelijke storing',
      'Diensten: VOIPNOW, Teams (DR)',
      'Venster: 27 maart 2026 om 20:00 CET tot 28 maart 2026 om 03:00 CET',
      'Meer informatie: https://status.voizxl.nl/maintenance/42',
    ]);
  });

  it('leaves unannounced maintenance out: it has no window to announce', () => {
    const events = parseCalendar(calendar([maintenance(), maintenance({ id: 43, type: 'unannounced' })])).events;
    expect(events.map((e) => e.uid)).toEqual(['maintenance-42@status.voizxl.nl']);
  });

  it('keeps a cancelled maintenance, marked CANCELLED, so subscribed calendars update', () => {
    const [event] = parseCalendar(calendar([maintenance({ state: 'cancelled', cancelReason: 'Leverancier niet beschikbaar', revision: 2 })])).events;
    expect(event!.status).toBe('CANCELLED');
    expect(event!.sequence).toBe(2);
    expect(event!.summary).toMatch(/^Geannuleerd – Regulier onderhoud/);
    expect(event!.description).toMatch(/^Geannuleerd\. Reden van annulering: Leverancier niet beschikbaar\n/);
  });

  it('names the type and its SLA rule in English on the English calendar, with the English texts', () => {
    const text = calendar([maintenance({ type: 'emergency' }), maintenance({ id: 44, type: 'necessary', titleEn: null })], { locale: 'en' });
    const parsed = parseCalendar(text);
    expect(parsed.name).toBe('voizXL maintenance');
    const [emergency, necessary] = parsed.events;
    expect(emergency!.summary).toBe('Emergency maintenance (VOIPNOW, Teams (DR)): VOIPNOW platform software update');
    expect(emergency!.description).toContain('Type: Emergency maintenance. Emergency maintenance is announced no later than 1 hour after it starts and may take place at any time.');
    expect(emergency!.description).toContain('Window: 27 March 2026 at 20:00 CET to 28 March 2026 at 03:00 CET');
    expect(emergency!.url).toBe('https://status.voizxl.nl/en/maintenance/42');
    expect(emergency!.categories).toEqual(['Emergency maintenance']);
    // No English title: the Dutch one.
    expect(necessary!.summary).toBe('Necessary maintenance (VOIPNOW, Teams (DR)): Software-update VOIPNOW-platform');
    expect(necessary!.description).toContain('Necessary maintenance is announced at least 24 hours ahead and takes place between 19:00 and 23:00 on one day (Europe/Amsterdam).');
  });

  it('names the product on a product calendar', () => {
    expect(parseCalendar(calendar([], { product: teams })).name).toBe('voizXL onderhoud – Teams (DR)');
    expect(calendar([], { product: teams }).replace(/\r\n /g, '')).toContain('SOURCE;VALUE=URI:https://status.voizxl.nl/products/teams-dr/maintenance.ics\r\n');
  });
});

describe('times across daylight saving time', () => {
  // Hand-computed: Amsterdam switches at 01:00 UTC on 29 March and 25 October 2026; New York
  // at 07:00 UTC on 8 March and 06:00 UTC on 1 November 2026.
  const cases = [
    ['spring, Amsterdam', '2026-03-28T20:00:00+01:00', '2026-03-29T03:00:00+02:00', '20260328T190000Z', '20260329T010000Z'],
    ['autumn, Amsterdam', '2026-10-24T20:00:00+02:00', '2026-10-25T03:00:00+01:00', '20261024T180000Z', '20261025T020000Z'],
    ['spring, New York', '2026-03-08T06:30:00+01:00', '2026-03-08T09:00:00+01:00', '20260308T053000Z', '20260308T080000Z'],
    ['autumn, New York', '2026-11-01T05:00:00+01:00', '2026-11-01T08:00:00+01:00', '20261101T040000Z', '20261101T070000Z'],
  ] as const;

  it.each(cases)('%s: DTSTART and DTEND in UTC, read back as the same instants', (_, start, end, dtstart, dtend) => {
    const text = calendar([maintenance({ windowStart: new Date(start), windowEnd: new Date(end) })]);
    expect(text).toContain(`\r\nDTSTART:${dtstart}\r\n`);
    expect(text).toContain(`\r\nDTEND:${dtend}\r\n`);
    expect(text).not.toContain('TZID');
    const [event] = parseCalendar(text).events;
    expect(event!.start).toEqual(new Date(start));
    expect(event!.end).toEqual(new Date(end));
  });

  it('shows the window in Amsterdam time with the zone named, in whatever zone the process runs', () => {
    const [event] = parseCalendar(
      calendar([maintenance({ windowStart: new Date('2026-03-28T20:00:00+01:00'), windowEnd: new Date('2026-03-29T03:00:00+02:00') })]),
    ).events;
    expect(event!.description).toContain('Venster: 28 maart 2026 om 20:00 CET tot 29 maart 2026 om 03:00 CEST');
  });
});

describe('text that calendars must not misread', () => {
  const nasty = 'Komma, puntkomma; backslash \\ en <script>alert("x")</script> — café, naïef 🎉\nTweede regel';

  it('comes out intact after escaping, and the escapes are in the file', () => {
    const text = calendar([maintenance({ title: nasty, description: `${nasty}\r\nDerde regel` })]);
    expect(text).toContain('Komma\\, puntkomma\\; backslash \\\\ en <script>');
    const [event] = parseCalendar(text).events;
    expect(event!.summary).toBe(`Regulier onderhoud (VOIPNOW, Teams (DR)): ${nasty}`);
    expect(event!.description.startsWith(`${nasty}\nDerde regel\n`)).toBe(true);
  });

  it('folds every line to at most 75 octets without splitting a character, CRLF throughout', () => {
    const long = `${'Zeer lange titel met emoji 🎉 en accenten é '.repeat(8)}einde`;
    const text = calendar([maintenance({ title: long, description: long })]);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');
    expect(parseCalendar(text).events[0]!.summary).toBe(`Regulier onderhoud (VOIPNOW, Teams (DR)): ${long}`);
  });
});

describe('the output depends on the data only', () => {
  it('is byte-identical at different clock times, with the UID fixed and SEQUENCE from the revision', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const first = calendar([maintenance(), maintenance({ id: 7, windowStart: new Date('2026-02-06T20:00:00+01:00'), windowEnd: new Date('2026-02-06T22:00:00+01:00') })]);
    vi.setSystemTime(new Date('2027-06-15T12:34:56Z'));
    const second = calendar([maintenance({ id: 7, windowStart: new Date('2026-02-06T20:00:00+01:00'), windowEnd: new Date('2026-02-06T22:00:00+01:00') }), maintenance()]);
    expect(second).toBe(first);
    // Sorted by window start.
    expect(parseCalendar(first).events.map((e) => e.uid)).toEqual(['maintenance-7@status.voizxl.nl', 'maintenance-42@status.voizxl.nl']);
  });

  it('after an edit: the same UID, a higher SEQUENCE, the new window and DTSTAMP', () => {
    const before = parseCalendar(calendar([maintenance()])).events[0]!;
    const moved = maintenance({
      revision: 2,
      lastChange: new Date('2026-03-10T08:00:00Z'),
      windowStart: new Date('2026-04-03T20:00:00+02:00'),
      windowEnd: new Date('2026-04-04T02:00:00+02:00'),
    });
    const after = parseCalendar(calendar([moved])).events[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start).toEqual(new Date('2026-04-03T18:00:00Z'));
    expect(after.stamp).toEqual(new Date('2026-03-10T08:00:00Z'));
  });
});
