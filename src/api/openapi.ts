// The OpenAPI 3.1 document of the write API, generated from the same zod schemas the
// commands parse with (zod's own JSON Schema output, input side), so it cannot drift from
// what the API accepts. Served at /api/v1/openapi.json.
import { z } from 'zod';
import { alertmanagerPayload } from '#src/alertmanager/receive.ts';
import { TOKEN_SCOPES, type TokenScope } from '#src/domain/actor.ts';
import { correctUpdateInput, createIncidentInput, editIncidentInput, postUpdateInput, writeReportInput } from '#src/incidents/schema.ts';
import { setKpisInput } from '#src/kpis/set-month.ts';
import { cancelMaintenanceInput, editMaintenanceInput, scheduleMaintenanceInput } from '#src/maintenance/schema.ts';
import { correctOutageInput, recordOutageInput } from '#src/outages/schema.ts';
import { bulkSubscribersInput, MAX_SUBSCRIBERS_BODY_BYTES, newSubscriberInput } from '#src/notifications/admin-subscribers.ts';
import { MONTH_KEY_PATTERN } from '#src/time/zone.ts';
import { MAX_BODY_BYTES } from './body.ts';

interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  scope: TokenScope;
  body?: z.ZodType;
  success: number;
  /** Error statuses beyond the ones every operation has. */
  errors: number[];
  versioned?: boolean;
  /** Query parameters (a list's paging). */
  query?: { name: string; description: string; schema: object }[];
  /** What the success answers with, when not the resource. */
  answer?: string;
}

const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });

const OPERATIONS: Operation[] = [
  { method: 'post', path: '/incidents', summary: 'Open an incident with its first update', scope: 'incidents', body: createIncidentInput, success: 201, errors: [409, 422] },
  { method: 'get', path: '/incidents/{id}', summary: 'An incident with its updates', scope: 'incidents', success: 200, errors: [404] },
  { method: 'patch', path: '/incidents/{id}', summary: "Edit an incident's title or category", scope: 'incidents', body: editIncidentInput, success: 200, errors: [404, 412, 422], versioned: true },
  { method: 'post', path: '/incidents/{id}/updates', summary: 'Post an update (impacts are a delta; status resolved resolves it)', scope: 'incidents', body: postUpdateInput, success: 201, errors: [404, 409, 412, 422], versioned: true },
  { method: 'patch', path: '/incidents/{id}/updates/{updateId}', summary: 'Correct a published update (shown as edited)', scope: 'incidents', body: correctUpdateInput, success: 200, errors: [404, 412, 422], versioned: true },
  { method: 'get', path: '/incidents/{id}/postmortem', summary: "An incident with its report (draft or published)", scope: 'incidents', success: 200, errors: [404] },
  { method: 'put', path: '/incidents/{id}/postmortem', summary: 'Write the report of a resolved incident: a draft, its publication, or a correction (shown as edited)', scope: 'incidents', body: writeReportInput, success: 200, errors: [404, 409, 412, 422], versioned: true },
  { method: 'post', path: '/maintenances', summary: 'Schedule a maintenance (the SLA rules are checked)', scope: 'maintenance', body: scheduleMaintenanceInput, success: 201, errors: [409, 422] },
  { method: 'get', path: '/maintenances/{id}', summary: 'A maintenance', scope: 'maintenance', success: 200, errors: [404] },
  { method: 'patch', path: '/maintenances/{id}', summary: 'Edit or reschedule a maintenance (a new revision)', scope: 'maintenance', body: editMaintenanceInput, success: 200, errors: [404, 409, 412, 422], versioned: true },
  { method: 'post', path: '/maintenances/{id}/cancel', summary: 'Cancel a maintenance with a reason', scope: 'maintenance', body: cancelMaintenanceInput, success: 200, errors: [404, 409, 412, 422], versioned: true },
  { method: 'post', path: '/maintenances/{id}/complete', summary: 'Complete a maintenance that has begun', scope: 'maintenance', body: z.strictObject({}), success: 200, errors: [404, 409, 412], versioned: true },
  { method: 'post', path: '/outages', summary: 'Record an outage (without end: ongoing)', scope: 'outages', body: recordOutageInput, success: 201, errors: [409, 422] },
  { method: 'get', path: '/outages/{id}', summary: 'An outage', scope: 'outages', success: 200, errors: [404] },
  { method: 'patch', path: '/outages/{id}', summary: 'End or correct an outage', scope: 'outages', body: correctOutageInput, success: 200, errors: [404, 412, 422], versioned: true },
  { method: 'get', path: '/kpis/{month}', summary: "A month's KPIs", scope: 'kpis', success: 200, errors: [404] },
  { method: 'put', path: '/kpis/{month}', summary: "Set a month's call set-up time and success ratio", scope: 'kpis', body: setKpisInput, success: 200, errors: [422] },
  { method: 'post', path: '/alertmanager', summary: 'Prometheus Alertmanager webhook (payload version 4)', scope: 'alerts', body: alertmanagerPayload, success: 200, errors: [422] },
  {
    method: 'get',
    path: '/subscribers',
    summary: 'A page of the notification subscribers, addresses in full (admin role)',
    scope: 'subscribers',
    success: 200,
    errors: [422],
    query: [
      { name: 'after', description: 'The last id of the previous page (its `next` link)', schema: { type: 'integer', minimum: 0 } },
      { name: 'limit', description: 'Subscribers a page (default 100)', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
    ],
    answer: '{ subscribers: [...], next: the next page\'s path or null }',
  },
  {
    method: 'post',
    path: '/subscribers',
    summary: `Add a subscriber, or up to 10,000 as { "subscribers": [...] } (all or nothing; each problem named by its path); confirmed at once (admin role)`,
    scope: 'subscribers',
    body: z.union([newSubscriberInput, bulkSubscribersInput]),
    success: 201,
    errors: [409, 422],
    answer: '{ ids: [...], secrets: { id: signing secret of each webhook added } }',
  },
  { method: 'delete', path: '/subscribers/{id}', summary: 'Remove a subscriber and its unsent notifications (admin role)', scope: 'subscribers', success: 204, errors: [404] },
];

const ERROR_TEXT: Record<number, string> = {
  400: 'The body is not valid JSON',
  401: 'No token, or an unknown, expired or revoked one',
  403: 'The token lacks the scope',
  404: 'No such resource',
  409: 'The state forbids it (e.g. an update after the resolution, a report before it), or the externalId is already used by another of its kind',
  412: 'If-Match names an older version',
  413: `The body is over ${MAX_BODY_BYTES} bytes (${MAX_SUBSCRIBERS_BODY_BYTES} for subscribers)`,
  415: 'The body is not application/json',
  422: 'A field breaks a rule; each is named in error.fields',
  429: 'Too many requests with this token; see Retry-After',
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'fields'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' }, rule: { type: 'string' } } } },
      },
    },
  },
};

