// Idempotency-Key on POST (as Stripe and the IETF draft do it): the first successful answer
// to a key is kept for 24 hours and replayed to a retry with the same request, which writes
// nothing; the same key with another request is refused (422). The key is claimed before
// the command runs, so two concurrent retries cannot both write (the second gets 409).
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { idempotencyKeys } from '#db/schema.ts';
import { apiError } from './respond.ts';

const KEEP_MS = 24 * 60 * 60 * 1000;
/** A claim without an answer this old belongs to a request that died. */
const ABANDONED_MS = 60_000;

export type Claim = { kind: 'claimed'; finish(response: Response): Promise<Response> } | { kind: 'answered'; response: Response };

export async function claimKey(db: Database, tokenId: number, key: string, request: Request, body: string, now: Date): Promise<Claim> {
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    return { kind: 'answered', response: apiError(422, 'invalid', 'Idempotency-Key must be 1 to 255 visible ASCII characters', [{ path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]) };
  }
  const requestHash = createHash('sha256').update(`${request.method} ${new URL(request.url).pathname}\n${body}`).digest('hex');
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(+now - KEEP_MS)));
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.status, 0), lt(idempotencyKeys.createdAt, new Date(+now - ABANDONED_MS))));
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ tokenId, key, requestHash, status: 0, headers: {}, body: '', createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [kept] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key)));
    if (!kept) return claimKey(db, tokenId, key, request, body, now);
    if (kept.requestHash !== requestHash) {
      return { kind: 'answered', response: apiError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for another request in the last 24 hours', [{ path: 'Idempotency-Key', message: 'was used with another body' }]) };
    }
    if (kept.status === 0) return { kind: 'answered', response: apiError(409, 'idempotency_key_in_use', 'a request with this Idempotency-Key is still running; retry in a moment') };
    return { kind: 'answered', response: new Response(kept.body, { status: kept.status, headers: { ...kept.headers, 'Idempotent-Replayed': 'true' } }) };
  }
  const where = and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key));
  return {
    kind: 'claimed',
    async finish(response) {
      // Only a success is kept: a refused request wrote nothing, so its retry may run.
      if (response.status >= 300) {
        await db.delete(idempotencyKeys).where(where);
        return response;
      }
      const text = await response.text();
      const headers = Object.fromEntries(response.headers);
      await db.update(idempotencyKeys).set({ status: response.status, headers, body: text }).where(where);
      return new Response(text, { status: response.status, headers });
    },
  };
}
