// The private side's doors, tried as an attacker would, against the built app: every
// /admin and /api/v1 route (listed from src/pages, the router's own source, so a new route
// cannot be forgotten) refuses without a session or token and is never cached; sign-in
// locks after repeated failures with the same answer for unknown accounts; a session id is
// new at every sign-in and dies at sign-out; a cross-origin, a forged or a stale form post
// saves nothing (403, 403, 409 with the input kept); and an
// address outside ADMIN_ALLOW_CIDRS gets 403 even with a forged X-Forwarded-For.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepOf, totpAt } from '#src/auth/totp.ts';
import { drivers } from '../support/databases.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { run, target, type Target } from '../support/targets.ts';

const PASSWORD = 'correct horse battery staple';

/** Every route file under src/pages/<dir>, as a URL with sample parameters. */
function routesUnder(dir: string): string[] {
  const root = join('src/pages', dir);
  const files: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(astro|ts)$/.test(name)) files.push(full);
    }
  };
  walk(root);
  return files.map((file) => {
    const path = `/${relative('src/pages', file)}`
      .replace(/\.(astro|ts)$/, '')
      .replace(/\/index$/, '')
      .replace(/\[month\]/g, '2026-01')
      .replace(/\[[^\]]+\]/g, '1');
    return path;
  });
}

const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? null;

