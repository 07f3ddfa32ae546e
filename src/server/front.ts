// The HTTP server in front of the Astro app. Each request is normalised and matched to its
// route's declaration (src/http/route-table.ts), which decides before any render: 405 with
// Allow, 400 for a parameter that breaks its rule, 404 for what does not exist (the API's
// in JSON). Public GET and HEAD requests are then answered from the response cache under
// their canonical address (only the parameters the route reads) while the published state
// is the one the render was made in; otherwise one render runs per address (src/server/
// render.ts). Astro's own route cache sits inside its request pipeline (routing, middleware,
// the page's frontmatter), which is the part a hit must skip to match a static file, so the
// hits are served here, in front of it.
//
// When the database does not answer (an error, or a query over QUERY_BUDGET_MS) the last
// good render is served, with a notice on pages (src/server/stale-notice.ts) and its age in
// `Age` and `X-Status-As-Of`; writes answer 503. Every response carries the security headers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { DatabaseHandle } from '#db/client.ts';
import type { Config } from '#src/config/environment.ts';
import { slaSettingsOf } from '#src/config/environment.ts';
import { problemAnswer, type Problem } from '#src/http/errors.ts';
import { splitLocale } from '#src/http/locale.ts';
import { allowHeader, checkMethod, type DeclaredMethod, isSafe } from '#src/http/methods.ts';
import { ROUTES } from '#src/http/route-table.ts';
import { canonicalise, normaliseTarget, Router, type RouteKind, type RouteMatch } from '#src/http/routes.ts';
import { embedAncestors, securityHeaders, strictPolicy } from '#src/http/security-headers.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { databaseSource, PublishedState, withBudget } from './published.ts';
import { type NodeHandler, Renders } from './render.ts';
import { pageCacheDir, ResponseCache } from './response-cache.ts';
import { PublishedFacts } from './route-facts.ts';
import { sendAnswer, sendEntry, sendRendered } from './send.ts';
import { drain } from './shutdown.ts';

export type { NodeHandler } from './render.ts';

export interface FrontOptions {
  config: Config;
  database: DatabaseHandle;
  clock: () => Date;
  handler: NodeHandler;
  /** The files the handler serves as they are (dist/client: "/robots.txt", "/_astro/…"). */
  staticFiles: ReadonlySet<string>;
  /** A write (any unsafe method) has arrived: e.g. get the notification thread going while it runs. */
  onWrite?: () => void;
}

export interface Front {
  server: Server;
  published: PublishedState;
  cache: ResponseCache;
  listen(): Promise<void>;
  /** Stops accepting, waits for in-flight requests (at most the grace period), runs `beforeClose` (e.g. stops the workers), closes the database. */
  shutdown(beforeClose?: () => Promise<void> | undefined): Promise<void>;
}

const router = new Router(ROUTES);
const NOT_FOUND = router.match('/404')!;
const shapeOf = (kind: RouteKind) => (kind === 'json' || kind === 'api' ? 'json' : 'text');

