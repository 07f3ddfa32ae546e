// POST /api/v1/maintenances/{id}/cancel with { reason }.
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { changeResource, MAINTENANCE } from '#src/api/resources.ts';
import { cancelMaintenance } from '#src/maintenance/commands/cancel.ts';

export const POST = changeResource(MAINTENANCE, cancelMaintenance);
export const ALL = methodNotAllowed;
