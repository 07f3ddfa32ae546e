// POST /api/v1/maintenances: schedule (announce) a maintenance; the SLA rules are checked.
import { apiRoute, methodNotAllowed } from '#src/api/endpoint.ts';
import { scheduleMaintenance } from '#src/maintenance/commands/schedule.ts';
import { maintenanceResource } from '#src/maintenance/resource.ts';

export const POST = apiRoute('maintenance', async ({ ctx, config, body }) => {
  const { id } = await scheduleMaintenance(ctx, body);
  const resource = (await maintenanceResource(ctx.db, id, config.siteUrl, ctx.now))!;
  return { status: 201, body: resource, version: resource.version, location: `/api/v1/maintenances/${id}` };
});
export const ALL = methodNotAllowed;
