// /api/v2/summary.json (Statuspage API v2): status, components, unresolved incidents, maintenance in progress and upcoming.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'summary');
export const OPTIONS: APIRoute = () => statuspagePreflight();
