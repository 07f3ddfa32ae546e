// /api/v1/incidents/{id}/postmortem: GET the incident's report (draft or published); PUT
// { body, bodyEn, published } writes it (409 while the incident is open, If-Match: the
// incident's ETag). Both answer the incident with its `postmortem`.
import { methodNotAllowed } from '#src/api/endpoint.ts';
import { changeResource, INCIDENT, readResource } from '#src/api/resources.ts';
import { writeIncidentReport } from '#src/incidents/commands/write-report.ts';

export const GET = readResource(INCIDENT, (incident) => (incident.postmortem ? null : 'report of incident'));
export const PUT = changeResource(INCIDENT, writeIncidentReport);
export const ALL = methodNotAllowed;
