// Routes as declarations (src/http/routes.ts, src/http/route-table.ts): the request target
// normalised, matched to its route in either language, reduced to its canonical address
// (the cache key: only the parameters the route reads), a broken rule a 400 and what does
// not exist a 404, both without a render; and the table and the route files under
// src/pages kept to each other.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '#src/http/route-table.ts';
import { canonicalise, normaliseTarget, Router, type RouteFacts } from '#src/http/routes.ts';

const router = new Router(ROUTES);
const PAGES = join(import.meta.dirname, '../../src/pages');

/** The canonical answer for a target: its key, or its refusal. */
function resolve(target: string) {
  const normal = normaliseTarget(target);
  if (!normal) return 'unreadable';
  const match = router.match(normal.pathname);
  if (!match) return 'no route';
  const canonical = canonicalise(match, normal.searchParams);
  return canonical.ok ? canonical.key : canonical.status === 400 ? `400 ${canonical.name} ${canonical.rule}` : '404';
}

describe('normaliseTarget', () => {
  it('reads repeated slashes as one, decodes unreserved escapes, resolves dot segments', () => {
    expect(normaliseTarget('//api/v2/incidents.json')?.pathname).toBe('/api/v2/incidents.json');
    expect(normaliseTarget('/api//v2///status.json?x=1')?.pathname).toBe('/api/v2/status.json');
    expect(normaliseTarget('/%61pi/v2/status.json')?.pathname).toBe('/api/v2/status.json');
    expect(normaliseTarget('/en/%68istory')?.pathname).toBe('/en/history');
    expect(normaliseTarget('/products%2f3cx')?.pathname).toBe('/products%2F3cx');
    expect(normaliseTarget('/a/../history')?.pathname).toBe('/history');
    expect(normaliseTarget('http://example.nl//history?page=2')).toMatchObject({ pathname: '/history', search: '?page=2' });
  });

  it('refuses what is no target: a broken escape, a bare word', () => {
    expect(normaliseTarget('/%zzhistory')).toBeNull();
    expect(normaliseTarget('/history%')).toBeNull();
    expect(normaliseTarget('*')).toBeNull();
  });
});

describe('canonical addresses', () => {
  it('keeps only the parameters a route reads, in the declared order, and leaves out a default', () => {
    expect(resolve('/?fbclid=IwAR3xyz&utm_source=facebook')).toBe('/');
    expect(resolve('/en?gclid=1')).toBe('/en/');
    expect(resolve('/en/')).toBe('/en/');
    expect(resolve('/history/?page=2&product=3cx&utm_medium=x')).toBe('/history?product=3cx&page=2');
    expect(resolve('/en/history?page=1&product=')).toBe('/en/history');
    expect(resolve('/history?page=3&page=4')).toBe('/history?page=3');
    expect(resolve('/maintenance.ics?month=2026-04&x=1')).toBe('/maintenance.ics?month=2026-04');
    expect(resolve('/subscribe?sent=yes')).toBe('/subscribe?sent');
    expect(resolve('/api/v2/summary.json?callback=x')).toBe('/api/v2/summary.json');
    expect(resolve('//api/v2/incidents.json')).toBe('/api/v2/incidents.json');
    expect(resolve('/api/badges/3cx.json?style=flat')).toBe('/api/badges/3cx.json');
    expect(router.match('/api/badges/3cx/availability.json')?.params).toEqual({ slug: '3cx' });
    expect(router.match('/api/badges/status.json')?.params).toEqual({});
  });

  it('refuses a value that breaks its rule with 400, naming the parameter and the rule', () => {
    expect(resolve('/history?page=abc')).toBe('400 page wholeNumber');
    expect(resolve('/history?page=0')).toBe('400 page wholeNumber');
    expect(resolve('/history?page=1e3')).toBe('400 page wholeNumber');
    expect(resolve('/history?page=9999999999')).toBe('400 page wholeNumber');
    expect(resolve('/history?product=3CX')).toBe('400 product slug');
    expect(resolve('/maintenance.ics?month=2026-13')).toBe('400 month month');
    expect(resolve('/en/products/3cx/maintenance.ics?month=26-01')).toBe('400 month month');
  });

  it('answers a path parameter that breaks its rule with 404', () => {
    expect(resolve('/incidents/abc')).toBe('404');
    expect(resolve('/maintenance/calendar/2026-13')).toBe('404');
    expect(resolve('/products/3CX')).toBe('404');
    // A canonical id is the page's to redirect.
    expect(resolve('/incidents/00057')).toBe('/incidents/00057');
  });

  it('matches the route of every kind, in both languages, and nothing else', () => {
    const kindOf = (path: string) => router.match(path)?.route.kind ?? null;
    expect(kindOf('/en/products/3cx/incidents.rss')).toBe('feed');
    expect(kindOf('/api/v2/scheduled-maintenances/upcoming.json')).toBe('json');
    expect(kindOf('/api/v1/incidents/3/updates/4')).toBe('api');
    expect(kindOf('/admin')).toBe('console');
    expect(kindOf('/en/admin/users')).toBe('console');
    expect(kindOf('/maintenance/calendar/2026-04')).toBe('page');
    expect(router.match('/maintenance/calendar/2026-04')?.params).toEqual({ month: '2026-04' });
    for (const path of ['/api/v2/nothing.json', '/api/v1/incidents/1/nothing', '/administration', '/favicon.ico', '/products/3cx/other.rss']) expect(kindOf(path), path).toBeNull();
  });
});

