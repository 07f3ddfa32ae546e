// Error answers (src/http/errors.ts): the API's JSON shape `{ error: { code, message,
// fields } }` in English, one line of text in the page's language elsewhere; never stored;
// Allow and Retry-After where they belong; a HEAD gets the headers alone.
import { describe, expect, it } from 'vitest';
import { answerResponse, apiErrorAnswer, problemAnswer, textAnswer } from '#src/http/errors.ts';

describe('error answers', () => {
  it('writes the API shape, fields with a rule only where one is given', () => {
    const answer = apiErrorAnswer(422, 'invalid', 'the input breaks a rule', [{ path: 'start', message: 'too soon', rule: 'notice_too_short' }, { path: 'title', message: 'must not be empty' }]);
    expect(answer.status).toBe(422);
    expect(answer.headers).toEqual({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'invalid',
        message: 'the input breaks a rule',
        fields: [
          { path: 'start', message: 'too soon', rule: 'notice_too_short' },
          { path: 'title', message: 'must not be empty' },
        ],
      },
    });
    expect(answer.body.endsWith('}\n')).toBe(true);
  });

  it('words a broken parameter in the page language, and in English JSON on the API', () => {
    const problem = { status: 400, parameter: { name: 'page', value: 'abc', rule: 'wholeNumber' } } as const;
    expect(problemAnswer(problem, 'text', 'nl').body).toBe('Ongeldige parameter "page" ("abc"): moet een heel getal vanaf 1 zijn.\n');
    expect(problemAnswer(problem, 'text', 'en').body).toBe('Invalid parameter "page" ("abc"): must be a whole number from 1.\n');
    expect(JSON.parse(problemAnswer(problem, 'json', 'nl').body)).toEqual({
      error: { code: 'invalid', message: 'the query parameter "page" must be a whole number from 1', fields: [{ path: 'page', message: 'must be a whole number from 1' }] },
    });
    // What a visitor sent is cut to 100 characters and an ellipsis: 27 + 101 + 35 characters.
    expect(problemAnswer({ status: 400, parameter: { name: 'page', value: 'x'.repeat(5000), rule: 'wholeNumber' } }, 'text', 'en').body).toHaveLength(163);
  });

  it('answers 404, 405 and 501 with Allow, 503 with Retry-After', () => {
    expect(JSON.parse(problemAnswer({ status: 404, path: '/api/v2/nothing.json' }, 'json', 'en').body).error).toEqual({ code: 'not_found', message: 'there is nothing at /api/v2/nothing.json', fields: [] });
    const refused = problemAnswer({ status: 405, method: 'PUT', allow: 'GET, HEAD, OPTIONS' }, 'text', 'nl');
    expect([refused.status, refused.headers.Allow, refused.body]).toEqual([405, 'GET, HEAD, OPTIONS', 'Deze methode kan hier niet. Wel: GET, HEAD, OPTIONS.\n']);
    const unknown = problemAnswer({ status: 501, method: 'PROPFIND', allow: 'POST, OPTIONS' }, 'json', 'nl');
    expect([unknown.status, unknown.headers.Allow, JSON.parse(unknown.body).error.code]).toEqual([501, 'POST, OPTIONS', 'not_implemented']);
    const away = problemAnswer({ status: 503, what: 'write' }, 'text', 'en');
    expect([away.headers['Retry-After'], away.headers['Cache-Control'], away.body]).toEqual(['30', 'no-store', 'The database does not answer right now; nothing was saved. Try again in a moment.\n']);
  });

  it('makes a Response, without a body for HEAD', async () => {
    expect(await answerResponse(textAnswer(404, 'Niet gevonden.')).text()).toBe('Niet gevonden.\n');
    const head = answerResponse(textAnswer(404, 'Niet gevonden.'), 'HEAD');
    expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([404, 'text/plain; charset=utf-8', '']);
  });
});
