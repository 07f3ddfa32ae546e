// JSON answers of the write API: the resource, or `{ error: { code, message, fields } }`
// with the status that says what went wrong. Private: never stored by any cache.
import type { CommandError, CommandErrorCode, FieldProblem } from '#src/commands/errors.ts';
import { answerResponse, apiErrorAnswer, JSON_TYPE, jsonText, NO_STORE } from '#src/http/errors.ts';

export const API_HEADERS = { 'Content-Type': JSON_TYPE, 'Cache-Control': NO_STORE } as const;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : jsonText(body), { status, headers: { ...API_HEADERS, ...headers } });
}

/** The codes of the API's errors: a command's, and the HTTP layer's (src/http/errors.ts). */
export type ApiErrorCode =
  | CommandErrorCode
  | 'malformed_json'
  | 'unauthorized'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'method_not_allowed'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_use'
  | 'internal';

/** The API's error shape `{ error: { code, message, fields } }` (src/http/errors.ts). */
export function apiError(status: number, code: ApiErrorCode, message: string, fields: FieldProblem[] = [], headers: Record<string, string> = {}): Response {
  return answerResponse(apiErrorAnswer(status, code, message, fields, headers));
}

const STATUS_OF: Record<CommandErrorCode, number> = { invalid: 422, rule_broken: 422, forbidden: 403, not_found: 404, conflict: 409, stale: 412 };

export function commandErrorResponse(error: CommandError): Response {
  return apiError(STATUS_OF[error.code], error.code, error.message, error.fields);
}

/** The ETag of a versioned resource, and the version an If-Match names. */
export const etagOf = (version: number) => `"v${version}"`;

/** undefined: no If-Match (or `*`); NaN: one that names no version of ours (always stale). */
export function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get('if-match');
  if (!header || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"v(\d{1,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : Number.NaN;
}
