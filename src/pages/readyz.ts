// GET /readyz: 200 when the database answers and its migrations are the committed ones,
// 503 with the reason in one line otherwise (src/server/readiness.ts).
import type { APIRoute } from 'astro';
import { checkReadiness, probeResponse } from '#src/server/readiness.ts';

export const GET: APIRoute = async ({ locals }) => {
  const readiness = await checkReadiness(locals.db, locals.runtime.migrations);
  return readiness.ready ? probeResponse(200, 'ready') : probeResponse(503, readiness.reason);
};
