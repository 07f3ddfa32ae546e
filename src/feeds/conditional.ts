// HTTP caching of the feeds (RFC 9110 §8.8, §13): a strong ETag that is a hash of the
// body, so it changes exactly when the bytes do, and a Last-Modified no earlier than the
// last moment the body could have changed. Answers 304 Not Modified to a matching
// If-None-Match or, when there is none, to an If-Modified-Since not older than
// Last-Modified; answers HEAD with the headers alone. Pure: request headers and the
// representation in, a Response out.
//
// A client that sends only If-Modified-Since gets 304 exactly when its copy's body would
// have the current ETag, as long as Last-Modified moves with every change of the body,
// including those the clock makes without any data changing (an event leaving the
// calendar's 12-month window, a completion appearing when a window ends, an item pushed
// out of the newest 50). The read models compute it so (src/feeds/load-maintenance.ts);
// it is never the request's time, which would make every copy look stale.
import { createHash } from 'node:crypto';

export interface Representation {
  body: string;
  /** e.g. "text/calendar; charset=utf-8". */
  contentType: string;
  /**
   * The latest moment, not after now, at which the body could have changed: the data's last
   * change or a moment the clock changed what is shown. null: no Last-Modified header.
   */
  lastModified: Date | null;
  /** Seconds a client or proxy may reuse the response without asking again. */
  maxAgeSeconds: number;
}

export interface ConditionalRequest {
  method: string;
  headers: Headers;
}

/** A strong entity tag of the body: "…" around 128 bits of its SHA-256, base64url. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 22)}"`;
}

/** Weak comparison (RFC 9110 §8.8.3.2), as If-None-Match asks: W/"x" matches "x". */
function matchesAny(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** Whether a GET or HEAD may be answered 304, following the precedence of RFC 9110 §13.2.2. */
export function isNotModified(headers: Headers, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) return matchesAny(ifNoneMatch, etag);
  const ifModifiedSince = headers.get('if-modified-since');
  if (ifModifiedSince === null || lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds: a change within the second of `since` is not newer.
  return Number.isFinite(since) && Math.floor(+lastModified / 1000) * 1000 <= since;
}

export function conditionalResponse(request: ConditionalRequest, representation: Representation): Response {
  const etag = entityTag(representation.body);
  const headers = new Headers({
    ETag: etag,
    'Cache-Control': `public, max-age=${representation.maxAgeSeconds}`,
  });
  if (representation.lastModified) headers.set('Last-Modified', representation.lastModified.toUTCString());
  const method = request.method.toUpperCase();
  if ((method === 'GET' || method === 'HEAD') && isNotModified(request.headers, etag, representation.lastModified)) {
    return new Response(null, { status: 304, headers });
  }
  const bytes = Buffer.from(representation.body, 'utf8');
  headers.set('Content-Type', representation.contentType);
  headers.set('Content-Length', String(bytes.byteLength));
  return new Response(method === 'HEAD' ? null : bytes, { status: 200, headers });
}
