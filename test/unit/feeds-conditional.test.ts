// HTTP caching of the feeds (src/feeds/conditional.ts): ETag from the body, Last-Modified
// from the data, 304 for a matching If-None-Match or a recent enough If-Modified-Since,
// HEAD without a body.
import { describe, expect, it } from 'vitest';
import { conditionalResponse, entityTag, type Representation } from '#src/feeds/conditional.ts';

const representation: Representation = {
  body: 'BEGIN:VCALENDAR\r\nX-TEXT:café 🎉\r\nEND:VCALENDAR\r\n',
  contentType: 'text/calendar; charset=utf-8',
  lastModified: new Date('2026-03-05T09:15:42.500Z'),
  maxAgeSeconds: 300,
};
const lastModified = 'Thu, 05 Mar 2026 09:15:42 GMT';

const send = (headers: Record<string, string> = {}, method = 'GET', rep = representation) =>
  conditionalResponse({ method, headers: new Headers(headers) }, rep);

describe('conditional responses', () => {
  it('answers 200 with the body, its type and length, a strong ETag, Last-Modified and a short Cache-Control', async () => {
    const response = send();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(representation.body)));
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(response.headers.get('last-modified')).toBe(lastModified);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toBe(representation.body);
  });

  it('derives the ETag from the body alone', () => {
    expect(entityTag(representation.body)).toBe(entityTag(`${representation.body}`));
    expect(entityTag(representation.body)).not.toBe(entityTag(`${representation.body} `));
  });

  it('answers 304 without a body to a matching If-None-Match (exact, weak, in a list, or *)', async () => {
    const etag = entityTag(representation.body);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = send({ 'If-None-Match': header });
      expect(response.status, header).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('last-modified')).toBe(lastModified);
      expect(await response.text()).toBe('');
    }
    expect(send({ 'If-None-Match': '"other"' }).status).toBe(200);
  });

  it('answers 304 to an If-Modified-Since at or after the last change, to the second', () => {
    expect(send({ 'If-Modified-Since': lastModified }).status).toBe(304);
    expect(send({ 'If-Modified-Since': 'Thu, 05 Mar 2026 10:00:00 GMT' }).status).toBe(304);
    expect(send({ 'If-Modified-Since': 'Thu, 05 Mar 2026 09:15:41 GMT' }).status).toBe(200);
    expect(send({ 'If-Modified-Since': 'not a date' }).status).toBe(200);
    expect(send({ 'If-Modified-Since': lastModified }, 'GET', { ...representation, lastModified: null }).status).toBe(200);
  });

  it('lets If-None-Match win over If-Modified-Since', () => {
    expect(send({ 'If-None-Match': '"other"', 'If-Modified-Since': lastModified }).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body, and 304 to HEAD as to GET', async () => {
    const response = send({}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(representation.body)));
    expect(response.headers.get('etag')).toBe(send().headers.get('etag'));
    expect(await response.text()).toBe('');
    expect(send({ 'If-Modified-Since': lastModified }, 'HEAD').status).toBe(304);
  });
});
