// Every request: refuse a cross-site form post (src/http/origin-check.ts), build the
// request context on Astro.locals (src/http/context.ts) from the booted runtime, let the
// private side's gate (src/http/private.ts) check the network and the session, then decide
// Cache-Control by the class of route (src/http/cache.ts).
import { defineMiddleware } from 'astro:middleware';
import { cacheControlFor, routeClass } from '#src/http/cache.ts';
import type { RequestContext } from '#src/http/context.ts';
import { splitLocale } from '#src/http/locale.ts';
import { crossSiteForbidden, isForbiddenCrossSite } from '#src/http/origin-check.ts';
import { guardPrivate, isPrivatePath } from '#src/http/private.ts';
import { slaSettingsOf } from '#src/server/config.ts';
import { getRuntime } from '#src/server/runtime.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  if (isForbiddenCrossSite(context.request, context.url)) return crossSiteForbidden(context.request);
  const { config, database, clock } = getRuntime();
  const { locale, path } = splitLocale(context.url.pathname);
  const request: RequestContext = { db: database.db, now: clock(), sla: slaSettingsOf(config), siteUrl: config.siteUrl, locale };
  Object.assign(context.locals, request);
  if (isPrivatePath(context.url.pathname)) {
    const gate = await guardPrivate(context);
    if ('stop' in gate) return gate.stop;
    context.locals.consoleUser = gate.user;
  }
  const response = await next();
  response.headers.set('Cache-Control', cacheControlFor(routeClass(path), response.status, response.headers.get('cache-control')));
  return response;
});
