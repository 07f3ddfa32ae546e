// Routes as declarations: each address the app answers says, in one entry of
// src/http/route-table.ts, which methods it takes, whether the response cache keeps it, the
// path and query parameters it reads with the rule of each, and whether what they name
// exists in the current published state. From that the front server derives, before any
// render: the canonical address (the cache key, and the only address a render sees), 400
// for a parameter that breaks its rule, 404 for what does not exist, 405 with Allow. Pure:
// the facts that need the database come in through RouteFacts.
import type { Locale } from '#src/i18n/locale.ts';
import type { Messages } from '#src/i18n/types.ts';
import { splitLocale } from './locale.ts';
import type { DeclaredMethod } from './methods.ts';

export type RuleCode = keyof Messages['requests']['rules'];

/** The rule one parameter's value must keep. */
export interface ParamRule {
  code: RuleCode;
  /** The value as the route reads it, or null when it breaks the rule. */
  canonical(value: string): string | null;
  /** A value that means the same as leaving the parameter out (left out of the address). */
  omit?(value: string): boolean;
}

/**
 * What the front server needs from the database to tell, without a render, that a
 * parameter names nothing (src/server/route-facts.ts: read once per published state).
 */
export interface RouteFacts {
  productSlugs(): Promise<ReadonlySet<string>>;
  /** The number of pages of the incident history, of one product or of all (null). */
  historyPages(productSlug: string | null): Promise<number>;
  /** The months the maintenance calendar has pages for ("YYYY-MM", inclusive). */
  calendarMonths(): Promise<{ first: string; last: string }>;
}

/**
 * - page: HTML in both languages; a 404 is the site's not-found page.
 * - feed: RSS and iCalendar; json: the public JSON (/api/v2); api: the write API (/api/v1);
 *   console: the NOC console (/admin); text: probes and one-line answers.
 * Errors are JSON for json and api, else one line of text (a page's 404 excepted).
 */
export type RouteKind = 'page' | 'feed' | 'json' | 'api' | 'console' | 'text';

export interface RouteDeclaration {
  /** The route file's pattern under src/pages: "/products/[slug]/incidents.rss", "/admin/[...path]". */
  pattern: string;
  kind: RouteKind;
  /** What it takes; HEAD comes with GET, OPTIONS is answered for every route. */
  methods: readonly DeclaredMethod[];
  /** GET answers rendered once per published state and kept (src/server/response-cache.ts). */
  cached: boolean;
  /**
   * Other sites may frame it (the embed): the sites of EMBED_ALLOWED_ORIGINS, by its
   * Content-Security-Policy's frame-ancestors, and X-Frame-Options is left off. Nobody when absent.
   */
  framed?: boolean;
  /** The route answers OPTIONS itself (the public JSON's CORS preflight). */
  ownOptions?: boolean;
  /** Path parameters ("[id]") and their rules: a value that breaks one is a 404 without a render. */
  params?: Readonly<Record<string, ParamRule>>;
  /** The query parameters the route reads, in the order of the canonical address; any other is ignored. */
  query?: Readonly<Record<string, ParamRule>>;
  /** Whether the parameters name something in this published state; false: 404 without a render. */
  exists?(values: Readonly<Record<string, string>>, facts: RouteFacts): Promise<boolean>;
}

export interface RouteMatch {
  route: RouteDeclaration;
  locale: Locale;
  /** "/en" or "". */
  prefix: string;
  /** The path without the language prefix, no trailing slash (but "/"). */
  path: string;
  /** The path parameters as written. */
  params: Record<string, string>;
}

interface Compiled {
  route: RouteDeclaration;
  pattern: RegExp;
  names: string[];
}

