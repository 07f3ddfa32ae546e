// The HTTP server in front of the Astro app. Public GET and HEAD requests are answered from
// the response cache (src/server/response-cache.ts) while the published state is the one
// the render was made in; otherwise one render runs per route (later requests for it wait
// for the same one) through the Astro handler into memory. Astro's own route cache sits
// inside its request pipeline (routing, middleware, the page's frontmatter), which is the
// part a hit must skip to match a static file, so the hits are served here, in front of it.
//
// When the database does not answer (an error, or a query over QUERY_BUDGET_MS) the last
// good render is served with a notice "status as of …" on pages and its age in the `Age`
// and `X-Status-As-Of` headers; writes answer 503. Every response carries the security
// headers; methods a route does not take answer 405 with Allow. SIGTERM: stop accepting,
// let in-flight requests finish (bounded), close the database.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { DatabaseHandle } from '#db/client.ts';
import { BADGE_PATH } from '#src/badges/serve.ts';
import type { Config } from '#src/config/environment.ts';
import { slaSettingsOf } from '#src/config/environment.ts';
import { routeClass } from '#src/http/cache.ts';
import { splitLocale } from '#src/http/locale.ts';
import { EMBED_PATH, embedAncestors, securityHeaders, strictPolicy } from '#src/http/security-headers.ts';
import { formatDateTime, formatTime } from '#src/i18n/format.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { civilDateKey, zonedParts } from '#src/time/zone.ts';
import { CaptureResponse, type Rendered } from './capture.ts';
import { PublishedState, withBudget } from './published.ts';
import { cacheable, entryOf, pageCacheDir, ResponseCache, type CachedResponse } from './response-cache.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface FrontOptions {
  config: Config;
  database: DatabaseHandle;
  clock: () => Date;
  handler: NodeHandler;
}

