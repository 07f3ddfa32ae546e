// PATCH /api/v1/incidents/{id}/updates/{updateId}: correct a published update.
import { apiRoute, methodNotAllowed, pathId } from '#src/api/endpoint.ts';
import { correctIncidentUpdate } from '#src/incidents/commands/correct-update.ts';
import { incidentResource } from '#src/incidents/resource.ts';

export const PATCH = apiRoute('incidents', async ({ ctx, config, body, params, expectedVersion }) => {
  const id = pathId(params.id, 'incident');
  const updateId = pathId(params.updateId, 'update');
  await correctIncidentUpdate(ctx, { id, updateId, expectedVersion }, body);
  const resource = (await incidentResource(ctx.db, id, config.siteUrl))!;
  return { status: 200, body: resource, version: resource.version };
});
export const ALL = methodNotAllowed;
