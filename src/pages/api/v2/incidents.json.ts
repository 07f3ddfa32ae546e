// /api/v2/incidents.json (Statuspage API v2): the 50 most recently reported incidents.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'incidents');
export const OPTIONS: APIRoute = () => statuspagePreflight();
