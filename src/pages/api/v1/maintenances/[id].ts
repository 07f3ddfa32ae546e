// GET /api/v1/maintenances/{id}; PATCH edits or reschedules it (a new revision).
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { changeResource, MAINTENANCE, readResource } from '#src/api/resources.ts';
import { editMaintenance } from '#src/maintenance/commands/edit.ts';

export const GET = readResource(MAINTENANCE);
export const PATCH = changeResource(MAINTENANCE, editMaintenance);
export const ALL = methodNotAllowed;