describe.each(drivers)('the console and API doors on %s', (driver) => {
  let where: Target;
  let server: RunningServer;
  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, ...headers },
      body: new URLSearchParams({ email, password }),
    });

  beforeAll(async () => {
    where = await target(driver);
    await run('user', ['add', 'noc@example.nl', '--name', 'NOC', '--role', 'admin'], where.env, PASSWORD);
    await run('user', ['add', 'op@example.nl', '--name', 'Op', '--role', 'operator'], where.env, PASSWORD);
    await run('user', ['add', 'victim@example.nl', '--name', 'V', '--role', 'operator'], where.env, PASSWORD);
    server = await startServer({ ...where.env, DEMO_DATA: 'off', LOGIN_MAX_FAILURES: '3' });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await where?.remove();
  });

  it('refuses every private route without a session or token, and never lets it be cached', async () => {
    const admin = routesUnder('admin');
    const api = routesUnder('api/v1');
    expect(admin).toEqual(expect.arrayContaining(['/admin', '/admin/login', '/admin/incidents/1', '/admin/users', '/admin/audit']));
    expect(api).toEqual(expect.arrayContaining(['/api/v1/incidents', '/api/v1/kpis/2026-01', '/api/v1/alertmanager']));
    for (const path of admin) {
      for (const method of ['GET', 'POST']) {
        const response = await fetch(server.url + path, { method, redirect: 'manual', headers: method === 'POST' ? { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' } : {}, body: method === 'POST' ? 'x=1' : undefined });
        await response.arrayBuffer();
        expect(response.headers.get('cache-control'), `${method} ${path}`).toBe('no-store');
        if (path === '/admin/login') expect(response.status, `${method} ${path}`).toBe(method === 'GET' ? 200 : 401);
        else if (path === '/admin/setup') expect(response.status, `${method} ${path}`).toBe(403);
        else {
          expect(response.status, `${method} ${path}`).toBe(303);
          // The second step of sign-in has nothing to come back to.
          expect(response.headers.get('location')).toBe(path === '/admin/second-factor' ? '/admin/login' : `/admin/login?next=${encodeURIComponent(path)}`);
        }
      }
    }
    for (const path of api.filter((p) => p !== '/api/v1/openapi.json')) {
      for (const method of ['GET', 'POST', 'PATCH', 'PUT']) {
        const response = await fetch(server.url + path, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
        await response.arrayBuffer();
        expect(response.headers.get('cache-control'), `${method} ${path}`).toBe('no-store');
        // A method the route does not serve is 405 before anything else; every other is 401.
        expect([401, 405], `${method} ${path}`).toContain(response.status);
        if (response.status === 405) expect(response.headers.get('allow')).toBeTruthy();
      }
    }
  });

  it('makes a new session id at every sign-in, ends it at sign-out, and refuses a cross-origin post', async () => {
    const first = await signIn('noc@example.nl', PASSWORD);
    expect(first.status).toBe(303);
    const cookie = cookieOf(first)!;
    expect(first.headers.get('set-cookie')).toMatch(/^session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    // A session id planted before sign-in is not adopted.
    const second = await signIn('noc@example.nl', PASSWORD, { Cookie: cookie });
    expect(cookieOf(second)).not.toBe(cookie);
    const dashboard = await fetch(`${server.url}/admin`, { headers: { Cookie: cookie } });
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
    const crossSite = await fetch(`${server.url}/admin/incidents/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, title: 'x', category: '2', message: 'x', 'impact.voipnow': 'major_outage' }),
    });
    expect(crossSite.status).toBe(403);
    const noToken = await fetch(`${server.url}/admin/incidents/new`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ title: 'x', category: '2', message: 'x', 'impact.voipnow': 'major_outage' }),
    });
    expect(noToken.status).toBe(403);
    const out = await fetch(`${server.url}/admin/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf }) });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^session=; Max-Age=0/);
    expect((await fetch(`${server.url}/admin`, { redirect: 'manual', headers: { Cookie: cookie } })).status).toBe(303);
  });

  it('keeps an operator out of the admin-only pages', async () => {
    const cookie = cookieOf(await signIn('op@example.nl', PASSWORD))!;
    const users = await fetch(`${server.url}/admin/users`, { headers: { Cookie: cookie } });
    expect(users.status).toBe(403);
    expect(await users.text()).not.toContain('noc@example.nl');
  });

  it('answers a stale or a forged form on an incident’s console page with 409 or 403, keeping the input and saving nothing', async () => {
    const cookie = cookieOf(await signIn('noc@example.nl', PASSWORD))!;
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await fetch(`${server.url}/admin/incidents/new`, { headers: { Cookie: cookie } })).text())![1]!;
    const opened = await post('/admin/incidents/new', { csrf, title: 'Storing 3CX', category: '2', status: 'investigating', message: 'We onderzoeken het.', 'impact.3cx': 'major_outage' });
    expect(opened.status).toBe(303);
    const path = new URL(opened.headers.get('location')!, server.url).pathname;
    // The incident was made at version 1: a form made from version 0 comes too late.
    const stale = await post(path, { csrf, intent: 'edit', version: '0', title: 'Storing 3CX-telefonie', category: '2' });
    expect(stale.status).toBe(409);
    const shown = await stale.text();
    expect(shown).toContain('Iemand anders heeft dit intussen gewijzigd.');
    expect(shown).toContain('value="Storing 3CX-telefonie"');
    expect((await post(path, { csrf: 'forged', intent: 'edit', version: '1', title: 'Vervalst', category: '2' })).status).toBe(403);
    const saved = await post(path, { csrf, intent: 'edit', version: '1', title: 'Storing 3CX-telefonie', category: '2' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${path}?saved`);
    const publicPage = await (await fetch(server.url + path.replace(/^\/admin/, ''))).text();
    expect(publicPage).toContain('Storing 3CX-telefonie');
    expect(publicPage).not.toContain('Vervalst');
  });

  it('locks an account after repeated failures with the same answer as an unknown one, with Retry-After', async () => {
    const answers: number[] = [];
    for (let n = 0; n < 3; n++) answers.push((await signIn('victim@example.nl', 'wrong password!', { 'X-Forwarded-For': `198.51.100.${n}` })).status);
    expect(answers).toEqual([401, 401, 429]);
    const locked = await signIn('victim@example.nl', PASSWORD, { 'X-Forwarded-For': '198.51.100.9' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    const unknown = await signIn('nobody@example.nl', 'wrong password!');
    expect(unknown.status).toBe(401);
    const textOf = async (r: Response) => /<p class="error-summary"[^>]*>([^<]+)</.exec(await r.text())![1];
    expect(await textOf(await signIn('nobody@example.nl', 'wrong password!'))).toBe(await textOf(await signIn('op@example.nl', 'wrong password!')));
  });

  it('asks for the second factor after the password, accepts a code once, and a recovery code once', async () => {
    const form = (cookie: string, fields: Record<string, string>, path = '/admin/account') =>
      fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const cookie = cookieOf(await signIn('noc@example.nl', PASSWORD))!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await fetch(`${server.url}/admin/account`, { headers: { Cookie: cookie } })).text())![1]!;
    const started = await (await form(cookie, { csrf, intent: 'totp-start' })).text();
    const secret = /<code id="totp-key">([A-Z2-7]+)<\/code>/.exec(started)![1]!;
    const step = stepOf(Date.now());
    const wrongConfirm = await form(cookie, { csrf, intent: 'totp-confirm', code: '000000' === totpAt(secret, step) ? '111111' : '000000' });
    expect(wrongConfirm.status).toBe(422);
    const confirmed = await (await form(cookie, { csrf, intent: 'totp-confirm', code: totpAt(secret, step) })).text();
    const recovery = [...confirmed.matchAll(/<li><code>([0-9a-f]{10})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);

    // The password alone now leads to the second step, and to nothing else.
    const first = await signIn('noc@example.nl', PASSWORD);
    expect(first.headers.get('location')).toBe('/admin/second-factor?next=%2Fadmin');
    const pending = cookieOf(first)!;
    expect((await fetch(`${server.url}/admin`, { redirect: 'manual', headers: { Cookie: pending } })).headers.get('location')).toBe('/admin/second-factor');
    // The code used to confirm is spent; a wrong one is refused.
    expect((await form(pending, { code: totpAt(secret, step) }, '/admin/second-factor')).status).toBe(401);
    expect((await form(pending, { code: '12345x' }, '/admin/second-factor')).status).toBe(401);
    // The next step's code (one step of drift is allowed) signs in, with a new session id.
    const next = totpAt(secret, step + 1);
    const verified = await form(pending, { code: next }, '/admin/second-factor');
    expect(verified.status).toBe(303);
    const session = cookieOf(verified)!;
    expect(session).not.toBe(pending);
    expect((await fetch(`${server.url}/admin`, { redirect: 'manual', headers: { Cookie: session } })).status).toBe(200);
    expect((await fetch(`${server.url}/admin`, { redirect: 'manual', headers: { Cookie: pending } })).status).toBe(303);
    // Replayed in another sign-in: refused. A recovery code works once.
    const again = cookieOf(await signIn('noc@example.nl', PASSWORD))!;
    expect((await form(again, { code: next }, '/admin/second-factor')).status).toBe(401);
    expect((await form(again, { code: recovery[0]! }, '/admin/second-factor')).status).toBe(303);
    const third = cookieOf(await signIn('noc@example.nl', PASSWORD))!;
    expect((await form(third, { code: recovery[0]! }, '/admin/second-factor')).status).toBe(401);

    // An admin requires it for everyone: an operator without one is sent to set it up.
    const adminCsrf = /name="csrf" value="([^"]+)"/.exec(await (await fetch(`${server.url}/admin/users`, { headers: { Cookie: session } })).text())![1]!;
    expect((await form(session, { csrf: adminCsrf, intent: 'require-totp', required: 'on' }, '/admin/users')).status).toBe(303);
    const operator = cookieOf(await signIn('op@example.nl', PASSWORD))!;
    expect((await fetch(`${server.url}/admin/outages`, { redirect: 'manual', headers: { Cookie: operator } })).headers.get('location')).toBe('/admin/account?totp-required');
    expect((await fetch(`${server.url}/admin/account?totp-required`, { headers: { Cookie: operator } })).status).toBe(200);
  });
});

describe('the allowlist', () => {
  it('answers 403 outside ADMIN_ALLOW_CIDRS, also with a forged X-Forwarded-For, and keeps public pages open', async () => {
    const where = await target('pglite');
    // The test connects from 127.0.0.1, which is outside this allowlist.
    const server = await startServer({ ...where.env, DEMO_DATA: 'off', ADMIN_ALLOW_CIDRS: '10.0.0.0/8, 2001:db8::/32' });
    try {
      for (const path of ['/admin/login', '/api/v1/incidents/1']) {
        const response = await fetch(server.url + path, { headers: { 'X-Forwarded-For': '10.1.2.3' } });
        expect(response.status, path).toBe(403);
      }
      expect((await fetch(`${server.url}/`)).status).toBe(200);
    } finally {
      await server.stop();
      await where.remove();
    }
    const bad = await run('user', ['list'], { DATA_DIR: '/tmp/unused-status-dir', ADMIN_ALLOW_CIDRS: '10.0.0.0/33' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('Configuration error: ADMIN_ALLOW_CIDRS must be comma-separated IPv4/IPv6 addresses or CIDR ranges: "10.0.0.0/33" is not an IPv4 or IPv6 address or CIDR range (got "10.0.0.0/33")\n');
  });
});
