// /api/v2/status.json (Statuspage API v2): the page status indicator and its description.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'status');
export const OPTIONS: APIRoute = () => statuspagePreflight();
