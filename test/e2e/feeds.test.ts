// What a calendar client and a feed reader see of the built app with its demo history:
// every feed URL answers with its media type, parses in a real client parser, is
// byte-identical between requests, carries ETag and Last-Modified that give 304 Not
// Modified, answers HEAD, and an unknown product is a 404; the maintenance feed has a
// completed item for the demo's past windows; the maintenance list offers webcal links.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCalendar, parseRss } from '../support/feed-parsers.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const SITE_URL = 'https://status.voizxl.test';
const paths = ['', '/en'].flatMap((locale) =>
  ['', '/products/voipnow'].flatMap((product) => ['maintenance.ics', 'incidents.rss', 'maintenance.rss'].map((file) => `${locale}${product}/${file}`)),
);
const typeOf = (path: string) => (path.endsWith('.ics') ? 'text/calendar; charset=utf-8' : 'application/rss+xml; charset=utf-8');

describe('the feeds of the built app', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'status-feeds-e2e-'));
  let server: RunningServer;
  const get = (path: string, init: RequestInit = {}) => fetch(server.url + path, init);

  beforeAll(async () => {
    server = await startServer({ DATA_DIR: dataDir, SITE_URL }, { now: FIXED_NOW });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every feed with its media type, caching headers and a body that parses, the same bytes twice', async () => {
    for (const path of paths) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      expect(first.headers.get('content-type'), path).toBe(typeOf(path));
      expect(first.headers.get('etag'), path).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers.get('last-modified'), path).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(first.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+$/);
      const body = await first.text();
      if (path.endsWith('.ics')) expect(parseCalendar(body).events.length, path).toBeGreaterThan(0);
      else expect(parseRss(body).items.length, path).toBeGreaterThan(0);
      const second = await get(path);
      expect(await second.text(), path).toBe(body);
      expect(second.headers.get('etag'), path).toBe(first.headers.get('etag'));
      expect(second.headers.get('last-modified'), path).toBe(first.headers.get('last-modified'));
    }
  });

  it('answers 304 to If-None-Match and to If-Modified-Since, and 200 when the copy is older', async () => {
    for (const path of ['/maintenance.ics', '/en/products/voipnow/incidents.rss', '/maintenance.rss']) {
      const first = await get(path);
      await first.arrayBuffer();
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      const byTag = await get(path, { headers: { 'If-None-Match': etag } });
      expect(byTag.status, path).toBe(304);
      expect(byTag.headers.get('etag')).toBe(etag);
      expect(await byTag.text()).toBe('');
      const byDate = await get(path, { headers: { 'If-Modified-Since': lastModified } });
      expect(byDate.status, path).toBe(304);
      await byDate.arrayBuffer();
      const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
      const stale = await get(path, { headers: { 'If-Modified-Since': older } });
      expect(stale.status, path).toBe(200);
      await stale.arrayBuffer();
      const otherTag = await get(path, { headers: { 'If-None-Match': '"something-else"', 'If-Modified-Since': lastModified } });
      expect(otherTag.status, path).toBe(200);
      await otherTag.arrayBuffer();
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    for (const path of ['/maintenance.ics', '/en/incidents.rss', '/products/voipnow/maintenance.rss']) {
      // Uncompressed, so Content-Length is the length of the body read here.
      const identity = { 'Accept-Encoding': 'identity' };
      const full = await get(path, { headers: identity });
      const length = (await full.arrayBuffer()).byteLength;
      const head = await get(path, { method: 'HEAD', headers: identity });
      expect(head.status, path).toBe(200);
      expect(head.headers.get('content-type')).toBe(typeOf(path));
      expect(head.headers.get('etag')).toBe(full.headers.get('etag'));
      expect(head.headers.get('content-length')).toBe(String(length));
      expect((await head.arrayBuffer()).byteLength).toBe(0);
      const conditional = await get(path, { method: 'HEAD', headers: { 'If-None-Match': full.headers.get('etag')! } });
      expect(conditional.status).toBe(304);
    }
  });

  it('answers 404 to a product that does not exist', async () => {
    for (const path of ['/products/nope/maintenance.ics', '/products/nope/incidents.rss', '/en/products/nope/maintenance.rss']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      await response.arrayBuffer();
    }
  });

  it('shows the demo history: upcoming windows in the calendar, updates newest first, links from SITE_URL', async () => {
    const calendar = parseCalendar(await (await get('/maintenance.ics')).text());
    const now = +FIXED_NOW;
    expect(calendar.events.filter((e) => +e.start > now).length).toBeGreaterThanOrEqual(2);
    for (const event of calendar.events) {
      expect(event.uid).toMatch(/^maintenance-\d+@status\.voizxl\.test$/);
      expect(+event.end).toBeGreaterThan(+event.start);
      expect(+event.end).toBeGreaterThan(now - 366 * 24 * 3600_000);
      expect(event.url).toMatch(/^https:\/\/status\.voizxl\.test\/maintenance\/\d+$/);
      expect(['CONFIRMED', 'CANCELLED']).toContain(event.status);
    }
    const incidents = parseRss(await (await get('/incidents.rss')).text());
    expect(incidents.selfLink).toBe(`${SITE_URL}/incidents.rss`);
    expect(incidents.items.length).toBeLessThanOrEqual(50);
    const dates = incidents.items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of incidents.items) expect(item.link).toMatch(/^https:\/\/status\.voizxl\.test\/incidents\/\d+#update-\d+$/);
    const maintenance = parseRss(await (await get('/en/maintenance.rss')).text());
    expect(maintenance.language).toBe('en');
    for (const item of maintenance.items) expect(item.link).toMatch(/^https:\/\/status\.voizxl\.test\/en\/maintenance\/\d+$/);
  });

  it('gives every past window of the demo one completed item, with its own guid', async () => {
    for (const [path, lang] of [['/maintenance.rss', ''], ['/en/products/voipnow/maintenance.rss', '.en']] as const) {
      const items = parseRss(await (await get(path)).text()).items;
      const guids = items.map((i) => i.guid);
      expect(new Set(guids).size, path).toBe(guids.length);
      for (const guid of guids) expect(guid, path).toMatch(/^maintenance-\d+-(revision-\d+|completed)(\.en)?@status\.voizxl\.test$/);
      expect(guids.every((guid) => guid.includes(`${lang}@`)), path).toBe(true);
      const completed = items.filter((i) => i.guid.endsWith(`-completed${lang}@status.voizxl.test`));
      expect(completed.length, path).toBeGreaterThan(0);
      expect(completed[0]!.title, path).toMatch(/^(Afgerond|Completed) – /);
      for (const item of completed) expect(Date.parse(item.pubDate), path).toBeLessThanOrEqual(+FIXED_NOW);
    }
  });

  it('gives a reader of both languages both items of every update, and a calendar of both the same events', async () => {
    for (const feed of ['/incidents.rss', '/maintenance.rss']) {
      const [nl, en] = await Promise.all([feed, `/en${feed}`].map(async (path) => parseRss(await (await get(path)).text()).items.map((i) => i.guid)));
      expect(nl!.length, feed).toBeGreaterThan(0);
      expect(en, feed).toEqual(nl!.map((guid) => guid.replace('@', '.en@')));
    }
    // A calendar event is the maintenance itself, whatever language it is written in.
    const [nl, en] = await Promise.all(['/maintenance.ics', '/en/maintenance.ics'].map(async (path) => parseCalendar(await (await get(path)).text()).events.map((e) => e.uid)));
    expect(nl!.length).toBeGreaterThan(0);
    expect(en).toEqual(nl);
  });

  it('offers the calendars as webcal:// links on the maintenance list', async () => {
    for (const locale of ['', '/en']) {
      const page = await get(`${locale}/maintenance`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`href="webcal://status.voizxl.test${locale}/maintenance.ics"`);
      expect(html).toContain(`href="webcal://status.voizxl.test${locale}/products/voipnow/maintenance.ics"`);
    }
  });

  it('links to pages that exist, with the update anchors, and the pages advertise their feeds', async () => {
    const local = (link: string) => link.replace(SITE_URL, '');
    const [update] = parseRss(await (await get('/incidents.rss')).text()).items;
    const [page, anchor] = local(update!.link).split('#');
    const incidentPage = await get(page!);
    expect(incidentPage.status).toBe(200);
    expect(await incidentPage.text()).toContain(`id="${anchor}"`);
    const [event] = parseCalendar(await (await get('/en/maintenance.ics')).text()).events;
    expect((await get(local(event!.url))).status).toBe(200);
    const home = await (await get('/')).text();
    expect(home).toContain('<link rel="alternate" type="text/calendar" title="voizXL onderhoud (iCalendar)" href="/maintenance.ics"');
    expect(home).toContain('type="application/rss+xml" title="voizXL storingen (RSS)" href="/incidents.rss"');
  });
});
