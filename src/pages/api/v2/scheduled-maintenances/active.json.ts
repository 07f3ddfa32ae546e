// /api/v2/scheduled-maintenances/active.json (Statuspage API v2): maintenance in progress.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'scheduled-maintenances/active');
export const OPTIONS: APIRoute = () => statuspagePreflight();
