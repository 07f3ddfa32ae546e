// Validators and conditional requests (RFC 9110 §8.8, §13), the one implementation for the
// front server's cache (src/server/front.ts) and for every route that answers a
// representation itself (feeds, calendars, /api/v2; what `astro dev` serves without the
// front server). Pure: header values and the representation in, a decision or a Response out.
//
// - ETag: strong, a hash of the body, so it changes exactly when the bytes do.
// - If-None-Match uses the weak comparison (§13.1.2): W/"x" matches "x"; `*` matches any.
// - If-Modified-Since counts only without If-None-Match, only as an HTTP-date (§5.6.7: the
//   IMF-fixdate and the two obsolete forms; anything else is no validator), and only when it
//   is not later than now (§13.1.3): a client's clock ahead of ours cannot freeze its copy.
//   Dates have whole seconds: a change within the second of the date is not newer.
import { createHash } from 'node:crypto';

/** A strong entity tag of the body: "…" around 128 bits of its SHA-256, base64url. */
export function entityTag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

export interface EntityTag {
  weak: boolean;
  /** With its quotes: "abc". */
  opaque: string;
}

const TAG = /^\s*(W\/)?("[\x21\x23-\x7e\x80-\xff]*")\s*$/;

/** One entity tag (`"x"` or `W/"x"`); null when it is not one. */
export function parseEntityTag(text: string): EntityTag | null {
  const match = TAG.exec(text);
  return match ? { weak: match[1] !== undefined, opaque: match[2]! } : null;
}

/** An If-None-Match / If-Match list: `*`, or the tags it names (malformed members are left out). */
export function parseEntityTagList(header: string): '*' | EntityTag[] {
  if (header.trim() === '*') return '*';
  return header
    .split(',')
    .map(parseEntityTag)
    .filter((tag): tag is EntityTag => tag !== null);
}

/** Weak comparison (§8.8.3.2): the opaque parts are equal, weak or not. */
export const weakMatch = (a: EntityTag, b: EntityTag) => a.opaque === b.opaque;
/** Strong comparison: both strong and equal. */
export const strongMatch = (a: EntityTag, b: EntityTag) => !a.weak && !b.weak && a.opaque === b.opaque;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^(${DAYS.join('|')}), (\\d{2}) (${MONTHS.join('|')}) (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^(${LONG_DAYS.join('|')}), (\\d{2})-(${MONTHS.join('|')})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^(${DAYS.join('|')}) (${MONTHS.join('|')}) ([ \\d]\\d) ${TIME} (\\d{4})$`);

type DateParts = [year: number, month: string, day: number, hours: string, minutes: string, seconds: string];

/** The fields of whichever of the three forms the text is in. */
function dateParts(value: string, thisYear: number): DateParts | null {
  const fixdate = IMF_FIXDATE.exec(value);
  if (fixdate) return [Number(fixdate[4]), fixdate[3]!, Number(fixdate[2]), fixdate[5]!, fixdate[6]!, fixdate[7]!];
  const rfc850 = RFC_850.exec(value);
  if (rfc850) {
    const year = Math.floor(thisYear / 100) * 100 + Number(rfc850[4]);
    return [year > thisYear + 50 ? year - 100 : year, rfc850[3]!, Number(rfc850[2]), rfc850[5]!, rfc850[6]!, rfc850[7]!];
  }
  const asctime = ASCTIME.exec(value);
  return asctime ? [Number(asctime[7]), asctime[2]!, Number(asctime[3]!.trim()), asctime[4]!, asctime[5]!, asctime[6]!] : null;
}

/**
 * An HTTP-date (§5.6.7) as milliseconds, or null when the text is not one: not
 * `Date.parse`, which takes "0", "2100" or "1 Jan" as dates. A two-digit year of the
 * obsolete RFC 850 form is the most recent year with those digits not more than 50 years
 * after `now`.
 */
export function parseHttpDate(text: string, now: number): number | null {
  const parts = dateParts(text.trim(), new Date(now).getUTCFullYear());
  if (!parts) return null;
  const [year, monthName, day, hours, minutes, seconds] = parts;
  const month = MONTHS.indexOf(monthName);
  const [h, m, s] = [Number(hours), Number(minutes), Number(seconds)];
  if (h > 23 || m > 59 || s > 60) return null;
  const ms = Date.UTC(year, month, day, h, m, Math.min(s, 59));
  // 31 Feb is no date (Date.UTC would roll it into March).
  return new Date(ms).getUTCDate() === day ? ms : null;
}

/** Milliseconds as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"). */
export const formatHttpDate = (ms: number) => new Date(ms).toUTCString();

export interface Validators {
  /** The tag of the representation this request would get. */
  etag: string;
  /** Tags of the same content in other forms (its gzip and brotli encodings) that a client may hold. */
  alternates?: readonly string[];
  /** Last-Modified in ms; null: none. */
  lastModified: number | null;
}

export interface Preconditions {
  method: string;
  ifNoneMatch: string | null | undefined;
  ifModifiedSince: string | null | undefined;
}

/** Whether a GET or HEAD is answered 304 Not Modified, in the precedence of §13.2.2. */
export function isNotModified(request: Preconditions, validators: Validators, now: number): boolean {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (request.ifNoneMatch !== null && request.ifNoneMatch !== undefined) {
    const listed = parseEntityTagList(request.ifNoneMatch);
    if (listed === '*') return true;
    const ours = [validators.etag, ...(validators.alternates ?? [])].map(parseEntityTag).filter((t): t is EntityTag => t !== null);
    return listed.some((theirs) => ours.some((own) => weakMatch(theirs, own)));
  }
  if (!request.ifModifiedSince || validators.lastModified === null) return false;
  const since = parseHttpDate(request.ifModifiedSince, now);
  if (since === null || since > now) return false;
  return Math.floor(validators.lastModified / 1000) * 1000 <= since;
}

/** A body a route answers for itself, with what its caching needs. */
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

/** 200 with the body (none for HEAD, the same headers), or 304 to a matching validator. */
export function conditionalResponse(request: { method: string; headers: Headers }, representation: Representation, now: Date): Response {
  const etag = entityTag(representation.body);
  const headers = new Headers({ ETag: etag, 'Cache-Control': `public, max-age=${representation.maxAgeSeconds}` });
  if (representation.lastModified) headers.set('Last-Modified', formatHttpDate(+representation.lastModified));
  const validators = { etag, lastModified: representation.lastModified ? +representation.lastModified : null };
  const preconditions = { method: request.method, ifNoneMatch: request.headers.get('if-none-match'), ifModifiedSince: request.headers.get('if-modified-since') };
  if (isNotModified(preconditions, validators, +now)) return new Response(null, { status: 304, headers });
  const bytes = Buffer.from(representation.body, 'utf8');
  headers.set('Content-Type', representation.contentType);
  headers.set('Content-Length', String(bytes.byteLength));
  return new Response(request.method.toUpperCase() === 'HEAD' ? null : bytes, { status: 200, headers });
}
