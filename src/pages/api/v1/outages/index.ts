// POST /api/v1/outages: record downtime (without end: ongoing).
import { apiRoute, methodNotAllowed } from '#src/api/endpoint.ts';
import { recordOutage } from '#src/outages/commands.ts';
import { outageResource } from '#src/outages/resource.ts';

export const POST = apiRoute('outages', async ({ ctx, body }) => {
  const { id } = await recordOutage(ctx, body);
  const resource = (await outageResource(ctx.db, id))!;
  return { status: 201, body: resource, version: resource.version, location: `/api/v1/outages/${id}` };
});
export const ALL = methodNotAllowed;
