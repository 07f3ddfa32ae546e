// The thin shell of /api/v2: load a document, answer it as JSON with the HTTP caching of
// the feeds (src/http/conditional.ts: strong ETag, Last-Modified, 304, HEAD) and the CORS
// header Statuspage's widget needs to read it from another origin. renderStatuspage is the
// same without HTTP, for a cache or an export in front of it.
import type { Database } from '#db/client.ts';
import { conditionalResponse, type Representation } from '#src/http/conditional.ts';
import type { APIContext } from 'astro';
import {
  loadActiveMaintenancesDocument,
  loadAvailabilityDocument,
  loadComponentsDocument,
  loadIncidentsDocument,
  loadScheduledMaintenancesDocument,
  loadStatusDocument,
  loadSummaryDocument,
  loadUnresolvedIncidentsDocument,
  loadUpcomingMaintenancesDocument,
  type Loaded,
  type StatuspageScope,
} from './load.ts';

/** Each document by its path under /api/v2/, without ".json". */
export const STATUSPAGE_DOCUMENTS = {
  summary: loadSummaryDocument,
  status: loadStatusDocument,
  components: loadComponentsDocument,
  incidents: loadIncidentsDocument,
  'incidents/unresolved': loadUnresolvedIncidentsDocument,
  'scheduled-maintenances': loadScheduledMaintenancesDocument,
  'scheduled-maintenances/upcoming': loadUpcomingMaintenancesDocument,
  'scheduled-maintenances/active': loadActiveMaintenancesDocument,
  availability: loadAvailabilityDocument,
} satisfies Record<string, (db: Database, scope: StatuspageScope) => Promise<Loaded<unknown>>>;

export type StatuspageDocument = keyof typeof STATUSPAGE_DOCUMENTS;

const JSON_TYPE = 'application/json; charset=utf-8';
/** As short as the incident feed's: the status is what changes. */
const MAX_AGE_SECONDS = 60;

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified',
} as const;

export async function renderStatuspage(db: Database, scope: StatuspageScope, name: StatuspageDocument): Promise<Representation> {
  const { document, lastModified } = await STATUSPAGE_DOCUMENTS[name](db, scope);
  return { body: JSON.stringify(document), contentType: JSON_TYPE, lastModified, maxAgeSeconds: MAX_AGE_SECONDS };
}

export async function serveStatuspage({ request, locals }: Pick<APIContext, 'request' | 'locals'>, name: StatuspageDocument): Promise<Response> {
  const scope = { siteUrl: locals.siteUrl, locale: 'nl' as const, settings: locals.sla, now: locals.now };
  const response = conditionalResponse(request, await renderStatuspage(locals.db, scope, name), locals.now);
  for (const [header, value] of Object.entries(CORS_HEADERS)) response.headers.set(header, value);
  return response;
}

/** A CORS preflight (a cross-origin fetch sending If-None-Match asks first). */
export function statuspagePreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD',
      'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
      'Access-Control-Max-Age': '86400',
    },
  });
}