/** "/products/[slug]/incidents.rss" → a regular expression with a group per parameter. */
function compile(route: RouteDeclaration): Compiled {
  const names: string[] = [];
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = route.pattern
    .split('/')
    .slice(1)
    .map((segment) => {
      // "[id]", "[slug].json" (a parameter and a literal after it), "[...path]".
      const parameter = /^\[(\.\.\.)?([a-zA-Z]+)\](.*)$/.exec(segment);
      if (!parameter) return `/${literal(segment)}`;
      names.push(parameter[2]!);
      return parameter[1] ? '(?:/(.*))?' : `/([^/]+?)${literal(parameter[3]!)}`;
    })
    .join('');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

/** Matches paths against a table: static patterns before those with parameters, as Astro ranks them. */
export class Router {
  private readonly exact = new Map<string, RouteDeclaration>();
  private readonly dynamic: Compiled[] = [];

  constructor(routes: readonly RouteDeclaration[]) {
    for (const route of routes) {
      if (route.pattern.includes('[')) this.dynamic.push(compile(route));
      else this.exact.set(route.pattern, route);
    }
    // Fewer parameters first, a catch-all last.
    this.dynamic.sort((a, b) => Number(a.route.pattern.includes('[...')) - Number(b.route.pattern.includes('[...')) || a.names.length - b.names.length);
  }

  /** The route of a normalised path (see normaliseTarget), with its language; null: no route. */
  match(pathname: string): RouteMatch | null {
    const { locale, path: localPath } = splitLocale(pathname);
    const path = localPath.length > 1 ? localPath.replace(/\/$/, '') : localPath;
    const prefix = locale === 'en' ? '/en' : '';
    const exact = this.exact.get(path);
    if (exact) return { route: exact, locale, prefix, path, params: {} };
    for (const { route, pattern, names } of this.dynamic) {
      const found = pattern.exec(path);
      if (!found) continue;
      const params = Object.fromEntries(names.map((name, n) => [name, found[n + 1] ?? '']));
      return { route, locale, prefix, path, params };
    }
    return null;
  }
}

export interface Target {
  pathname: string;
  searchParams: URLSearchParams;
  /** The query as sent, with its "?" ("" without one). */
  search: string;
}

const UNRESERVED = /[A-Za-z0-9._~-]/;

/**
 * The request target as the routes see it (RFC 3986 §6.2.2): repeated slashes as one
 * ("//api/v2/incidents.json" is "/api/v2/incidents.json", not a host), dot segments
 * resolved, percent-encoded unreserved characters decoded ("/%68istory" is "/history"),
 * other escapes in upper case. null: not a target this server answers (400).
 */
export function normaliseTarget(raw: string | undefined): Target | null {
  const target = raw ?? '/';
  let url: URL;
  try {
    if (target.startsWith('/')) {
      const queryAt = target.indexOf('?');
      const path = queryAt < 0 ? target : target.slice(0, queryAt);
      url = new URL(path.replace(/\/{2,}/g, '/') + (queryAt < 0 ? '' : target.slice(queryAt)), 'http://target.invalid');
    } else if (/^https?:\/\//i.test(target)) {
      // The absolute form (a proxy's request line): only its path and query count.
      const absolute = new URL(target);
      url = new URL(absolute.pathname.replace(/\/{2,}/g, '/') + absolute.search, 'http://target.invalid');
    } else return null;
  } catch {
    return null;
  }
  let malformed = false;
  const pathname = url.pathname.replace(/%(.{0,2})/g, (written, hex: string) => {
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      malformed = true;
      return written;
    }
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  if (malformed) return null;
  return { pathname, searchParams: url.searchParams, search: url.search };
}

export type Canonical =
  | { ok: true; key: string; query: string; values: Record<string, string> }
  | { ok: false; status: 400; name: string; value: string; rule: RuleCode }
  | { ok: false; status: 404 };

/**
 * The canonical address of a matched request: its path with the language prefix, and only
 * the query parameters the route reads, with valid values, in the declared order, those
 * that mean the default left out. Repeated parameters: the first counts, as the routes read it.
 */
export function canonicalise(match: RouteMatch, searchParams: URLSearchParams): Canonical {
  const { route, prefix, path, params } = match;
  const values: Record<string, string> = {};
  for (const [name, written] of Object.entries(params)) {
    const rule = route.params?.[name];
    const value = rule ? rule.canonical(decodeComponent(written) ?? '') : written;
    if (value === null) return { ok: false, status: 404 };
    values[name] = value;
  }
  const query: string[] = [];
  for (const [name, rule] of Object.entries(route.query ?? {})) {
    const written = searchParams.get(name);
    if (written === null || rule.omit?.(written)) continue;
    const value = rule.canonical(written);
    if (value === null) return { ok: false, status: 400, name, value: written, rule: rule.code };
    values[name] = value;
    query.push(value === '' ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  const search = query.length > 0 ? `?${query.join('&')}` : '';
  const localePath = prefix && path === '/' ? `${prefix}/` : `${prefix}${path}`;
  return { ok: true, key: localePath + search, query: search, values };
}

function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
