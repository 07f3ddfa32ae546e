// GET /healthz: the process is alive and serving, for load balancers. Touches no database.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { probeResponse } from '#src/server/readiness.ts';

export const GET: APIRoute = () => probeResponse(200, 'ok');
