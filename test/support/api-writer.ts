// Writing through the write API as the NOC does, for the end-to-end tests of the public
// side: an admin made by the command line (which also migrates the empty database) and an
// all-scopes token, before the server opens the database; then POSTs to /api/v1.
import { expect } from 'vitest';
import { createToken } from '#src/auth/users.ts';
import type { Driver } from './databases.ts';
import { type RunningServer, startServer } from './server.ts';
import { run, target, type Target } from './targets.ts';

export const PASSWORD = 'correct horse battery staple';

/** An admin and an all-scopes token on the target. */
export async function tokenFor(where: Target): Promise<string> {
  const added = await run('user', ['add', 'noc@example.nl', '--name', 'NOC', '--role', 'admin'], where.env, `${PASSWORD}\n`);
  expect(added.code, added.stderr).toBe(0);
  return where.inspect(async (db) => (await createToken({ db, actor: { kind: 'system', name: 'cli' }, now: new Date() }, { email: 'noc@example.nl', name: 'curl' })).token);
}

/** POST `body` as JSON to /api/v1`path` of the server (read when called: it may be restarted). */
export const writer = (server: () => RunningServer, token: string) => (path: string, body: unknown) =>
  fetch(`${server().url}/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export type Post = ReturnType<typeof writer>;

/** A fresh target (no demo history) with an admin's token, the built app on it, and `post` to write through its API. */
export async function publishingServer(driver: Driver): Promise<{ where: Target; server: RunningServer; post: Post }> {
  const where = await target(driver);
  const token = await tokenFor(where);
  const server = await startServer({ ...where.env, DEMO_DATA: 'off', API_RATE_LIMIT: '100000' });
  return { where, server, post: writer(() => server, token) };
}
