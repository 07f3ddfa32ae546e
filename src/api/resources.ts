// The write API's versioned resources (an incident, a maintenance, an outage) and the three
// things a route does with one: read it by its path id, create it, or run one command on it
// with the If-Match version. Every answer is the resource as it stands after the write, with
// its version for the ETag, so a route file names only the resource and its command.
import type { APIRoute } from 'astro';
import { notFound } from '#src/commands/errors.ts';
import type { CommandContext } from '#src/commands/run.ts';
import type { TokenScope } from '#src/domain/actor.ts';
import type { VersionedTarget } from '#src/incidents/commands/post-update.ts';
import { incidentResource } from '#src/incidents/resource.ts';
import { maintenanceResource } from '#src/maintenance/resource.ts';
import { outageResource } from '#src/outages/resource.ts';
import { apiRoute, pathId, type ApiRequest } from './endpoint.ts';

export interface ApiResource<R extends { version: number }> {
  scope: TokenScope;
  /** What a 404 calls it: "incident". */
  name: string;
  /** Its collection: a created one is at `${path}/${id}`. */
  path: string;
  load(request: ApiRequest, id: number): Promise<R | null>;
}

export const INCIDENT = resource('incidents', 'incident', '/api/v1/incidents', ({ ctx, config }, id) => incidentResource(ctx.db, id, config.siteUrl));
export const MAINTENANCE = resource('maintenance', 'maintenance', '/api/v1/maintenances', ({ ctx, config }, id) => maintenanceResource(ctx.db, id, config.siteUrl, ctx.now));
export const OUTAGE = resource('outages', 'outage', '/api/v1/outages', ({ ctx }, id) => outageResource(ctx.db, id));

function resource<R extends { version: number }>(scope: TokenScope, name: string, path: string, load: ApiResource<R>['load']): ApiResource<R> {
  return { scope, name, path, load };
}

/** GET: the resource its path names; 404 when there is none, or when `lacks` names a part it does not have yet. */
export function readResource<R extends { version: number }>(resource: ApiResource<R>, lacks?: (found: R) => string | null): APIRoute {
  return apiRoute(resource.scope, async (request) => {
    const id = pathId(request.params.id, resource.name);
    const found = await resource.load(request, id);
    if (!found) throw notFound(resource.name, id);
    const missing = lacks?.(found);
    if (missing) throw notFound(missing, id);
    return { status: 200, body: found, version: found.version };
  });
}

/** POST to the collection: 201 with the new resource and its Location. */
export function createResource<R extends { version: number }>(resource: ApiResource<R>, command: (ctx: CommandContext, input: unknown) => Promise<{ id: number }>): APIRoute {
  return apiRoute(resource.scope, async (request) => {
    const { id } = await command(request.ctx, request.body);
    const created = (await resource.load(request, id))!;
    return { status: 201, body: created, version: created.version, location: `${resource.path}/${id}` };
  });
}

/** A command on the resource its path names, at the version If-Match gives: 200 with the resource after it. */
export function changeResource<R extends { version: number }>(resource: ApiResource<R>, command: (ctx: CommandContext, target: VersionedTarget, input: unknown) => Promise<unknown>): APIRoute {
  return apiRoute(resource.scope, async (request) => {
    const id = pathId(request.params.id, resource.name);
    await command(request.ctx, { id, expectedVersion: request.expectedVersion }, request.body);
    const changed = (await resource.load(request, id))!;
    return { status: 200, body: changed, version: changed.version };
  });
}
