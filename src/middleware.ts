// Every public HTML page may be cached briefly: the status changes, but a visitor, a proxy
// or a CDN may serve a page up to 30 s old. Set here, on the finished response, because a
// page streams its head before its components have run. Feeds set their own.
import { defineMiddleware } from 'astro:middleware';
import { crossSiteForbidden, isForbiddenCrossSite } from '#src/http/origin-check.ts';
import { PRIVATE_CACHE_CONTROL, guardPrivate, isPrivatePath } from '#src/http/private.ts';

export const PAGE_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=30';

export const onRequest = defineMiddleware(async (context, next) => {
  if (isForbiddenCrossSite(context.request, context.url)) return crossSiteForbidden(context.request);
  if (isPrivatePath(context.url.pathname)) {
    const gate = await guardPrivate(context);
    if ('stop' in gate) return gate.stop;
    context.locals.consoleUser = gate.user;
    const response = await next();
    response.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
    return response;
  }
  const response = await next();
  const html = response.headers.get('content-type')?.startsWith('text/html');
  if (html && !response.headers.has('cache-control')) {
    response.headers.set('Cache-Control', response.status === 200 ? PAGE_CACHE_CONTROL : 'no-store');
  }
  return response;
});
