// HTTP caching of the feeds: ETag from the body, Last-Modified from the data, 304 for a
// matching If-None-Match or a recent enough If-Modified-Since, HEAD without a body; and
// the feed links the pages offer.
import { describe, expect, it } from 'vitest';
import { conditionalResponse, entityTag, type Representation } from '#src/feeds/conditional.ts';
import { feedLinks, feedPath, webcalUrl } from '#src/feeds/links.ts';
import { latestUpTo } from '#src/feeds/load-products.ts';
import { oneYearAfter, twelveMonthsBefore } from '#src/feeds/load-maintenance.ts';

const representation: Representation = {
  body: 'BEGIN:VCALENDAR\r\nX-TEXT:café 🎉\r\nEND:VCALENDAR\r\n',
  contentType: 'text/calendar; charset=utf-8',
  lastModified: new Date('2026-03-05T09:15:42.500Z'),
  maxAgeSeconds: 300,
};
const lastModified = 'Thu, 05 Mar 2026 09:15:42 GMT';

const send = (headers: Record<string, string> = {}, method = 'GET', rep = representation) =>
  conditionalResponse({ method, headers: new Headers(headers) }, rep);

describe('conditional responses', () => {
  it('answers 200 with the body, its type and length, a strong ETag, Last-Modified and a short Cache-Control', async () => {
    const response = send();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(representation.body)));
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(response.headers.get('last-modified')).toBe(lastModified);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toBe(representation.body);
  });

  it('derives the ETag from the body alone', () => {
    expect(entityTag(representation.body)).toBe(entityTag(`${representation.body}`));
    expect(entityTag(representation.body)).not.toBe(entityTag(`${representation.body} `));
  });

  it('answers 304 without a body to a matching If-None-Match (exact, weak, in a list, or *)', async () => {
    const etag = entityTag(representation.body);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = send({ 'If-None-Match': header });
      expect(response.status, header).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('last-modified')).toBe(lastModified);
      expect(await response.text()).toBe('');
    }
    expect(send({ 'If-None-Match': '"other"' }).status).toBe(200);
  });

  it('answers 304 to an If-Modified-Since at or after the last change, to the second', () => {
    expect(send({ 'If-Modified-Since': lastModified }).status).toBe(304);
    expect(send({ 'If-Modified-Since': 'Thu, 05 Mar 2026 10:00:00 GMT' }).status).toBe(304);
    expect(send({ 'If-Modified-Since': 'Thu, 05 Mar 2026 09:15:41 GMT' }).status).toBe(200);
    expect(send({ 'If-Modified-Since': 'not a date' }).status).toBe(200);
    expect(send({ 'If-Modified-Since': lastModified }, 'GET', { ...representation, lastModified: null }).status).toBe(200);
  });

  it('lets If-None-Match win over If-Modified-Since', () => {
    expect(send({ 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body, and 304 to HEAD as to GET', async () => {
    const response = send({}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(representation.body)));
    expect(response.headers.get('etag')).toBe(send().headers.get('etag'));
    expect(await response.text()).toBe('');
    expect(send({ 'If-Modified-Since': lastModified }, 'HEAD').status).toBe(304);
  });
});

describe('the moments Last-Modified is made of', () => {
  const now = new Date('2026-06-11T00:00:00Z');

  it('is the latest moment given, never after now, and null without any', () => {
    expect(latestUpTo(now, [new Date('2026-03-05T09:00:00Z'), null, undefined, new Date('2026-06-10T19:00:00Z')])).toEqual(new Date('2026-06-10T19:00:00Z'));
    // Rows stamped after `now` (a clock running ahead, a test reading the past) give `now`.
    expect(latestUpTo(now, [new Date('2026-11-25T21:00:00Z')])).toEqual(now);
    expect(latestUpTo(now, [null, undefined])).toBeNull();
  });

  it('dates an event’s leaving the 12-month window no earlier than it leaves', () => {
    // The calendar holds an event while its end ≥ twelveMonthsBefore(now).
    const shownAt = (end: Date, at: number) => +end >= +twelveMonthsBefore(new Date(at));
    const end = new Date('2025-06-10T19:00:00Z');
    expect(oneYearAfter(end)).toEqual(new Date('2026-06-10T19:00:00Z'));
    expect(shownAt(end, +oneYearAfter(end) - 1)).toBe(true);
    for (const e of [end, new Date('2024-02-29T12:00:00Z'), new Date('2025-12-31T23:59:59.999Z')]) {
      // Gone a millisecond after: the moment is never earlier than the event's leaving.
      expect(shownAt(e, +oneYearAfter(e) + 1)).toBe(false);
    }
    // 29 February leaves on 1 March at midnight; 1 March at noon is late, which is safe.
    expect(oneYearAfter(new Date('2024-02-29T12:00:00Z'))).toEqual(new Date('2025-03-01T12:00:00Z'));
  });
});

describe('feed links', () => {
  it('offers the feeds of all products, or of one product, per language', () => {
    expect(feedLinks('nl')).toEqual([
      { href: '/incidents.rss', type: 'application/rss+xml', title: 'voizXL storingen (RSS)' },
      { href: '/maintenance.rss', type: 'application/rss+xml', title: 'voizXL onderhoud (RSS)' },
      { href: '/maintenance.ics', type: 'text/calendar', title: 'voizXL onderhoud (iCalendar)' },
    ]);
    expect(feedLinks('en', '3cx', '3CX').map((l) => [l.href, l.title])).toEqual([
      ['/en/products/3cx/incidents.rss', 'voizXL incidents – 3CX (RSS)'],
      ['/en/products/3cx/maintenance.rss', 'voizXL maintenance – 3CX (RSS)'],
      ['/en/products/3cx/maintenance.ics', 'voizXL maintenance – 3CX (iCalendar)'],
    ]);
  });

  it('gives webcal:// subscription links', () => {
    expect(webcalUrl('https://status.voizxl.nl', feedPath('calendar', 'nl', 'teams-dr'))).toBe('webcal://status.voizxl.nl/products/teams-dr/maintenance.ics');
    expect(webcalUrl('http://localhost:4321', feedPath('calendar', 'en'))).toBe('webcal://localhost:4321/en/maintenance.ics');
  });
});
