// POST /api/v1/maintenances: schedule (announce) a maintenance; the SLA rules are checked.
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { createResource, MAINTENANCE } from '#src/api/resources.ts';
import { scheduleMaintenance } from '#src/maintenance/commands/schedule.ts';

export const POST = createResource(MAINTENANCE, scheduleMaintenance);
export const ALL = methodNotAllowed;
