// Users and API tokens: passwords stored only as argon2id hashes, tokens shown once and
// stored as SHA-256, bearer authentication with each refusal reason, and who may manage
// users and tokens (admins: everyone's; operators: their own; never through a token).
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { apiTokens, users } from '#db/schema.ts';
import { can, TOKEN_SCOPES, type Actor, type Permission } from '#src/domain/actor.ts';
import { authenticateBearer } from '#src/auth/authenticate.ts';
import { generateToken, verifyPassword } from '#src/auth/secrets.ts';
import { addUser, createToken, disableUser, listTokens, revokeToken } from '#src/auth/users.ts';
import { readDataVersion } from '#src/commands/data-version.ts';
import { deleteTemplate, saveTemplate } from '#src/incidents/templates/commands.ts';
import { drivers, type TestDatabase } from '../../support/databases.ts';
import { dumpTables } from '../../support/table-dump.ts';
import { auditRows, cli, context, databaseWithProducts, refusedWithoutWriting, type UserActor } from '../../support/commands.ts';

const T0 = new Date('2026-03-10T10:00:00Z');
const DAY = 86_400_000;
const PASSWORD = 'correct horse battery';
const TOKEN = /^vzs_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

describe.each(drivers)('users and tokens on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  const sys = (now: Date = T0) => context(db, cli, now);
  const bearer = (token: string, now: Date = T0) => authenticateBearer(db, `Bearer ${token}`, now);
  /** The user's console actor (no token). */
  const consoleActor = async (email: string): Promise<UserActor> => {
    const [row] = await db.select().from(users).where(eq(users.email, email));
    return { kind: 'user', userId: row!.id, email, role: row!.role };
  };

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
  });
  afterEach(() => database?.drop());

  it('adds a user with an argon2id hash of the password, never the password itself', async () => {
    const { id } = await addUser(sys(), { email: 'Beheer@Voizxl.NL', name: 'Beheer', role: 'admin', password: PASSWORD });
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ email: 'beheer@voizxl.nl', name: 'Beheer', role: 'admin', disabledAt: null, createdAt: T0 });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, `${PASSWORD}!`)).toBe(false);
    expect(JSON.stringify(await dumpTables(db))).not.toContain(PASSWORD);

    const [audit] = await auditRows(db);
    expect(audit).toMatchObject({ actor: 'cli', userId: null, tokenPrefix: null, action: 'user.add', entityType: 'user', entityId: String(id), at: T0 });
    expect(JSON.stringify(audit)).not.toContain('argon2');
    // Users are not on the public page: no data-version bump.
    expect((await readDataVersion(db)).version).toBe(0);
  });

  it('refuses a taken address (in any case), a short password and an unknown role, writing nothing', async () => {
    await addUser(sys(), { email: 'noc@voizxl.nl', name: 'NOC', role: 'operator' });
    const taken = await refusedWithoutWriting(db, () => addUser(sys(), { email: 'NOC@voizxl.nl', name: 'NOC 2', role: 'operator' }));
    expect(taken).toMatchObject({ code: 'conflict', fields: [{ path: 'email' }] });
    // 11 characters; the minimum is 12.
    const short = await refusedWithoutWriting(db, () => addUser(sys(), { email: 'kort@voizxl.nl', name: 'Kort', role: 'operator', password: 'elf tekens!' }));
    expect(short).toMatchObject({ code: 'invalid', fields: [{ path: 'password' }] });
    await addUser(sys(), { email: 'twaalf@voizxl.nl', name: 'Twaalf', role: 'operator', password: 'twaalf teken' });
    const role = await refusedWithoutWriting(db, () => addUser(sys(), { email: 'baas@voizxl.nl', name: 'Baas', role: 'owner' }));
    expect(role).toMatchObject({ code: 'invalid', fields: [{ path: 'role' }] });
  });

  it('creates a token shown once and stores only its SHA-256, with its prefix, scopes and expiry', async () => {
    const { id: userId } = await addUser(sys(), { email: 'noc@voizxl.nl', name: 'NOC', role: 'operator' });
    const made = await createToken(sys(), { email: 'noc@voizxl.nl', name: 'Monitoring', scopes: ['incidents', 'alerts'], expiresDays: 30 });
    expect(made.token).toMatch(TOKEN);
    expect(made).toMatchObject({ prefix: made.token.slice(0, 12), scopes: ['incidents', 'alerts'], expiresAt: new Date(+T0 + 30 * DAY) });
    const [row] = await db.select().from(apiTokens);
    expect(row).toMatchObject({ userId, name: 'Monitoring', prefix: made.prefix, scopes: ['incidents', 'alerts'], tokenHash: createHash('sha256').update(made.token).digest('hex'), revokedAt: null, lastUsedAt: null });
    const everything = JSON.stringify(await dumpTables(db));
    expect(everything).not.toContain(made.token);
    expect(everything).not.toContain(made.token.slice(13));
    expect((await auditRows(db)).at(-1)).toMatchObject({ action: 'token.create', after: { prefix: made.prefix, user: 'noc@voizxl.nl' } });

    // Without scopes a token gets all five write scopes; the subscribers' addresses only when named.
    expect((await createToken(sys(), { email: 'noc@voizxl.nl', name: 'Alles' })).scopes).toEqual(['incidents', 'maintenance', 'outages', 'kpis', 'alerts']);
    expect((await createToken(sys(), { email: 'noc@voizxl.nl', name: 'Klanten', scopes: ['subscribers'] })).scopes).toEqual(['subscribers']);
  });

  it('authenticates a fresh token, and refuses an unknown, an expired and a revoked one', async () => {
    const { id: userId } = await addUser(sys(), { email: 'noc@voizxl.nl', name: 'NOC', role: 'operator' });
    const made = await createToken(sys(), { email: 'noc@voizxl.nl', name: 'Script', scopes: ['outages'], expiresDays: 7 });
    expect(await bearer(made.token)).toEqual({ ok: true, actor: { kind: 'user', userId, email: 'noc@voizxl.nl', role: 'operator', token: { id: expect.any(Number), prefix: made.prefix, scopes: ['outages'] } } });
    expect((await db.select().from(apiTokens))[0]!.lastUsedAt).toEqual(T0);

    expect(await bearer(generateToken().token)).toEqual({ ok: false, reason: 'unknown' });
    expect(await authenticateBearer(db, null, T0)).toEqual({ ok: false, reason: 'missing' });
    expect(await authenticateBearer(db, `Basic ${made.token}`, T0)).toEqual({ ok: false, reason: 'malformed' });
    // 7 × 24 h after T0 it expires; a millisecond earlier it still works.
    expect((await bearer(made.token, new Date(+T0 + 7 * DAY - 1))).ok).toBe(true);
    expect(await bearer(made.token, new Date(+T0 + 7 * DAY))).toEqual({ ok: false, reason: 'expired' });

    await revokeToken(sys(new Date(+T0 + DAY)), made.prefix);
    expect(await bearer(made.token, new Date(+T0 + DAY))).toEqual({ ok: false, reason: 'revoked' });
    expect((await auditRows(db)).at(-1)).toMatchObject({ action: 'token.revoke', before: { prefix: made.prefix } });
  });

  it('refuses the tokens of a disabled user as "disabled"', async () => {
    await addUser(sys(), { email: 'oud@voizxl.nl', name: 'Oud-collega', role: 'operator' });
    const made = await createToken(sys(), { email: 'oud@voizxl.nl', name: 'Script', scopes: ['incidents'] });
    await disableUser(sys(new Date(+T0 + DAY)), 'oud@voizxl.nl');
    expect((await db.select().from(users).where(eq(users.email, 'oud@voizxl.nl')))[0]!.disabledAt).toEqual(new Date(+T0 + DAY));
    // Nor may the disabled user get a new one.
    expect((await refusedWithoutWriting(db, () => createToken(sys(), { email: 'oud@voizxl.nl', name: 'Nieuw' }))).code).toBe('conflict');
    // The client is told why (REFUSAL_TEXT in src/api/endpoint.ts): "the token belongs to a disabled user".
    expect(await bearer(made.token, new Date(+T0 + DAY))).toEqual({ ok: false, reason: 'disabled' });
  });

  it('leaves the data version alone for users, tokens and incident templates, which no public page shows', async () => {
    await addUser(sys(), { email: 'oud@voizxl.nl', name: 'Oud-collega', role: 'operator' });
    const made = await createToken(sys(), { email: 'oud@voizxl.nl', name: 'Script', scopes: ['incidents'] });
    await revokeToken(sys(), made.prefix);
    await disableUser(sys(), 'oud@voizxl.nl');
    const { id } = await saveTemplate(sys(), { name: 'SIP', title: 'Storing SIP-trunks', category: 1, message: 'We onderzoeken een storing.' });
    await deleteTemplate(sys(), id);
    expect((await auditRows(db)).map((row) => row.action)).toEqual(['user.add', 'token.create', 'token.revoke', 'user.disable', 'template.save', 'template.delete']);
    expect((await readDataVersion(db)).version).toBe(0);
  });

  it('lets an operator manage their own tokens only, an admin everyone\'s, and no token make tokens or users', async () => {
    await addUser(sys(), { email: 'admin@voizxl.nl', name: 'Admin', role: 'admin' });
    await addUser(sys(), { email: 'anna@voizxl.nl', name: 'Anna', role: 'operator' });
    await addUser(sys(), { email: 'bert@voizxl.nl', name: 'Bert', role: 'operator' });
    const anna = await consoleActor('anna@voizxl.nl');
    const admin = await consoleActor('admin@voizxl.nl');

    const own = await createToken(context(db, anna, T0), { email: 'anna@voizxl.nl', name: 'Eigen', scopes: ['incidents'] });
    expect((await auditRows(db)).at(-1)).toMatchObject({ actor: `user:${anna.userId}`, userId: anna.userId, tokenPrefix: null, action: 'token.create' });
    const forBert = await refusedWithoutWriting(db, () => createToken(context(db, anna, T0), { email: 'bert@voizxl.nl', name: 'Voor Bert' }));
    expect(forBert.code).toBe('forbidden');
    const bertsToken = await createToken(context(db, admin, T0), { email: 'bert@voizxl.nl', name: 'Door admin' });
    expect((await listTokens(db, anna)).map((t) => t.prefix)).toEqual([own.prefix]);
    expect((await listTokens(db, admin)).map((t) => t.prefix)).toEqual([own.prefix, bertsToken.prefix]);
    const revokeBert = await refusedWithoutWriting(db, () => revokeToken(context(db, anna, T0), bertsToken.prefix));
    expect(revokeBert).toMatchObject({ code: 'invalid', fields: [{ path: 'prefix' }] });

    const viaToken = (await bearer(own.token)) as { ok: true; actor: UserActor };
    expect((await refusedWithoutWriting(db, () => createToken(context(db, viaToken.actor, T0), { email: 'anna@voizxl.nl', name: 'Via token' }))).code).toBe('forbidden');
    const adminToken = await createToken(context(db, admin, T0), { email: 'admin@voizxl.nl', name: 'Admin-token' });
    const adminViaToken = (await bearer(adminToken.token)) as { ok: true; actor: UserActor };
    expect((await refusedWithoutWriting(db, () => createToken(context(db, adminViaToken.actor, T0), { email: 'bert@voizxl.nl', name: 'x' }))).code).toBe('forbidden');
    expect((await refusedWithoutWriting(db, () => addUser(context(db, adminViaToken.actor, T0), { email: 'c@voizxl.nl', name: 'C', role: 'operator' }))).code).toBe('forbidden');
    expect((await refusedWithoutWriting(db, () => addUser(context(db, anna, T0), { email: 'c@voizxl.nl', name: 'C', role: 'operator' }))).code).toBe('forbidden');
    await addUser(context(db, admin, T0), { email: 'c@voizxl.nl', name: 'C', role: 'operator' });
  });
});

describe('permissions', () => {
  it('can(): admins everything, operators all but users, a token only its scopes and never users or tokens', () => {
    const all: Permission[] = [...TOKEN_SCOPES, 'users', 'tokens'];
    const allowed = (actor: Actor) => all.filter((p) => can(actor, p));
    const person = { kind: 'user', userId: 1, email: 'x@voizxl.nl' } as const;
    const token = (scopes: (typeof TOKEN_SCOPES)[number][]) => ({ id: 1, prefix: 'vzs_test0001', scopes });
    expect(allowed(cli)).toEqual(all);
    expect(allowed({ ...person, role: 'admin' })).toEqual(all);
    expect(allowed({ ...person, role: 'operator' })).toEqual(['incidents', 'maintenance', 'outages', 'kpis', 'alerts', 'tokens']);
    expect(allowed({ ...person, role: 'operator', token: token(['incidents', 'alerts']) })).toEqual(['incidents', 'alerts']);
    expect(allowed({ ...person, role: 'admin', token: token([...TOKEN_SCOPES]) })).toEqual([...TOKEN_SCOPES]);
    expect(allowed({ ...person, role: 'admin', token: token([]) })).toEqual([]);
  });
});
