// POST /api/v1/incidents: open an incident with its first update.
import { apiRoute, methodNotAllowed } from '#src/api/endpoint.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { incidentResource } from '#src/incidents/resource.ts';

export const POST = apiRoute('incidents', async ({ ctx, config, body }) => {
  const { id } = await createIncident(ctx, body);
  const resource = (await incidentResource(ctx.db, id, config.siteUrl))!;
  return { status: 201, body: resource, version: resource.version, location: `/api/v1/incidents/${id}` };
});
export const ALL = methodNotAllowed;
