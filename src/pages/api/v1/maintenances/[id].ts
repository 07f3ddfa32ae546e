// GET /api/v1/maintenances/{id}; PATCH edits or reschedules it (a new revision).
import { apiRoute, methodNotAllowed, pathId } from '#src/api/endpoint.ts';
import { notFound } from '#src/commands/errors.ts';
import { editMaintenance } from '#src/maintenance/commands/edit.ts';
import { maintenanceResource } from '#src/maintenance/resource.ts';

export const GET = apiRoute('maintenance', async ({ ctx, config, params }) => {
  const id = pathId(params.id, 'maintenance');
  const resource = await maintenanceResource(ctx.db, id, config.siteUrl, ctx.now);
  if (!resource) throw notFound('maintenance', id);
  return { status: 200, body: resource, version: resource.version };
});
export const PATCH = apiRoute('maintenance', async ({ ctx, config, body, params, expectedVersion }) => {
  const id = pathId(params.id, 'maintenance');
  await editMaintenance(ctx, { id, expectedVersion }, body);
  const resource = (await maintenanceResource(ctx.db, id, config.siteUrl, ctx.now))!;
  return { status: 200, body: resource, version: resource.version };
});
export const ALL = methodNotAllowed;
