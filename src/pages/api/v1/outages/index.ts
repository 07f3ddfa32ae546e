// POST /api/v1/outages: record downtime (without end: ongoing).
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { createResource, OUTAGE } from '#src/api/resources.ts';
import { recordOutage } from '#src/outages/commands.ts';

export const POST = createResource(OUTAGE, recordOutage);
export const ALL = methodNotAllowed;
