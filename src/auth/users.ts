// User and token commands: admins manage users and everyone's tokens; an operator manages
// their own tokens. The command line acts as the system (whoever can open the database
// administers it). Passwords and tokens never reach the audit log or any log.
import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '#db/client.ts';
import { apiTokens, users } from '#db/schema.ts';
import { CommandError, fieldError } from '#src/commands/errors.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { DEFAULT_TOKEN_SCOPES, ROLES, TOKEN_SCOPES, type Actor, type TokenScope } from '#src/domain/actor.ts';
import { PASSWORD_MIN_LENGTH, generateToken, hashPassword } from './secrets.ts';

const email = z.email({ error: 'must be an e-mail address' }).max(254).transform((v) => v.toLowerCase());
const password = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(1000, 'must be at most 1000 characters');

export const addUserInput = z.strictObject({
  email,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  password: password.optional(),
});

export const createTokenInput = z.strictObject({
  email,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  scopes: z.array(z.enum(TOKEN_SCOPES, { error: `must be one of ${TOKEN_SCOPES.join(', ')}` })).min(1, 'must name at least one scope').default([...DEFAULT_TOKEN_SCOPES]),
  expiresDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1').max(3650, 'must be at most 3650').optional(),
});

const userAudit = (u: typeof users.$inferSelect) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabledAt: u.disabledAt });

async function userByEmail(db: Queryable, address: string) {
  const [row] = await db.select().from(users).where(eq(users.email, address.toLowerCase()));
  if (!row) throw fieldError('email', `no user has the address ${address}`);
  return row;
}

export async function addUser(ctx: CommandContext, input: unknown): Promise<{ id: number }> {
  const data = parseInput(addUserInput, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return runCommand(ctx, 'users', async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (taken) throw new CommandError('conflict', `a user with the address ${data.email} exists already`, [{ path: 'email', message: 'is taken' }]);
    const [row] = await tx.insert(users).values({ email: data.email, name: data.name, role: data.role, passwordHash, createdAt: ctx.now }).returning();
    return { result: { id: row!.id }, audit: { action: 'user.add', entityType: 'user', entityId: row!.id, after: userAudit(row!) } };
  });
}

export async function setPassword(ctx: CommandContext, address: string, newPassword: string): Promise<void> {
  const hashed = await hashPassword(parseInput(z.object({ password }), { password: newPassword }).password);
  await runCommand(ctx, 'users', async (tx) => {
    const user = await userByEmail(tx, address);
    await tx.update(users).set({ passwordHash: hashed }).where(eq(users.id, user.id));
    return { result: undefined, audit: { action: 'user.password', entityType: 'user', entityId: user.id } };
  });
}

/** Anyone's own password, from the console (not through a token). */
export async function changeOwnPassword(ctx: CommandContext, newPassword: string): Promise<void> {
  if (ctx.actor.kind !== 'user' || ctx.actor.token) throw new CommandError('forbidden', 'not allowed: only a signed-in user changes their own password');
  const hashed = await hashPassword(parseInput(z.object({ password }), { password: newPassword }).password);
  const { userId } = ctx.actor;
  await runCommand(ctx, 'tokens', async (tx) => {
    await tx.update(users).set({ passwordHash: hashed }).where(eq(users.id, userId));
    return { result: undefined, audit: { action: 'user.password', entityType: 'user', entityId: userId } };
  });
}

/** Disables the user and revokes their tokens. */
export async function disableUser(ctx: CommandContext, address: string): Promise<void> {
  await runCommand(ctx, 'users', async (tx) => {
    const user = await userByEmail(tx, address);
    if (user.disabledAt) return { result: undefined, audit: null };
    const [after] = await tx.update(users).set({ disabledAt: ctx.now }).where(eq(users.id, user.id)).returning();
    await tx.update(apiTokens).set({ revokedAt: ctx.now }).where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)));
    return { result: undefined, audit: { action: 'user.disable', entityType: 'user', entityId: user.id, before: userAudit(user), after: userAudit(after!) } };
  });
}

export async function listUsers(db: Queryable) {
  return db.select({ email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, createdAt: users.createdAt }).from(users).orderBy(asc(users.email));
}

/** May the actor manage tokens of this user? Admins: anyone's; operators: their own. */
function mayManageTokensOf(actor: Actor, userId: number): boolean {
  if (actor.kind === 'system') return true;
  return !actor.token && (actor.role === 'admin' || actor.userId === userId);
}

export async function createToken(ctx: CommandContext, input: unknown): Promise<{ token: string; prefix: string; scopes: TokenScope[]; expiresAt: Date | null }> {
  const data = parseInput(createTokenInput, input);
  const secret = generateToken();
  return runCommand(ctx, 'tokens', async (tx) => {
    const user = await userByEmail(tx, data.email);
    if (!mayManageTokensOf(ctx.actor, user.id)) throw new CommandError('forbidden', 'not allowed: only an admin may create tokens for someone else');
    if (user.disabledAt) throw new CommandError('conflict', `${user.email} is disabled`);
    const expiresAt = data.expiresDays ? new Date(+ctx.now + data.expiresDays * 86_400_000) : null;
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: user.id, name: data.name, prefix: secret.prefix, tokenHash: secret.hash, scopes: data.scopes, createdAt: ctx.now, expiresAt })
      .returning({ id: apiTokens.id });
    return {
      result: { token: secret.token, prefix: secret.prefix, scopes: data.scopes, expiresAt },
      audit: { action: 'token.create', entityType: 'token', entityId: row!.id, after: { prefix: secret.prefix, name: data.name, user: user.email, scopes: data.scopes, expiresAt } },
    };
  });
}

export async function listTokens(db: Queryable, actor: Actor) {
  const rows = await db
    .select({
      userId: apiTokens.userId,
      prefix: apiTokens.prefix,
      name: apiTokens.name,
      user: users.email,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
  return rows.filter((r) => mayManageTokensOf(actor, r.userId)).map(({ userId: _u, ...r }) => r);
}

export async function revokeToken(ctx: CommandContext, prefix: string): Promise<void> {
  await runCommand(ctx, 'tokens', async (tx) => {
    const rows = await tx.select().from(apiTokens).where(like(apiTokens.prefix, prefix.replace(/[%_\\]/g, '\\$&')));
    const row = rows.find((r) => mayManageTokensOf(ctx.actor, r.userId));
    if (!row) throw fieldError('prefix', `no token you may manage has the prefix ${prefix}`);
    if (row.revokedAt) return { result: undefined, audit: null };
    await tx.update(apiTokens).set({ revokedAt: ctx.now }).where(eq(apiTokens.id, row.id));
    return { result: undefined, audit: { action: 'token.revoke', entityType: 'token', entityId: row.id, before: { prefix: row.prefix, name: row.name } } };
  });
}
