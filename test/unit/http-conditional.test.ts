// Validators and conditional requests (src/http/conditional.ts): the ETag of a body, the
// HTTP-date forms, If-None-Match by weak comparison, If-Modified-Since only as a date in the
// past, to the second; and the Response a route answers with (200, 304, HEAD).
import { describe, expect, it } from 'vitest';
import { conditionalResponse, entityTag, formatHttpDate, isNotModified, parseEntityTag, parseEntityTagList, parseHttpDate, strongMatch, weakMatch, type Representation } from '#src/http/conditional.ts';

const now = Date.parse('2026-03-05T12:00:00Z');

describe('HTTP-date', () => {
  it('reads the three forms of RFC 9110 §5.6.7 as the same moment', () => {
    const moment = Date.parse('1994-11-06T08:49:37Z');
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(moment);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(moment);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', now)).toBe(moment);
  });

  it('takes a two-digit year as the latest one not more than 50 years ahead', () => {
    expect(parseHttpDate('Wednesday, 01-Jan-76 00:00:00 GMT', now)).toBe(Date.parse('2076-01-01T00:00:00Z'));
    expect(parseHttpDate('Saturday, 01-Jan-77 00:00:00 GMT', now)).toBe(Date.parse('1977-01-01T00:00:00Z'));
  });

  it('is no date for what Date.parse would guess at', () => {
    for (const text of ['0', '2100', '1 Jan 2026', '2026-03-05T12:00:00Z', 'Sun, 06 Nov 1994 08:49:37 UTC', 'Sun, 31 Feb 2026 00:00:00 GMT', 'Sun, 06 Nov 1994 24:00:00 GMT', 'garbage', '']) {
      expect(parseHttpDate(text, now), text).toBeNull();
    }
  });

  it('writes the IMF-fixdate', () => {
    expect(formatHttpDate(Date.parse('2026-03-05T09:15:42.500Z'))).toBe('Thu, 05 Mar 2026 09:15:42 GMT');
  });
});

describe('entity tags', () => {
  it('is a strong tag of 22 base64url characters that changes with any byte, the same for a string and its UTF-8 bytes', () => {
    const body = 'café 🎉';
    expect(entityTag(body)).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(entityTag(Buffer.from(body, 'utf8'))).toBe(entityTag(body));
    expect(entityTag(`${body} `)).not.toBe(entityTag(body));
  });

  it('reads a list, leaving out what is not a tag', () => {
    expect(parseEntityTagList(' * ')).toBe('*');
    expect(parseEntityTagList('"a", W/"b",  nonsense, "c')).toEqual([
      { weak: false, opaque: '"a"' },
      { weak: true, opaque: '"b"' },
    ]);
  });

  it('compares weakly and strongly as RFC 9110 §8.8.3.2 tabulates', () => {
    const tag = (text: string) => parseEntityTag(text)!;
    const both = (a: string, b: string) => [weakMatch(tag(a), tag(b)), strongMatch(tag(a), tag(b))];
    expect(both('W/"1"', 'W/"1"')).toEqual([true, false]);
    expect(both('W/"1"', 'W/"2"')).toEqual([false, false]);
    expect(both('W/"1"', '"1"')).toEqual([true, false]);
    expect(both('"1"', '"1"')).toEqual([true, true]);
  });
});

