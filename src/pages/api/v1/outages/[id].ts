// GET /api/v1/outages/{id}; PATCH ends ({ end }) or corrects it.
import { apiRoute, methodNotAllowed, pathId } from '#src/api/endpoint.ts';
import { notFound } from '#src/commands/errors.ts';
import { correctOutage } from '#src/outages/commands.ts';
import { outageResource } from '#src/outages/resource.ts';

export const GET = apiRoute('outages', async ({ ctx, params }) => {
  const id = pathId(params.id, 'outage');
  const resource = await outageResource(ctx.db, id);
  if (!resource) throw notFound('outage', id);
  return { status: 200, body: resource, version: resource.version };
});
export const PATCH = apiRoute('outages', async ({ ctx, body, params, expectedVersion }) => {
  const id = pathId(params.id, 'outage');
  await correctOutage(ctx, { id, expectedVersion }, body);
  const resource = (await outageResource(ctx.db, id))!;
  return { status: 200, body: resource, version: resource.version };
});
export const ALL = methodNotAllowed;
