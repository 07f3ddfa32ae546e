// GET /api/v1/incidents/{id}; PATCH edits its title or category (If-Match: its ETag).
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { changeResource, INCIDENT, readResource } from '#src/api/resources.ts';
import { editIncident } from '#src/incidents/commands/edit.ts';

export const GET = readResource(INCIDENT);
export const PATCH = changeResource(INCIDENT, editIncident);
export const ALL = methodNotAllowed;
