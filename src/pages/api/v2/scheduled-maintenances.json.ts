// /api/v2/scheduled-maintenances.json (Statuspage API v2): the 50 maintenances with the latest windows (cancelled ones left out).
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'scheduled-maintenances');
export const OPTIONS: APIRoute = () => statuspagePreflight();