describe('what exists', () => {
  const facts: RouteFacts = {
    productSlugs: async () => new Set(['3cx', 'voipnow']),
    historyPages: async (product) => (product === '3cx' ? 2 : 7),
    calendarMonths: async () => ({ first: '2024-03', last: '2027-03' }),
  };
  const exists = async (target: string) => {
    const normal = normaliseTarget(target)!;
    const match = router.match(normal.pathname)!;
    const canonical = canonicalise(match, normal.searchParams);
    if (!canonical.ok) throw new Error(`${target} is refused`);
    return (await match.route.exists?.(canonical.values, facts)) ?? true;
  };

  it('knows the history pages and products of the published state', async () => {
    expect(await exists('/history?page=7')).toBe(true);
    expect(await exists('/history?page=8')).toBe(false);
    expect(await exists('/history?page=99999999')).toBe(false);
    expect(await exists('/history?product=3cx&page=2')).toBe(true);
    expect(await exists('/history?product=3cx&page=3')).toBe(false);
    expect(await exists('/history?product=teams')).toBe(false);
    expect(await exists('/en/products/voipnow')).toBe(true);
    expect(await exists('/products/nope/incidents.rss')).toBe(false);
    expect(await exists('/maintenance/calendar/2027-03')).toBe(true);
    expect(await exists('/maintenance/calendar/2027-04')).toBe(false);
    expect(await exists('/maintenance/calendar/1900-01')).toBe(false);
  });
});

describe('the table and the route files', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
  /** "src/pages/products/[slug]/incidents.rss.ts" → "/products/[slug]/incidents.rss", as Astro names it. */
  const patternOf = (file: string) =>
    `/${relative(PAGES, file)
      .replace(/\.(astro|ts)$/, '')
      .replace(/(^|\/)index$/, '')}`.replace(/(.)\/$/, '$1');
  const routeFiles = files(PAGES).filter((f) => !relative(PAGES, f).startsWith('admin/'));

  it('has one entry per route file, and no entry without one (the console as one entry)', () => {
    const declared = ROUTES.map((r) => r.pattern).filter((p) => p !== '/admin/[...path]');
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual(routeFiles.map(patternOf).sort());
  });

  it('declares the methods each endpoint file exports', () => {
    for (const file of routeFiles.filter((f) => f.endsWith('.ts'))) {
      const exported = [...readFileSync(file, 'utf8').matchAll(/^export const (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)].map((m) => m[1]);
      const route = ROUTES.find((r) => r.pattern === patternOf(file))!;
      expect([...route.methods].sort(), patternOf(file)).toEqual(exported.sort());
    }
  });
});
