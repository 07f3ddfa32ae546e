// Who a bearer token belongs to. Unknown, expired and revoked tokens, and tokens of a
// disabled user, are all refused; the reason goes to the client (never the token itself).
// Last use is recorded at most once a minute, so reading does not write per request.
import { eq } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { apiTokens, users } from '#db/schema.ts';
import { TOKEN_SCOPES, type Actor, type TokenScope } from '#src/domain/actor.ts';
import { isOneOf } from '#src/domain/vocabulary.ts';
import { TOKEN_SHAPE, hashToken } from './secrets.ts';

export type TokenRefusal = 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked' | 'disabled';
export type Authentication = { ok: true; actor: Extract<Actor, { kind: 'user' }> } | { ok: false; reason: TokenRefusal };

const LAST_USED_GRANULARITY_MS = 60_000;

export async function authenticateBearer(db: Queryable, authorization: string | null, now: Date): Promise<Authentication> {
  if (!authorization) return { ok: false, reason: 'missing' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match || !TOKEN_SHAPE.test(match[1]!)) return { ok: false, reason: 'malformed' };
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(match[1]!)));
  if (!row) return { ok: false, reason: 'unknown' };
  // Disabling a user also revokes their tokens: say the more useful of the two.
  if (row.user.disabledAt) return { ok: false, reason: 'disabled' };
  if (row.token.revokedAt) return { ok: false, reason: 'revoked' };
  if (row.token.expiresAt && row.token.expiresAt <= now) return { ok: false, reason: 'expired' };
  if (!row.token.lastUsedAt || +now - +row.token.lastUsedAt >= LAST_USED_GRANULARITY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  const scopes = row.token.scopes.filter((s): s is TokenScope => isOneOf(TOKEN_SCOPES, s));
  return {
    ok: true,
    actor: { kind: 'user', userId: row.user.id, email: row.user.email, role: row.user.role, token: { id: row.token.id, prefix: row.token.prefix, scopes } },
  };
}
