// Cache-Control per class of route (src/http/cache.ts): public pages briefly, feeds as they
// say, the console and the write API never, and no error ever.
import { describe, expect, it } from 'vitest';
import { cacheControlFor, NO_STORE, PAGE_CACHE_CONTROL, routeClass } from '#src/http/cache.ts';

describe('routeClass', () => {
  it('tells pages, feeds and private routes apart by the path without its language prefix', () => {
    for (const path of ['/', '/history', '/incidents/12', '/products/3cx', '/maintenance', '/administration', '/api/v2/status.json']) {
      expect(routeClass(path), path).toBe('page');
    }
    for (const path of ['/incidents.rss', '/maintenance.ics', '/products/3cx/maintenance.rss']) expect(routeClass(path), path).toBe('feed');
    for (const path of ['/admin', '/admin/', '/admin/incidents/3', '/api/v1', '/api/v1/incidents']) expect(routeClass(path), path).toBe('private');
  });
});

describe('cacheControlFor', () => {
  it('lets a public page be cached 30 s, and nothing else a page answers', () => {
    expect(cacheControlFor('page', 200, null)).toBe(PAGE_CACHE_CONTROL);
    expect(PAGE_CACHE_CONTROL).toBe('public, max-age=30, stale-while-revalidate=30, stale-if-error=86400');
    expect(cacheControlFor('page', 302, null)).toBe(NO_STORE);
    expect(cacheControlFor('page', 404, null)).toBe(NO_STORE);
  });

  it('keeps what a feed says, except on an error', () => {
    expect(cacheControlFor('feed', 200, 'public, max-age=300')).toBe('public, max-age=300');
    expect(cacheControlFor('feed', 304, 'public, max-age=60')).toBe('public, max-age=60');
    expect(cacheControlFor('feed', 404, 'public, max-age=300')).toBe(NO_STORE);
    expect(cacheControlFor('feed', 500, null)).toBe(NO_STORE);
  });

  it('never lets the console or the write API be stored, whatever the route set', () => {
    expect(cacheControlFor('private', 200, null)).toBe(NO_STORE);
    expect(cacheControlFor('private', 200, 'public, max-age=30')).toBe(NO_STORE);
    expect(cacheControlFor('private', 401, null)).toBe(NO_STORE);
  });

  it('stores no error, even one the route marked public', () => {
    for (const status of [400, 404, 410, 500, 503]) expect(cacheControlFor('page', status, 'public, max-age=30'), String(status)).toBe(NO_STORE);
  });
});
