// The thin shell of the badges: load what the badge says, answer it as SVG or as a
// shields.io endpoint document, with validators (ETag, 304), the public routes'
// Cache-Control, and Access-Control-Allow-Origin: * so any page or service may read it.
// A product slug that does not exist answers 404.
import type { APIContext } from 'astro';
import { conditionalResponse } from '#src/http/conditional.ts';
import { answerResponse, textAnswer } from '#src/http/errors.ts';
import { PAGE_CACHE_CONTROL } from '#src/http/cache.ts';
import { messages } from '#src/i18n/messages.ts';
import { loadBadge, type BadgeRequest } from './load.ts';
import { badgeSvg, shieldsEndpoint } from './svg.ts';

export type BadgeFormat = 'svg' | 'shields';

const CONTENT_TYPE: Readonly<Record<BadgeFormat, string>> = { svg: 'image/svg+xml; charset=utf-8', shields: 'application/json; charset=utf-8' };

export async function serveBadge({ request, locals }: Pick<APIContext, 'request' | 'locals'>, which: BadgeRequest, format: BadgeFormat): Promise<Response> {
  const badge = await loadBadge(locals, locals.locale, which);
  if (!badge) {
    return answerResponse(textAnswer(404, messages[locals.locale].feeds.unknownProduct, { 'Access-Control-Allow-Origin': '*' }), request.method);
  }
  const body = format === 'svg' ? badgeSvg(badge) : JSON.stringify(shieldsEndpoint(badge));
  const response = conditionalResponse(request, { body, contentType: CONTENT_TYPE[format], lastModified: null, maxAgeSeconds: 30 }, locals.now);
  response.headers.set('Cache-Control', PAGE_CACHE_CONTROL);
  response.headers.set('Access-Control-Allow-Origin', '*');
  return response;
}
