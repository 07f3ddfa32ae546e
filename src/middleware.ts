// Every public HTML page may be cached briefly: the status changes, but a visitor, a proxy
// or a CDN may serve a page up to 30 s old. Set here, on the finished response, because a
// page streams its head before its components have run. Feeds set their own.
import { defineMiddleware } from 'astro:middleware';
import { crossSiteForbidden, isForbiddenCrossSite } from '#src/http/origin-check.ts';

export const PAGE_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=30';

export const onRequest = defineMiddleware(async (context, next) => {
  if (isForbiddenCrossSite(context.request, context.url)) return crossSiteForbidden(context.request);
  const response = await next();
  const html = response.headers.get('content-type')?.startsWith('text/html');
  if (html && !response.headers.has('cache-control')) {
    response.headers.set('Cache-Control', response.status === 200 ? PAGE_CACHE_CONTROL : 'no-store');
  }
  return response;
});
