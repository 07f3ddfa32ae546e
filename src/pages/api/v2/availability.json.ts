// /api/v2/availability.json: our addition: per product and month the SLA availability figures.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'availability');
export const OPTIONS: APIRoute = () => statuspagePreflight();
