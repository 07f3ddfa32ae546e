// Error answers in two shapes, whoever sends them (the front server, the middleware, a
// route): the API's JSON `{ error: { code, message, fields } }` on /api/…, and one line of
// text elsewhere (a page's 404 is the site's not-found page instead, rendered by Astro).
// Never stored by any cache. Pure: an Answer is plain data; the front server writes it to
// a socket and a route turns it into a Response.
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import type { RuleCode } from './routes.ts';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A field of the input and the rule it broke ("page": "must be a whole number from 1"). */
export interface ErrorField {
  path: string;
  message: string;
  /** A machine-readable rule code where one exists. */
  rule?: string;
}

export const NO_STORE = 'no-store';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

/** How every JSON body of the API is written: two-space indented, with a final newline. */
export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The API's error shape. */
export function apiErrorAnswer(status: number, code: string, message: string, fields: readonly ErrorField[] = [], headers: Record<string, string> = {}): Answer {
  const listed = fields.map(({ path, message, rule }) => (rule ? { path, message, rule } : { path, message }));
  return { status, headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': NO_STORE, ...headers }, body: jsonText({ error: { code, message, fields: listed } }) };
}

/** One line of text. */
export function textAnswer(status: number, message: string, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'Content-Type': TEXT_TYPE, 'Cache-Control': NO_STORE, ...headers }, body: `${message}\n` };
}

/** As a Response (a HEAD gets the headers alone). */
export function answerResponse(answer: Answer, method = 'GET'): Response {
  return new Response(method === 'HEAD' ? null : answer.body, { status: answer.status, headers: answer.headers });
}

/** What went wrong with a request before any route ran. */
export type Problem =
  | { status: 400; parameter: { name: string; value: string; rule: RuleCode } }
  | { status: 400; unreadable: true }
  | { status: 404; path: string }
  | { status: 405 | 501; method: string; allow: string }
  | { status: 503; what: 'write' | 'page' };

const cut = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** The answer to a problem: the API's JSON shape (in English, as the whole API), else one line in the page's language. */
export function problemAnswer(problem: Problem, shape: 'json' | 'text', locale: Locale): Answer {
  const words = messages[shape === 'json' ? 'en' : locale].requests;
  const retry = { 'Retry-After': '30' };
  if ('parameter' in problem) {
    const { name, value, rule } = problem.parameter;
    if (shape === 'json') return apiErrorAnswer(400, 'invalid', `the query parameter "${name}" ${words.rules[rule]}`, [{ path: name, message: words.rules[rule] }]);
    return textAnswer(400, words.badParameter(name, cut(value, 100), words.rules[rule]));
  }
  if ('unreadable' in problem) return shape === 'json' ? apiErrorAnswer(400, 'bad_request', 'the address cannot be read') : textAnswer(400, words.badAddress);
  if (problem.status === 404) return shape === 'json' ? apiErrorAnswer(404, 'not_found', `there is nothing at ${cut(problem.path, 200)}`) : textAnswer(404, words.notFound);
  if (problem.status === 503) {
    const text = problem.what === 'write' ? words.writesUnavailable : words.noEarlierCopy;
    return shape === 'json' ? apiErrorAnswer(503, 'unavailable', text, [], retry) : textAnswer(503, text, retry);
  }
  const allow = { Allow: problem.allow };
  const method = cut(problem.method, 20);
  if (problem.status === 501) return shape === 'json' ? apiErrorAnswer(501, 'not_implemented', `the method ${method} is not implemented`, [], allow) : textAnswer(501, words.notImplemented(method), allow);
  return shape === 'json' ? apiErrorAnswer(405, 'method_not_allowed', `use ${problem.allow}`, [], allow) : textAnswer(405, words.methodNotAllowed(problem.allow), allow);
}
