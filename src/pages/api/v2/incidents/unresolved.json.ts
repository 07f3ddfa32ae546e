// /api/v2/incidents/unresolved.json (Statuspage API v2): incidents not yet resolved.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'incidents/unresolved');
export const OPTIONS: APIRoute = () => statuspagePreflight();
