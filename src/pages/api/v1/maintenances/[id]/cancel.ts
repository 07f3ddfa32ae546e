// POST /api/v1/maintenances/{id}/cancel with { reason }.
import { apiRoute, methodNotAllowed, pathId } from '#src/api/endpoint.ts';
import { cancelMaintenance } from '#src/maintenance/commands/cancel.ts';
import { maintenanceResource } from '#src/maintenance/resource.ts';

export const POST = apiRoute('maintenance', async ({ ctx, config, body, params, expectedVersion }) => {
  const id = pathId(params.id, 'maintenance');
  await cancelMaintenance(ctx, { id, expectedVersion }, body);
  const resource = (await maintenanceResource(ctx.db, id, config.siteUrl, ctx.now))!;
  return { status: 200, body: resource, version: resource.version };
});
export const ALL = methodNotAllowed;
