// GET /api/v1/outages/{id}; PATCH ends ({ end }) or corrects it.
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { changeResource, OUTAGE, readResource } from '#src/api/resources.ts';
import { correctOutage } from '#src/outages/commands.ts';

export const GET = readResource(OUTAGE);
export const PATCH = changeResource(OUTAGE, correctOutage);
export const ALL = methodNotAllowed;
