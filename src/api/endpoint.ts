// One wrapper for every /api/v1 route, so a route file only maps its request to one
// command: bearer authentication (401 with WWW-Authenticate), the token's scope (403), the
// per-token rate (429 with Retry-After), the JSON body (400/413/415), Idempotency-Key on
// POST, If-Match, and CommandError → status. Anything unexpected is logged without the
// request's content and answered 500 without a stack trace.
import { parseId } from '#src/domain/ids.ts';
import type { APIContext, APIRoute } from 'astro';
import type { TokenScope } from '#src/domain/actor.ts';
import { authenticateBearer, type TokenRefusal } from '#src/auth/authenticate.ts';
import { CommandError } from '#src/commands/errors.ts';
import type { CommandContext } from '#src/commands/run.ts';
import type { Config } from '#src/config/environment.ts';
import { allowHeader } from '#src/http/methods.ts';
import { routeByPattern } from '#src/http/route-table.ts';
import { readJsonBody } from './body.ts';
import { claimKey } from './idempotency.ts';
import { RateLimiter } from './rate-limit.ts';
import { apiError, commandErrorResponse, etagOf, ifMatchVersion, json } from './respond.ts';

export interface ApiRequest {
  ctx: CommandContext;
  config: Config;
  body: unknown;
  params: APIContext['params'];
  /** The request's URL (its query: a list's page). */
  url: URL;
  /** The version If-Match names; undefined without one. */
  expectedVersion: number | undefined;
}

export interface ApiResult {
  status: number;
  body: unknown;
  /** The resource's version, for the ETag. */
  version?: number;
  /** Path of a created resource (201). */
  location?: string;
}

const REFUSAL_TEXT: Record<TokenRefusal, string> = {
  missing: 'send an API token: Authorization: Bearer <token>',
  malformed: 'the Authorization header must be "Bearer <token>" with a token made by `npm run token -- create`',
  unknown: 'the token is not known',
  expired: 'the token has expired',
  revoked: 'the token was revoked',
  disabled: 'the token belongs to a disabled user',
};

let limiter: RateLimiter | undefined;

export function apiRoute(scope: TokenScope, handler: (request: ApiRequest) => Promise<ApiResult>, { maxBodyBytes }: { maxBodyBytes?: number } = {}): APIRoute {
  return async (context) => {
    const { request } = context;
    const { db, now, config } = context.locals;
    try {
      const auth = await authenticateBearer(db, request.headers.get('authorization'), now);
      if (!auth.ok) {
        const challenge = auth.reason === 'missing' ? 'Bearer realm="api"' : 'Bearer realm="api", error="invalid_token"';
        return apiError(401, 'unauthorized', REFUSAL_TEXT[auth.reason], [], { 'WWW-Authenticate': challenge });
      }
      const { actor } = auth;
      if (!actor.token!.scopes.includes(scope)) {
        return apiError(403, 'forbidden', `the token lacks the scope "${scope}" (it has: ${actor.token!.scopes.join(', ') || 'none'})`);
      }
      limiter ??= new RateLimiter(config.apiRateLimit);
      const wait = limiter.take(actor.token!.id, +now);
      if (wait !== null) return apiError(429, 'rate_limited', `more than ${config.apiRateLimit} requests a minute with this token`, [], { 'Retry-After': String(wait) });

      let body: unknown;
      let text = '';
      // A DELETE names its resource in the path: no body is read.
      if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'DELETE') {
        const read = await readJsonBody(request, maxBodyBytes);
        if (!read.ok) return read.response;
        body = read.value;
        text = read.text;
      }
      const expectedVersion = ifMatchVersion(request);
      const run = async () => {
        const result = await handler({ ctx: { db, actor, now }, config, body, params: context.params, url: context.url, expectedVersion });
        const headers: Record<string, string> = {};
        if (result.version !== undefined) headers.ETag = etagOf(result.version);
        if (result.location) headers.Location = new URL(result.location, config.siteUrl).toString();
        return json(result.status, result.body, headers);
      };
      const key = request.method === 'POST' ? request.headers.get('idempotency-key') : null;
      if (key === null) return await run();
      const claim = await claimKey(db, actor.token!.id, key, request, text, now);
      if (claim.kind === 'answered') return claim.response;
      let response: Response;
      try {
        response = await run();
      } catch (error) {
        await claim.finish(apiError(500, 'internal', '')).catch(() => {});
        throw error;
      }
      return await claim.finish(response);
    } catch (error) {
      if (error instanceof CommandError) return commandErrorResponse(error);
      console.error(`api: ${request.method} ${new URL(request.url).pathname} failed: ${(error as Error).message}`);
      return apiError(500, 'internal', 'the server failed to handle this request; nothing was written');
    }
  };
}

/**
 * For the methods a route does not serve: 405 naming those its declaration
 * (src/http/route-table.ts) gives. The front server answers so before the route is reached;
 * this is the same answer where no front server runs (`astro dev`).
 */
export const methodNotAllowed: APIRoute = ({ routePattern }) => {
  const allow = allowHeader(routeByPattern(routePattern)?.methods ?? []);
  return apiError(405, 'method_not_allowed', `use ${allow}`, [], { Allow: allow });
};

/** A path id: a positive whole number, else the resource cannot exist (404). */
export function pathId(value: string | undefined, what: string): number {
  const id = parseId(value) ?? 0;
  if (id < 1) throw new CommandError('not_found', `${what} ${value} does not exist`);
  return id;
}
