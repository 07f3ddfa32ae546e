// Cache-Control, decided in one place per class of route, on the finished response (a
// page streams its head before its components have run, so the page cannot set it):
// - public pages may be served up to 30 s old by a browser, proxy or CDN (and for a day
//   while we answer with errors);
// - feeds and calendars set their own freshness (src/http/conditional.ts), kept as is;
// - the console (/admin) and the write API (/api/v1) are never stored anywhere;
// - an error (status 400 or more) is never stored, whatever the route.

export const PAGE_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=30, stale-if-error=86400';
export const NO_STORE = 'no-store';

export type RouteClass = 'page' | 'feed' | 'private';

const PRIVATE = /^\/(admin|api\/v1)(\/|$)/;
const FEED = /\.(rss|ics)$/;

/** The class of a route by its path without the language prefix ("/admin/…", "/incidents.rss"). */
export function routeClass(path: string): RouteClass {
  if (PRIVATE.test(path)) return 'private';
  return FEED.test(path) ? 'feed' : 'page';
}

/** The Cache-Control the response leaves with, given what the route itself set (null: nothing). */
export function cacheControlFor(route: RouteClass, status: number, own: string | null): string {
  if (route === 'private' || status >= 400) return NO_STORE;
  if (own !== null) return own;
  return route === 'page' && status === 200 ? PAGE_CACHE_CONTROL : NO_STORE;
}
