// Reading a JSON request body within limits: 415 when it is not JSON, 413 above 64 KB (or
// the route's own limit: a bulk of subscribers), counted while reading, so a lying
// Content-Length cannot get past; 400 when it does not parse.
import { apiError } from './respond.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; value: unknown; text: string } | { ok: false; response: Response };

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    return { ok: false, response: apiError(415, 'unsupported_media_type', 'send the body as JSON with Content-Type: application/json') };
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = () => ({ ok: false as const, response: apiError(413, 'payload_too_large', `the body must be at most ${maxBytes} bytes`) });
  if (declared > maxBytes) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) return tooLarge();
      chunks.push(chunk);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, response: apiError(400, 'malformed_json', 'the body is not valid UTF-8') };
  }
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch (error) {
    return { ok: false, response: apiError(400, 'malformed_json', `the body is not valid JSON: ${(error as Error).message}`) };
  }
}
