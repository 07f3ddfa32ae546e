// POST /api/v1/incidents/{id}/updates: a new update (status resolved resolves it).
import { apiRoute, methodNotAllowed, pathId } from '#src/api/endpoint.ts';
import { postIncidentUpdate } from '#src/incidents/commands/post-update.ts';
import { incidentResource } from '#src/incidents/resource.ts';

export const POST = apiRoute('incidents', async ({ ctx, config, body, params, expectedVersion }) => {
  const id = pathId(params.id, 'incident');
  const { updateId } = await postIncidentUpdate(ctx, { id, expectedVersion }, body);
  const resource = (await incidentResource(ctx.db, id, config.siteUrl))!;
  return { status: 201, body: resource, version: resource.version, location: `/api/v1/incidents/${id}#update-${updateId}` };
});
export const ALL = methodNotAllowed;
