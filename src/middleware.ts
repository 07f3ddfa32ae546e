// Every request, in two steps:
// 1. language: a cross-site form post is refused (src/http/origin-check.ts); /en/… is the
//    same route as /… with the locale English, reached by a rewrite (the address stays
//    /en/…), so every page and feed exists once (src/pages/**);
// 2. context: the request context on Astro.locals (src/http/context.ts), built from the
//    booted runtime; the private side's gate (src/http/private.ts: network, session); and on
//    the way out Cache-Control by the class of route (src/http/cache.ts).
// Two handlers in a sequence, because a rewrite in the first gives the second, and the
// endpoint, the rewritten URL and route parameters.
import { defineMiddleware, sequence } from 'astro:middleware';
import { cacheControlFor, routeClass } from '#src/http/cache.ts';
import type { RequestContext } from '#src/http/context.ts';
import { splitLocale } from '#src/http/locale.ts';
import { crossSiteForbidden, isForbiddenCrossSite } from '#src/http/origin-check.ts';
import { guardPrivate, isPrivatePath } from '#src/http/private.ts';
import { slaSettingsOf } from '#src/config/environment.ts';
import { getRuntime } from '#src/config/runtime.ts';

const language = defineMiddleware((context, next) => {
  if (isForbiddenCrossSite(context.request, context.url)) return crossSiteForbidden(context.request);
  const { locale, path } = splitLocale(context.url.pathname);
  context.locals.locale = locale;
  return path === context.url.pathname ? next() : next(path + context.url.search);
});

const requestContext = defineMiddleware(async (context, next) => {
  const runtime = getRuntime();
  const { config, database, clock } = runtime;
  const request: RequestContext = {
    db: database.db,
    now: clock(),
    sla: slaSettingsOf(config),
    siteUrl: config.siteUrl,
    locale: context.locals.locale,
    config,
    runtime,
  };
  Object.assign(context.locals, request);
  if (isPrivatePath(context.url.pathname)) {
    const gate = await guardPrivate(context);
    if ('stop' in gate) return gate.stop;
    context.locals.consoleUser = gate.user;
  }
  const response = await next();
  // Astro names no charset on pages; every text answer says UTF-8.
  if (response.headers.get('content-type') === 'text/html') response.headers.set('Content-Type', 'text/html; charset=utf-8');
  response.headers.set('Cache-Control', cacheControlFor(routeClass(context.url.pathname), response.status, response.headers.get('cache-control')));
  return response;
});

export const onRequest = sequence(language, requestContext);