describe('isNotModified', () => {
  const validators = { etag: '"abc"', alternates: ['"abc-br"'], lastModified: Date.parse('2026-03-05T09:15:42.500Z') };
  const ask = (headers: { inm?: string; ims?: string }, method = 'GET') => isNotModified({ method, ifNoneMatch: headers.inm, ifModifiedSince: headers.ims }, validators, now);

  it('matches If-None-Match weakly against the tag and its other encodings, or *', () => {
    for (const inm of ['"abc"', 'W/"abc"', '"x", "abc"', '"abc-br"', '*']) expect(ask({ inm }), inm).toBe(true);
    for (const inm of ['"ab"', '"abc-gz"', 'abc', '']) expect(ask({ inm }), inm).toBe(false);
  });

  it('lets If-None-Match decide alone when present (If-Modified-Since is then not read)', () => {
    expect(ask({ inm: '"other"', ims: 'Thu, 05 Mar 2026 10:00:00 GMT' })).toBe(false);
  });

  it('answers If-Modified-Since to the second: the last change within the second of the date is not newer', () => {
    expect(ask({ ims: 'Thu, 05 Mar 2026 09:15:42 GMT' })).toBe(true);
    expect(ask({ ims: 'Thu, 05 Mar 2026 10:00:00 GMT' })).toBe(true);
    expect(ask({ ims: 'Thu, 05 Mar 2026 09:15:41 GMT' })).toBe(false);
  });

  it('ignores an If-Modified-Since in the future, unparseable, or against no Last-Modified', () => {
    expect(ask({ ims: 'Fri, 01 Jan 2100 00:00:00 GMT' })).toBe(false);
    expect(ask({ ims: 'Thu, 05 Mar 2026 12:00:01 GMT' })).toBe(false);
    expect(ask({ ims: 'Thu, 05 Mar 2026 12:00:00 GMT' })).toBe(true);
    for (const ims of ['2100', 'not a date', '0']) expect(ask({ ims }), ims).toBe(false);
    expect(isNotModified({ method: 'GET', ifNoneMatch: null, ifModifiedSince: 'Thu, 05 Mar 2026 10:00:00 GMT' }, { etag: '"abc"', lastModified: null }, now)).toBe(false);
  });

  it('is for GET and HEAD only', () => {
    expect(ask({ inm: '"abc"' }, 'HEAD')).toBe(true);
    expect(ask({ inm: '"abc"' }, 'POST')).toBe(false);
  });
});

describe('conditionalResponse', () => {
  const representation: Representation = {
    body: 'BEGIN:VCALENDAR\r\nX-TEXT:café 🎉\r\nEND:VCALENDAR\r\n',
    contentType: 'text/calendar; charset=utf-8',
    lastModified: new Date('2026-03-05T09:15:42.500Z'),
    maxAgeSeconds: 300,
  };
  const send = (headers: Record<string, string> = {}, method = 'GET') => conditionalResponse({ method, headers: new Headers(headers) }, representation, new Date(now));

  it('answers 200 with the body, its type and byte length, the tag, Last-Modified and its freshness', async () => {
    const response = send();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    // "é" is 2 bytes and "🎉" 4 in UTF-8: 47 characters, 51 bytes.
    expect(response.headers.get('content-length')).toBe('51');
    expect(response.headers.get('etag')).toBe(entityTag(representation.body));
    expect(response.headers.get('last-modified')).toBe('Thu, 05 Mar 2026 09:15:42 GMT');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.text()).toBe(representation.body);
  });

  it('answers 304 without a body, with the validators, to a matching If-None-Match or a past If-Modified-Since', async () => {
    const validators: Record<string, string>[] = [{ 'If-None-Match': `W/${entityTag(representation.body)}` }, { 'If-Modified-Since': 'Thu, 05 Mar 2026 09:15:42 GMT' }];
    for (const headers of validators) {
      const response = send(headers);
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(entityTag(representation.body));
      expect(response.headers.get('last-modified')).toBe('Thu, 05 Mar 2026 09:15:42 GMT');
      expect(await response.text()).toBe('');
    }
    // A future date on a route nobody asked before: the body, not 304 (issue 19, point 3).
    expect(send({ 'If-Modified-Since': 'Fri, 01 Jan 2100 00:00:00 GMT' }).status).toBe(200);
  });

  it('answers HEAD with the headers of GET, the same length, and no body', async () => {
    const head = send({}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('51');
    expect(head.headers.get('etag')).toBe(send().headers.get('etag'));
    expect(await head.text()).toBe('');
  });
});
