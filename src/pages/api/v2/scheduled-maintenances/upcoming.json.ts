// /api/v2/scheduled-maintenances/upcoming.json (Statuspage API v2): maintenance scheduled ahead.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'scheduled-maintenances/upcoming');
export const OPTIONS: APIRoute = () => statuspagePreflight();
