// GET /api/v1/incidents/{id}; PATCH edits its title or category (If-Match: its ETag).
import { apiRoute, methodNotAllowed, pathId } from '#src/api/endpoint.ts';
import { notFound } from '#src/commands/errors.ts';
import { editIncident } from '#src/incidents/commands/edit.ts';
import { incidentResource } from '#src/incidents/resource.ts';

export const GET = apiRoute('incidents', async ({ ctx, config, params }) => {
  const id = pathId(params.id, 'incident');
  const resource = await incidentResource(ctx.db, id, config.siteUrl);
  if (!resource) throw notFound('incident', id);
  return { status: 200, body: resource, version: resource.version };
});
export const PATCH = apiRoute('incidents', async ({ ctx, config, body, params, expectedVersion }) => {
  const id = pathId(params.id, 'incident');
  await editIncident(ctx, { id, expectedVersion }, body);
  const resource = (await incidentResource(ctx.db, id, config.siteUrl))!;
  return { status: 200, body: resource, version: resource.version };
});
export const ALL = methodNotAllowed;
