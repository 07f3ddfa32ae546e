// Reading a JSON request body within limits: 415 when it is not JSON, 413 above 64 KB (or
// the route's own limit: a bulk of subscribers), counted while reading, so a lying
// Content-Length cannot get past; 400 when it does not parse, 422 naming the place when it is JSON we refuse (nested deeper than 64 levels, a
// key twice, "__proto__", a number no double holds: src/domain/strict-json.ts). Nesting is
// followed while the body arrives, so 100,000 nested arrays sent without a length are
// refused at the 65th level, not parsed or kept.
import { NestingGauge, parseStrictJson, MAX_JSON_DEPTH } from '#src/domain/strict-json.ts';
import { apiError } from './respond.ts';

export const MAX_BODY_BYTES = 64 * 1024;
/** How much of a refused body is still read (and dropped) before the connection is cut. */
const DISCARD_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; value: unknown; text: string } | { ok: false; response: Response };

const tooDeep = () => ({ ok: false as const, response: apiError(422, 'invalid', `the body nests deeper than ${MAX_JSON_DEPTH} levels`, [{ path: '', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }]) });

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    return { ok: false, response: apiError(415, 'unsupported_media_type', 'send the body as JSON with Content-Type: application/json') };
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = () => ({ ok: false as const, response: apiError(413, 'payload_too_large', `the body must be at most ${maxBytes} bytes`) });
  if (declared > maxBytes) return tooLarge();
  const chunks: Uint8Array[] = [];
  const gauge = new NestingGauge();
  let size = 0;
  let refused: BodyResult | null = null;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      // Once refused, the rest is read and dropped (up to a bound) so that the client, still
      // sending, hears the answer instead of a reset connection.
      if (refused) {
        if (size > maxBytes + DISCARD_BYTES) break;
        continue;
      }
      if (!gauge.feed(chunk)) refused = tooDeep();
      else if (size > maxBytes) refused = tooLarge();
      else chunks.push(chunk);
    }
  }
  if (refused) return refused;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, response: apiError(400, 'malformed_json', 'the body is not valid UTF-8') };
  }
  const parsed = parseStrictJson(text);
  if (parsed.ok) return { ok: true, value: parsed.value, text };
  if (parsed.kind === 'syntax') return { ok: false, response: apiError(400, 'malformed_json', `the body ${parsed.message}`) };
  const where = parsed.path ? ` at ${parsed.path}` : '';
  return { ok: false, response: apiError(422, 'invalid', `the body ${parsed.message}${where}`, [{ path: parsed.path, message: parsed.message }]) };
}
