// POST /api/v1/maintenances/{id}/complete: once the window has begun.
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { changeResource, MAINTENANCE } from '#src/api/resources.ts';
import { completeMaintenance } from '#src/maintenance/commands/complete.ts';

export const POST = changeResource(MAINTENANCE, completeMaintenance);
export const ALL = methodNotAllowed;
