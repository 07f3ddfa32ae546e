// Writing answers onto the socket: a cached render in the coding the request accepts, with
// its validators and 304; a render that may not be kept; an error answer
// (src/http/errors.ts). A HEAD gets every header of the GET, Content-Length included, and
// no body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { formatHttpDate, isNotModified } from '#src/http/conditional.ts';
import type { Answer } from '#src/http/errors.ts';
import { chooseEncoding, type Coding } from '#src/http/negotiation.ts';
import type { Rendered } from './capture.ts';
import type { CachedResponse } from './response-cache.ts';
import { withStaleNotice } from './stale-notice.ts';

const SUFFIX: Record<Coding, string> = { br: '-br', gzip: '-gz', identity: '' };
/** The tag of an entry's other form: "abc" → "abc-br". */
export const tagWith = (etag: string, suffix: string) => (suffix ? etag.replace(/"$/, `${suffix}"`) : etag);

function finish(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Length', String(body.byteLength));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A cached render; `stale`: the last good one while the database is away (pages get a notice). */
export function sendEntry(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, stale: boolean, now: number): void {
  if (!res.hasHeader('X-Cache')) res.setHeader('X-Cache', stale ? 'STALE' : 'HIT');
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader('Content-Security-Policy', entry.csp);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Last-Modified', formatHttpDate(entry.lastModified));
  res.setHeader('Age', String(Math.max(0, Math.floor((now - entry.renderedAt) / 1000))));
  if (stale) res.setHeader('X-Status-As-Of', new Date(entry.renderedAt).toISOString());
  const accept = req.headers['accept-encoding'];
  const html = String(res.getHeader('content-type') ?? '').startsWith('text/html');
  if (stale && html) {
    // Made per request (the notice names the render's age): gzip is quick enough for that.
    const page = withStaleNotice(entry.body, entry.renderedAt, now);
    const coding = chooseEncoding(accept, ['gzip', 'identity']);
    if (coding === 'gzip') res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('ETag', tagWith(entry.etag, `-stale${SUFFIX[coding]}`));
    finish(req, res, entry.status, coding === 'gzip' ? gzipSync(page) : page);
    return;
  }
  const coding = chooseEncoding(accept);
  const etag = tagWith(entry.etag, SUFFIX[coding]);
  res.setHeader('ETag', etag);
  const validators = { etag, alternates: [entry.etag, tagWith(entry.etag, SUFFIX.br), tagWith(entry.etag, SUFFIX.gzip)], lastModified: entry.lastModified };
  const preconditions = { method: req.method ?? 'GET', ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] };
  if (entry.status === 200 && !stale && isNotModified(preconditions, validators, now)) {
    res.removeHeader('Content-Type');
    res.statusCode = 304;
    res.end();
    return;
  }
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  finish(req, res, entry.status, coding === 'br' ? entry.br : coding === 'gzip' ? entry.gzip : entry.body);
}

/** A render its route does not let be kept (no-store, a redirect), as rendered. */
export function sendRendered(req: IncomingMessage, res: ServerResponse, rendered: Rendered, policy: string): void {
  for (const [name, value] of Object.entries(rendered.headers)) if (name !== 'content-length') res.setHeader(name, value);
  res.setHeader('Content-Security-Policy', policy);
  finish(req, res, rendered.status, rendered.body);
}

/** An answer of src/http/errors.ts. */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  finish(req, res, answer.status, Buffer.from(answer.body, 'utf8'));
}
