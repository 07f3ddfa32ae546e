// /api/v1/incidents/{id}/postmortem: GET the incident's report (draft or published); PUT
// { body, bodyEn, published } writes it (409 while the incident is open, If-Match: the
// incident's ETag). Both answer the incident with its `postmortem`.
import { apiRoute, methodNotAllowed, pathId } from '#src/api/endpoint.ts';
import { notFound } from '#src/commands/errors.ts';
import { writeIncidentReport } from '#src/incidents/commands/write-report.ts';
import { incidentResource } from '#src/incidents/resource.ts';

export const GET = apiRoute('incidents', async ({ ctx, config, params }) => {
  const id = pathId(params.id, 'incident');
  const resource = await incidentResource(ctx.db, id, config.siteUrl);
  if (!resource) throw notFound('incident', id);
  if (!resource.postmortem) throw notFound('report of incident', id);
  return { status: 200, body: resource, version: resource.version };
});
export const PUT = apiRoute('incidents', async ({ ctx, config, body, params, expectedVersion }) => {
  const id = pathId(params.id, 'incident');
  await writeIncidentReport(ctx, { id, expectedVersion }, body);
  const resource = (await incidentResource(ctx.db, id, config.siteUrl))!;
  return { status: 200, body: resource, version: resource.version };
});
export const ALL = methodNotAllowed;