export function createFront({ config, database, clock, handler, staticFiles, onWrite }: FrontOptions): Front {
  const published = new PublishedState({ source: databaseSource(database, slaSettingsOf(config)), clock, queryBudgetMs: config.queryBudgetMs });
  const cache = new ResponseCache(config.cacheMaxBytes, pageCacheDir(config));
  const renders = new Renders({ handler, cache, siteUrl: config.siteUrl, clock });
  const facts = new PublishedFacts({ db: database.db, clock, sla: slaSettingsOf(config), published, queryBudgetMs: config.queryBudgetMs });
  const security = securityHeaders(config.siteUrl);
  const passthroughPolicy = strictPolicy(config.siteUrl);
  /** Who may frame a route declared `framed` (the embed). */
  const framing = embedAncestors(config.embedAllowedOrigins);
  let writesInFlight = 0;
  let inFlight = 0;
  let stopping = false;

  const options = (res: ServerResponse, methods: readonly DeclaredMethod[]) => void res.writeHead(204, { Allow: allowHeader(methods), 'Cache-Control': 'no-store' }).end();
  const refuse = (req: IncomingMessage, res: ServerResponse, problem: Problem, kind: RouteKind, locale: Locale) => sendAnswer(req, res, problemAnswer(problem, shapeOf(kind), locale));

  /** The site's not-found page in the request's language: one cached render per state, whatever the address. */
  function notFound(req: IncomingMessage, res: ServerResponse, match: Pick<RouteMatch, 'locale' | 'prefix'>): Promise<void> {
    return servePublic(req, res, { ...NOT_FOUND, locale: match.locale, prefix: match.prefix }, `${match.prefix}/404`);
  }

  /** Whether the declaration's facts say the address names something (true when they cannot be read: the render decides). */
  async function exists(match: RouteMatch, values: Record<string, string>): Promise<boolean> {
    if (!match.route.exists || !published.available) return true;
    try {
      return await match.route.exists(values, facts);
    } catch (error) {
      console.error(`${match.path}: ${(error as Error).message}`);
      return true;
    }
  }

  async function servePublic(req: IncomingMessage, res: ServerResponse, match: RouteMatch, key: string, values: Record<string, string> = {}): Promise<void> {
    // While a write is under way its answer may reach the client before the write's end is
    // seen here: until then every read asks the database (one question for all at a time).
    if (writesInFlight > 0 || published.needsCheck()) {
      // While the database is away, nobody waits for it: the checks run in the background.
      if (published.available || writesInFlight > 0) await published.check({ strict: writesInFlight > 0 });
      else void published.check();
    }
    const entry = cache.get(key) ?? (published.available ? undefined : cache.load(key));
    if (entry && published.available && entry.state === published.key) return sendEntry(req, res, entry, false, +clock());
    if (entry && !published.available) return sendEntry(req, res, entry, true, +clock());
    if (!(await exists(match, values))) {
      if (match.route.kind === 'page') return notFound(req, res, match);
      return refuse(req, res, { status: 404, path: key }, match.route.kind, match.locale);
    }
    const follower = renders.pending(key, published.key);
    const rendering = follower ?? renders.start(key, published.key, entry, match.route.framed ? framing : undefined);
    try {
      const fresh = await (entry ? withBudget(rendering, config.queryBudgetMs, `rendering ${key}`) : rendering);
      // MISS: this request's render; HIT: it waited for the one another request started.
      res.setHeader('X-Cache', follower ? 'HIT' : 'MISS');
      if ('key' in fresh) return sendEntry(req, res, fresh, false, +clock());
      return sendRendered(req, res, fresh, passthroughPolicy);
    } catch (error) {
      published.invalidate();
      const last = entry ?? cache.load(key);
      console.error(`${key}: ${(error as Error).message}${last ? '; serving the last good render' : ''}`);
      if (last) return sendEntry(req, res, last, true, +clock());
      return refuse(req, res, { status: 503, what: 'page' }, match.route.kind, match.locale);
    }
  }

  /** An address no route declares: a file of the build, else not found (in JSON under /api/). */
  function serveUnrouted(req: IncomingMessage, res: ServerResponse, pathname: string, method: string): Promise<void> | void {
    const { locale, path } = splitLocale(pathname);
    if (staticFiles.has(pathname)) {
      const verdict = checkMethod(method, ['GET']);
      if (!verdict.ok) return refuse(req, res, { status: verdict.status, method, allow: verdict.allow }, 'text', locale);
      if (method === 'OPTIONS') return options(res, ['GET']);
      res.setHeader('Content-Security-Policy', passthroughPolicy);
      return handler(req, res);
    }
    if (path === '/api' || path.startsWith('/api/')) return refuse(req, res, { status: 404, path: pathname }, 'api', locale);
    return notFound(req, res, { locale, prefix: locale === 'en' ? '/en' : '' });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of security) res.setHeader(name, value);
    if (stopping) res.setHeader('Connection', 'close');
    const method = (req.method ?? 'GET').toUpperCase();
    const target = normaliseTarget(req.url);
    if (!target) return refuse(req, res, { status: 400, unreadable: true }, (req.url ?? '').startsWith('/api/') ? 'api' : 'text', 'nl');
    const match = router.match(target.pathname);
    if (!match) return serveUnrouted(req, res, target.pathname, method);
    const { route, locale } = match;
    // A route that may be framed (an embed) says by whom in its own policy.
    if (route.framed) res.removeHeader('X-Frame-Options');
    const verdict = checkMethod(method, route.methods);
    if (!verdict.ok) return refuse(req, res, { status: verdict.status, method, allow: verdict.allow }, route.kind, locale);
    if (method === 'OPTIONS' && !route.ownOptions) return options(res, route.methods);
    if (method === 'GET' || method === 'HEAD') {
      const canonical = canonicalise(match, target.searchParams);
      if (!canonical.ok && canonical.status === 400) return refuse(req, res, { status: 400, parameter: canonical }, route.kind, locale);
      if (!canonical.ok) return route.kind === 'page' ? notFound(req, res, match) : refuse(req, res, { status: 404, path: target.pathname }, route.kind, locale);
      if (route.cached) return servePublic(req, res, match, canonical.key, canonical.values);
    }
    // Rendered for this request alone: on the normalised path, with its query as sent.
    req.url = target.pathname + target.search;
    if (!isSafe(method)) {
      if (!published.available) return refuse(req, res, { status: 503, what: 'write' }, route.kind, locale);
      writesInFlight++;
      onWrite?.();
      res.once('close', () => {
        writesInFlight--;
        published.invalidate();
      });
    }
    res.setHeader('Content-Security-Policy', route.framed ? strictPolicy(config.siteUrl, framing) : passthroughPolicy);
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
      await drain(server, () => inFlight, config.shutdownGraceSeconds);
      const { entries, bytes } = cache.size;
      console.log(`Response cache: ${entries} renders, ${(bytes / 1024 / 1024).toFixed(1)} MB with their compressed forms (bound ${(config.cacheMaxBytes / 1024 / 1024).toFixed(0)} MB).`);
      await published.stop();
      await beforeClose?.();
      await database.close();
    },
  };
}