function parametersOf(op: Operation) {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const path = names.map((n) => (n === 'month' ? { name: n, in: 'path', required: true, schema: { type: 'string', pattern: MONTH_KEY_PATTERN } } : id(n)));
  const headers = [
    ...(op.versioned ? [{ name: 'If-Match', in: 'header', required: false, description: 'The ETag last seen; 412 when the resource changed since', schema: { type: 'string' } }] : []),
    ...(op.query ?? []).map((q) => ({ ...q, in: 'query', required: false })),
    ...(op.method === 'post' ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'A retry with the same key and body within 24 h returns the first answer and writes nothing', schema: { type: 'string', maxLength: 255 } }] : []),
  ];
  return [...path, ...headers];
}

export function openApiDocument(siteUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const statuses = [...new Set([400, 401, 403, 413, 415, 429, ...op.errors])].filter((s) => op.body || ![400, 413, 415].includes(s)).sort();
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      security: [{ bearer: [op.scope] }],
      parameters: parametersOf(op),
      ...(op.body && { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }) } } } }),
      responses: {
        [op.success]:
          op.success === 204
            ? { description: 'Done; no body' }
            : op.answer
              ? { description: op.answer, content: { 'application/json': { schema: { type: 'object' } } } }
              : { description: 'The resource, with its id, externalId and version', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'object' } } } },
        ...Object.fromEntries(statuses.map((s) => [s, { description: ERROR_TEXT[s], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Status page write API', version: '1', description: 'Write commands for incidents, maintenance, outages and KPIs, and the notification subscribers. Tokens: `npm run -s token -- create`.' },
    servers: [{ url: `${siteUrl}/api/v1` }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: `Scopes: ${TOKEN_SCOPES.join(', ')}` } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
