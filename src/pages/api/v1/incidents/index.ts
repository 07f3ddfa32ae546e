// POST /api/v1/incidents: open an incident with its first update.
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { createResource, INCIDENT } from '#src/api/resources.ts';
import { createIncident } from '#src/incidents/commands/create.ts';

export const POST = createResource(INCIDENT, createIncident);
export const ALL = methodNotAllowed;
