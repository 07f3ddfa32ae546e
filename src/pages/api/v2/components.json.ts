// /api/v2/components.json (Statuspage API v2): product groups and products with their current status.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveStatuspage, statuspagePreflight } from '#src/statuspage/serve.ts';

export const GET: APIRoute = (context) => serveStatuspage(context, 'components');
export const OPTIONS: APIRoute = () => statuspagePreflight();