export interface Front {
  server: Server;
  published: PublishedState;
  cache: ResponseCache;
  listen(): Promise<void>;
  /** Stops accepting, waits for in-flight requests (at most the grace period), runs `beforeClose` (e.g. stops the workers), closes the database. */
  shutdown(beforeClose?: () => Promise<void> | undefined): Promise<void>;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const KNOWN = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Public routes the cache serves: pages (no file extension), feeds, calendars, public JSON. */
export function isCachedRoute(path: string): boolean {
  if (routeClass(path) === 'private' || path === '/healthz' || path === '/readyz') return false;
  if (BADGE_PATH.test(path)) return true;
  if (path.startsWith('/api/v2/')) return path.endsWith('.json');
  if (path.startsWith('/_')) return false;
  return !/\.[a-z0-9]+$/i.test(path) || /\.(rss|ics)$/.test(path);
}

/** br, then gzip, as the client accepts them (q=0 refuses). */
export function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    offered.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

const SUFFIX = { br: '-br', gzip: '-gz' } as const;
const tagWith = (etag: string, suffix: string) => (suffix ? etag.replace(/"$/, `${suffix}"`) : etag);

/** If-None-Match against the entry's tag in any of its encodings (weak comparison). */
function matches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const base = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === base || t === tagWith(base, SUFFIX.br) || t === tagWith(base, SUFFIX.gzip);
  });
}

function notModified(req: IncomingMessage, entry: CachedResponse, now: number): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return matches(inm, entry.etag);
  const ims = req.headers['if-modified-since'];
  if (!ims) return false;
  const since = Date.parse(ims);
  // A date in the future is no validator (RFC 9110 §13.1.3).
  return Number.isFinite(since) && since <= now && entry.lastModified <= since;
}

/** The notice a page gets when it is served from before the database went away. */
function withStaleNotice(entry: CachedResponse, now: number): Buffer {
  const html = entry.body.toString('utf8');
  const locale: Locale = /<html[^>]*\slang="en"/.test(html) ? 'en' : 'nl';
  // The time alone on the Amsterdam day of the render, the date too after it.
  const sameDay = civilDateKey(zonedParts(entry.renderedAt)) === civilDateKey(zonedParts(now));
  const asOf = sameDay ? formatTime(entry.renderedAt, locale) : formatDateTime(entry.renderedAt, locale);
  const t = messages[locale].staleNotice;
  const notice = `<aside class="stale-notice" role="status" aria-label="${t.label}"><p><strong>${t.label}:</strong> ${t.text(asOf)}</p></aside>`;
  const withNotice = /<main\b[^>]*>/.test(html) ? html.replace(/<main\b[^>]*>/, (open) => `${open}${notice}`) : html.replace(/<body\b[^>]*>/, (open) => `${open}${notice}`);
  return Buffer.from(withNotice, 'utf8');
}

export function createFront({ config, database, clock, handler }: FrontOptions): Front {
  const published = new PublishedState({ database, clock, sla: slaSettingsOf(config), queryBudgetMs: config.queryBudgetMs });
  const cache = new ResponseCache(config.cacheMaxBytes, pageCacheDir(config));
  const renders = new Map<string, Promise<CachedResponse | Rendered>>();
  const security = securityHeaders(config.siteUrl);
  const passthroughPolicy = strictPolicy(config.siteUrl);
  let writesInFlight = 0;
  let inFlight = 0;
  let stopping = false;

  function render(key: string, req: IncomingMessage, previous: CachedResponse | undefined): Promise<CachedResponse | Rendered> {
    const state = published.key;
    // The render is the route's answer for everyone: no validators, always a body.
    req.method = 'GET';
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];
    const capture = new CaptureResponse(req);
    const work = (async () => {
      await handler(req, capture as unknown as ServerResponse);
      const rendered = await capture.done;
      if (rendered.status >= 500) throw new Error(`the render of ${key} answered ${rendered.status}`);
      if (!cacheable(rendered)) return rendered;
      // Only the embeddable status may be framed, by the sites the configuration allows.
      const framed = splitLocale(key.split('?')[0]!).path === EMBED_PATH;
      const entry = await entryOf(key, rendered, state, +clock(), previous, config.siteUrl, framed ? embedAncestors(config.embedAllowedOrigins) : undefined);
      cache.set(entry);
      return entry;
    })();
    const shared = work.finally(() => renders.delete(key));
    renders.set(key, shared);
    return shared;
  }

  function sendRendered(res: ServerResponse, rendered: Rendered, head: boolean): void {
    res.statusCode = rendered.status;
    for (const [name, value] of Object.entries(rendered.headers)) res.setHeader(name, value);
    res.setHeader('Content-Security-Policy', passthroughPolicy);
    res.end(head ? undefined : rendered.body);
  }

  function sendEntry(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, stale: boolean): void {
    const now = +clock();
    if (!res.hasHeader('X-Cache')) res.setHeader('X-Cache', stale ? 'STALE' : 'HIT');
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader('Content-Security-Policy', entry.csp);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Last-Modified', new Date(entry.lastModified).toUTCString());
    res.setHeader('Age', String(Math.max(0, Math.floor((now - entry.renderedAt) / 1000))));
    if (stale) res.setHeader('X-Status-As-Of', new Date(entry.renderedAt).toISOString());
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    let body: Buffer;
    let etag = entry.etag;
    const html = (res.getHeader('content-type') ?? '').toString().startsWith('text/html');
    if (stale && html) {
      const page = withStaleNotice(entry, now);
      body = encoding ? gzipSync(page) : page;
      etag = tagWith(entry.etag, '-stale');
      if (encoding) res.setHeader('Content-Encoding', 'gzip');
    } else {
      body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : entry.body;
      if (encoding) {
        res.setHeader('Content-Encoding', encoding);
        etag = tagWith(entry.etag, SUFFIX[encoding]);
      }
    }
    res.setHeader('ETag', etag);
    if (entry.status === 200 && !stale && notModified(req, entry, now)) {
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = entry.status;
    res.setHeader('Content-Length', String(body.byteLength));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function unavailable(res: ServerResponse, api: boolean): void {
    res.statusCode = 503;
    res.setHeader('Retry-After', '30');
    res.setHeader('Cache-Control', 'no-store');
    const message = 'The database does not answer right now; nothing was saved. Try again in a moment.';
    if (api) {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(`${JSON.stringify({ error: { code: 'unavailable', message, fields: [] } })}\n`);
    } else {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`${message}\n`);
    }
  }

  function methodNotAllowed(res: ServerResponse, allow: string, status = 405): void {
    res.statusCode = status;
    res.setHeader('Allow', allow);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(status === 501 ? 'Not implemented.\n' : `Method not allowed here. Allowed: ${allow}.\n`);
  }

  async function servePublic(req: IncomingMessage, res: ServerResponse, key: string): Promise<void> {
    const head = req.method === 'HEAD';
    if (published.needsCheck()) {
      // While the database is away, nobody waits for it: the checks run in the background.
      if (published.available || writesInFlight > 0) await published.check();
      else void published.check();
    }
    const entry = cache.get(key) ?? (published.available ? undefined : cache.load(key));
    if (entry && published.available && entry.state === published.key) return sendEntry(req, res, entry, false);
    if (entry && !published.available) return sendEntry(req, res, entry, true);
    const accept = req.headers['accept-encoding'];
    const conditional = { inm: req.headers['if-none-match'], ims: req.headers['if-modified-since'] };
    const follower = renders.has(key);
    const rendering = renders.get(key) ?? render(key, req, entry);
    // The render used this request's object: put back what sendEntry reads.
    req.method = head ? 'HEAD' : 'GET';
    if (accept !== undefined) req.headers['accept-encoding'] = accept;
    if (conditional.inm !== undefined) req.headers['if-none-match'] = conditional.inm;
    if (conditional.ims !== undefined) req.headers['if-modified-since'] = conditional.ims;
    try {
      const fresh = await (entry ? withBudget(rendering, config.queryBudgetMs, `rendering ${key}`) : rendering);
      // MISS: this request's render; HIT: it waited for the one another request started.
      res.setHeader('X-Cache', follower ? 'HIT' : 'MISS');
      if ('key' in fresh) return sendEntry(req, res, fresh, false);
      return sendRendered(res, fresh, head);
    } catch (error) {
      published.invalidate();
      const last = entry ?? cache.load(key);
      console.error(`${key}: ${(error as Error).message}${last ? '; serving the last good render' : ''}`);
      if (last) return sendEntry(req, res, last, true);
      res.statusCode = 503;
      res.setHeader('Retry-After', '30');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('The status page cannot reach its data right now and has no earlier copy of this page. Try again in a moment.\n');
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of security) res.setHeader(name, value);
    if (stopping) res.setHeader('Connection', 'close');
    const method = (req.method ?? 'GET').toUpperCase();
    let pathname: string;
    let search: string;
    try {
      const url = new URL(req.url ?? '/', 'http://front.invalid');
      pathname = decodeURI(url.pathname);
      search = url.search;
    } catch {
      res.statusCode = 400;
      res.end('Bad request.\n');
      return;
    }
    const { path } = splitLocale(pathname);
    // X-Frame-Options cannot name the allowed sites; the embed's frame-ancestors does.
    if (path === EMBED_PATH) res.removeHeader('X-Frame-Options');
    const isPrivate = routeClass(path) === 'private';
    if (!KNOWN.has(method)) return methodNotAllowed(res, isPrivate ? 'GET, HEAD, POST, PUT, PATCH, DELETE' : 'GET, HEAD', method === 'TRACE' || method === 'CONNECT' ? 405 : 501);
    if (isCachedRoute(path)) {
      if (method === 'GET' || method === 'HEAD') return servePublic(req, res, pathname + search);
      if (method === 'OPTIONS') {
        // The public JSON answers CORS preflights itself; elsewhere OPTIONS says what the route takes.
        if (path.startsWith('/api/v2/')) return void handler(req, res);
        res.statusCode = 204;
        res.setHeader('Allow', 'GET, HEAD, OPTIONS, POST');
        res.setHeader('Cache-Control', 'no-store');
        res.end();
        return;
      }
      // Forms on public pages (e.g. subscribing) post; nothing public takes PUT, PATCH or DELETE.
      if (method !== 'POST') return methodNotAllowed(res, path.startsWith('/api/v2/') ? 'GET, HEAD, OPTIONS' : 'GET, HEAD, OPTIONS, POST');
    }
    if (!SAFE.has(method)) {
      if (!published.available) return unavailable(res, path.startsWith('/api/'));
      writesInFlight++;
      res.once('close', () => {
        writesInFlight--;
        published.invalidate();
      });
    }
    res.setHeader('Content-Security-Policy', passthroughPolicy);
    await handler(req, res);
  }

  const server = createServer((req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    onRequest(req, res).catch((error: unknown) => {
      console.error(`${req.method} ${req.url}: ${(error as Error).stack ?? error}`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Internal server error.\n');
      } else res.destroy();
    });
  });

  return {
    server,
    published,
    cache,
    async listen() {
      await published.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
    },
    async shutdown(beforeClose) {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Requests already on a connection are answered (with Connection: close); once none is
      // left for a moment, the idle connections are closed; at the deadline, all of them.
      const deadline = Date.now() + config.shutdownGraceSeconds * 1000;
      let quiet = 0;
      while (quiet < 3 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        quiet = inFlight === 0 ? quiet + 1 : 0;
      }
      server.closeIdleConnections();
      server.closeAllConnections();
      await closed;
      const { entries, bytes } = cache.size;
      console.log(`Response cache: ${entries} renders, ${(bytes / 1024 / 1024).toFixed(1)} MB with their compressed forms (bound ${(config.cacheMaxBytes / 1024 / 1024).toFixed(0)} MB).`);
      await published.stop();
      await beforeClose?.();
      await database.close();
    },
  };
}
