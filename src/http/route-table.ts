// Every address the app answers, one entry per route file under src/pages (the console by
// one entry for all of /admin), each under /en/… too. test/unit/route-table.test.ts holds
// the table and the route files to each other: a new route file fails there until it has
// its entry. A new public route is one line here, e.g. an image kept by the cache:
//   { pattern: '/badge.svg', kind: 'feed', methods: ['GET'], cached: true }
// (`framed: true` lets the sites of EMBED_ALLOWED_ORIGINS frame it; see docs/operations.md).
import { parseId } from '#src/domain/ids.ts';
import { isMonthKey } from '#src/time/zone.ts';
import type { ParamRule, RouteDeclaration, RouteFacts } from './routes.ts';

/** A page number: 1 is the same as none. */
const pageNumber: ParamRule = { code: 'wholeNumber', canonical: (v) => (/^[1-9]\d{0,8}$/.test(v) ? v : null), omit: (v) => v === '1' };
/** "YYYY-MM". */
const month: ParamRule = { code: 'month', canonical: (v) => (isMonthKey(v) ? v : null) };
/** A product's slug (db/catalogue.json); empty is the same as none. */
const slug: ParamRule = { code: 'slug', canonical: (v) => (/^[a-z0-9][a-z0-9-]{0,63}$/.test(v) ? v : null), omit: (v) => v === '' };
/** A database id as a path segment (src/domain/ids.ts); "00057" is kept, the page redirects it to "57". */
const id: ParamRule = { code: 'wholeNumber', canonical: (v) => (parseId(v) === null ? null : v) };
/** Present or not ("?sent"), whatever its value. */
const flag: ParamRule = { code: 'text', canonical: () => '' };
/** A token from a mail's link. */
const token: ParamRule = { code: 'text', canonical: (v) => (v.length <= 500 ? v : null) };

const knownProduct = async (values: Readonly<Record<string, string>>, facts: RouteFacts) => values.slug === undefined || (await facts.productSlugs()).has(values.slug);

const page = (pattern: string, more: Partial<RouteDeclaration> = {}): RouteDeclaration => ({ pattern, kind: 'page', methods: ['GET'], cached: true, ...more });
const feed = (pattern: string, more: Partial<RouteDeclaration> = {}): RouteDeclaration => ({ pattern, kind: 'feed', methods: ['GET'], cached: true, ...more });
const document = (name: string): RouteDeclaration => ({ pattern: `/api/v2/${name}.json`, kind: 'json', methods: ['GET', 'OPTIONS'], cached: true, ownOptions: true });
const api = (pattern: string, ...methods: RouteDeclaration['methods']): RouteDeclaration => ({ pattern: `/api/v1${pattern}`, kind: 'api', methods, cached: false });
const productFeed = (file: string, more: Partial<RouteDeclaration> = {}) => feed(`/products/[slug]/${file}`, { params: { slug }, exists: knownProduct, ...more });

export const ROUTES: readonly RouteDeclaration[] = [
  page('/'),
  // The not-found page: what the front server answers for any address that names nothing.
  page('/404'),
  page('/availability'),
  page('/history', {
    query: { product: slug, page: pageNumber },
    exists: async ({ product, page }, facts) => {
      if (product !== undefined && !(await facts.productSlugs()).has(product)) return false;
      return Number(page ?? 1) <= (await facts.historyPages(product ?? null));
    },
  }),
  page('/incidents/[id]', { params: { id } }),
  page('/maintenance'),
  page('/maintenance/[id]', { params: { id } }),
  page('/maintenance/calendar/[month]', {
    params: { month },
    exists: async (values, facts) => {
      const { first, last } = await facts.calendarMonths();
      return values.month! >= first && values.month! <= last;
    },
  }),
  page('/products/[slug]', { params: { slug }, exists: knownProduct }),
  page('/subscribe', { methods: ['GET', 'POST'], query: { sent: flag } }),
  // A subscriber's own page: never kept (its route says no-store).
  page('/subscription', { methods: ['GET', 'POST'], cached: false, query: { token } }),
  { pattern: '/subscription/unsubscribe', kind: 'text', methods: ['GET', 'POST'], cached: false, query: { token } },
  // The compact status for other sites' iframes.
  page('/embed', { framed: true }),
  // Badges: SVG images and shields.io endpoint documents.
  feed('/badge.svg'),
  productFeed('badge.svg'),
  productFeed('availability-badge.svg'),
  { pattern: '/api/badges/status.json', kind: 'json', methods: ['GET'], cached: true },
  { pattern: '/api/badges/[slug].json', kind: 'json', methods: ['GET'], cached: true, params: { slug }, exists: knownProduct },
  { pattern: '/api/badges/[slug]/availability.json', kind: 'json', methods: ['GET'], cached: true, params: { slug }, exists: knownProduct },
  feed('/incidents.rss'),
  feed('/maintenance.rss'),
  feed('/maintenance.ics', { query: { month } }),
  productFeed('incidents.rss'),
  productFeed('maintenance.rss'),
  productFeed('maintenance.ics', { query: { month } }),
  ...['summary', 'status', 'components', 'incidents', 'incidents/unresolved', 'scheduled-maintenances', 'scheduled-maintenances/upcoming', 'scheduled-maintenances/active', 'availability'].map(document),
  { pattern: '/healthz', kind: 'text', methods: ['GET'], cached: false },
  { pattern: '/readyz', kind: 'text', methods: ['GET'], cached: false },
  { pattern: '/admin/[...path]', kind: 'console', methods: ['GET', 'POST'], cached: false },
  api('/openapi.json', 'GET'),
  api('/incidents', 'POST'),
  api('/incidents/[id]', 'GET', 'PATCH'),
  api('/incidents/[id]/updates', 'POST'),
  api('/incidents/[id]/updates/[updateId]', 'PATCH'),
  api('/incidents/[id]/postmortem', 'GET', 'PUT'),
  api('/subscribers', 'GET', 'POST'),
  api('/subscribers/[id]', 'DELETE'),
  api('/maintenances', 'POST'),
  api('/maintenances/[id]', 'GET', 'PATCH'),
  api('/maintenances/[id]/cancel', 'POST'),
  api('/maintenances/[id]/complete', 'POST'),
  api('/outages', 'POST'),
  api('/outages/[id]', 'GET', 'PATCH'),
  api('/kpis/[month]', 'GET', 'PUT'),
  api('/alertmanager', 'POST'),
];

/** The declaration of a route by its file's pattern (Astro's `routePattern`). */
export function routeByPattern(pattern: string): RouteDeclaration | undefined {
  return ROUTES.find((route) => route.pattern === pattern);
}
