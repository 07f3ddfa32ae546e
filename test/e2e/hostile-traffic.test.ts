// The traffic of a crisis against the built app (issue 19): monitors sending HEAD, crowds
// arriving with a tracking query, clients with clocks ahead or broken validators, odd
// Accept-Encoding values, Range, doubled slashes and escapes in the path, an oversized
// header, a method nobody takes. Each is sent as the first request to every public route
// after a write (so it is the one that would render) and again warm, and after each a
// plain GET must give the whole, correct document: parsed as JSON, RSS or iCalendar (or
// the page's HTML), holding exactly what was written, and every 200 along the way decodes
// to the same bytes. Pages, /api/v2 JSON, RSS and iCalendar, both languages, both databases.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Post, publishingServer } from '../support/api-writer.ts';
import { drivers } from '../support/databases.ts';
import { parseCalendar, parseRss } from '../support/feed-parsers.ts';
import type { RunningServer } from '../support/server.ts';
import type { Target } from '../support/targets.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request exactly as written (the path is not normalised on the way), the body as sent. */
function raw(base: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Raw> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (response: Raw) => {
  const coding = response.headers['content-encoding'];
  return coding === 'br' ? brotliDecompressSync(response.body) : coding === 'gzip' ? gunzipSync(response.body) : response.body;
};

type Kind = 'page' | 'json' | 'rss' | 'ics';
const ROUTES: { path: string; kind: Kind; en: boolean }[] = [
  { path: '/', kind: 'page', en: false },
  { path: '/en/history', kind: 'page', en: true },
  { path: '/api/v2/summary.json', kind: 'json', en: false },
  { path: '/api/v2/incidents/unresolved.json', kind: 'json', en: false },
  { path: '/incidents.rss', kind: 'rss', en: false },
  { path: '/en/incidents.rss', kind: 'rss', en: true },
  { path: '/maintenance.ics', kind: 'ics', en: false },
  { path: '/en/products/voizplus/maintenance.ics', kind: 'ics', en: true },
];

interface Variant {
  name: string;
  method?: string;
  path?: (path: string) => string;
  headers?: Record<string, string>;
  /** The status the hostile request itself gets. */
  status: number;
  /** Content-Encoding it must (string) or must not (`!br`) carry. */
  coding?: string;
}

let unique = 0;
const VARIANTS: Variant[] = [
  { name: 'HEAD', method: 'HEAD', status: 200 },
  { name: 'a query of its own', path: (p) => `${p}?fbclid=IwAR${++unique}${Math.random().toString(36).slice(2)}&utm_source=x`, status: 200 },
  { name: 'an If-Modified-Since in the future', headers: { 'If-Modified-Since': 'Fri, 01 Jan 2100 00:00:00 GMT' }, status: 200 },
  { name: 'garbage validators', headers: { 'If-None-Match': 'garbage, W/"', 'If-Modified-Since': '2100' }, status: 200 },
  { name: 'Accept-Encoding br;q=0', headers: { 'Accept-Encoding': 'br;q=0' }, status: 200, coding: '!br' },
  { name: 'Accept-Encoding identity', headers: { 'Accept-Encoding': 'identity' }, status: 200, coding: 'none' },
  { name: 'Accept-Encoding *', headers: { 'Accept-Encoding': '*' }, status: 200, coding: 'br' },
  { name: 'an unknown Accept-Encoding', headers: { 'Accept-Encoding': 'snappy, zstd;q=2' }, status: 200, coding: 'none' },
  { name: 'Range', headers: { Range: 'bytes=0-99' }, status: 200 },
  { name: 'doubled slashes', path: (p) => p.replace(/\//g, '//'), status: 200 },
  { name: 'percent-encoded letters', path: (p) => p.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`), status: 200 },
  { name: 'an oversized header', headers: { 'X-Padding': 'x'.repeat(20_000) }, status: 431 },
  { name: 'an unknown method', method: 'PROPFIND', status: 501 },
];

describe.each(drivers)('hostile traffic against the built app on %s', (driver) => {
  let where: Target;
  let server: RunningServer;
  let post: Post;
  const incidents: string[] = [];
  const maintenances: string[] = [];
  beforeAll(async () => {
    ({ where, server, post } = await publishingServer(driver));
  });
  afterAll(async () => {
    await server?.stop();
    await where?.remove();
  });

  /** One incident and one maintenance more, each with a title of its own. */
  async function write(round: number): Promise<void> {
    const title = `Storing ronde ${round}`;
    const made = await post('/incidents', { title, titleEn: `${title} (en)`, category: 2, message: 'Gesprekken vallen weg.', impacts: { '3cx': 'major_outage' } });
    expect(made.status, await made.clone().text()).toBe(201);
    const start = new Date(Date.now() + (2 + round) * 86_400_000);
    const planned = `Onderhoud ronde ${round}`;
    const scheduled = await post('/maintenances', {
      type: 'emergency',
      title: planned,
      titleEn: `${planned} (en)`,
      products: ['voizplus'],
      start: start.toISOString(),
      end: new Date(+start + 3_600_000).toISOString(),
      overrideReason: 'hostile-traffic test',
    });
    expect(scheduled.status, await scheduled.clone().text()).toBe(201);
    incidents.push(title);
    maintenances.push(planned);
  }

  /** The plain GET: whole, and holding exactly what was written; its bytes. */
  async function plain(route: (typeof ROUTES)[number], context: string): Promise<Buffer> {
    const response = await raw(server.url, route.path);
    expect(response.status, context).toBe(200);
    expect(response.headers['content-encoding'], context).toBeUndefined();
    expect(Number(response.headers['content-length']), context).toBe(response.body.byteLength);
    const text = response.body.toString('utf8');
    const titles = (list: string[]) => list.map((t) => (route.en ? `${t} (en)` : t)).sort();
    if (route.kind === 'page') {
      expect(text.trimEnd().endsWith('</html>'), context).toBe(true);
      for (const title of titles(incidents)) expect(text, `${context}: ${title}`).toContain(title);
    } else if (route.kind === 'json') {
      const document = JSON.parse(text) as { incidents: { name: string }[] };
      expect(document.incidents.map((i) => i.name).sort(), context).toEqual(titles(incidents));
    } else if (route.kind === 'rss') {
      const items = parseRss(text).items.map((i) => i.title.replace(/^[^:]+: /, ''));
      expect(items.sort(), context).toEqual(titles(incidents));
    } else {
      const events = parseCalendar(text).events.map((e) => e.summary.replace(/^[^:]+: /, ''));
      expect(events.sort(), context).toEqual(titles(maintenances));
    }
    return response.body;
  }

  it('answers each, cold after a write and warm, and a plain GET after it is the whole, correct document', async () => {
    for (const [round, variant] of VARIANTS.entries()) {
      await write(round);
      for (const warm of [false, true]) {
        for (const route of ROUTES) {
          const context = `${variant.name} (${warm ? 'warm' : 'first after a write'}) on ${route.path}`;
          const path = variant.path?.(route.path) ?? route.path;
          const hostile = await raw(server.url, path, variant.method, variant.headers);
          expect(hostile.status, context).toBe(variant.status);
          // Reaching the cache, the first one after the write is the one that renders.
          // (Age and ETag in the message tell a render joined from one that was cached.)
          const seen = `${context} (Age ${hostile.headers.age ?? '-'}, ETag ${hostile.headers.etag ?? '-'})`;
          if (variant.status === 200) expect(hostile.headers['x-cache'], seen).toBe(warm ? 'HIT' : 'MISS');
          const body = await plain(route, context);
          if (variant.method === 'HEAD') {
            expect(hostile.body.byteLength, context).toBe(0);
            expect(Number(hostile.headers['content-length']), context).toBe(body.byteLength);
          } else if (variant.status === 200) {
            expect(decoded(hostile).equals(body), `${context}: the same bytes`).toBe(true);
            if (variant.coding === 'none') expect(hostile.headers['content-encoding'], context).toBeUndefined();
            else if (variant.coding === '!br') expect(hostile.headers['content-encoding'], context).not.toBe('br');
            else if (variant.coding) expect(hostile.headers['content-encoding'], context).toBe(variant.coding);
          }
        }
      }
    }
    expect(incidents).toHaveLength(VARIANTS.length);
  });

  it('keeps the API in JSON and refuses bad parameters and made-up addresses without a render', async () => {
    const json = async (method: string, path: string, status: number, code: string) => {
      const response = await raw(server.url, path, method);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.headers['content-type'], `${method} ${path}`).toBe('application/json; charset=utf-8');
      expect((JSON.parse(response.body.toString('utf8')) as { error: { code: string } }).error.code).toBe(code);
      return response;
    };
    await json('PUT', '/api/v1/incidents/1/nothing', 404, 'not_found');
    await json('GET', '/api/v2/nothing.json', 404, 'not_found');
    await json('GET', '/en/api/v2/nothing', 404, 'not_found');
    expect((await json('DELETE', '/api/v2/status.json', 405, 'method_not_allowed')).headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await json('PROPFIND', '/api/v1/incidents', 501, 'not_implemented')).headers.allow).toBe('POST, OPTIONS');
    const bad = await raw(server.url, '/en/history?page=abc');
    expect([bad.status, bad.body.toString('utf8')]).toEqual([400, 'Invalid parameter "page" ("abc"): must be a whole number from 1.\n']);
    expect((await raw(server.url, '/maintenance.ics?month=2026-13')).status).toBe(400);
    // Past the end, unknown products and made-up addresses: the not-found page, one render for all.
    const missing = ['/history?page=99999999', '/history?page=2', '/products/nope', '/history?product=nope', '/bestaat-niet', '/x.png'];
    const answers = await Promise.all(missing.map((path) => raw(server.url, path)));
    expect(answers.map((a) => a.status)).toEqual(missing.map(() => 404));
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
    expect((await raw(server.url, `/history?page=${1000 + (Date.now() % 100_000)}`)).headers['x-cache']).toBe('HIT');
  });
});
