// Issue 22 against the built app, on each database: the NOC writes an incident report
// through the API (409 while open, 412 on a stale If-Match, 422 naming the field, a draft
// nobody sees, its publication) and the public reads it on the page with its SLA facts, in
// the Statuspage JSON and the feed; every badge is well-formed SVG (a real XML parser) or a
// shields.io document, cached like every public route, readable from any origin; /embed
// alone may be framed, by the configured origins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '#src/auth/users.ts';
import { drivers } from '../support/databases.ts';
import { parseRss } from '../support/feed-parsers.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { expectValid } from '../support/statuspage-schema.ts';
import { parseSvg } from '../support/svg-parser.ts';
import { run, target, type Target } from '../support/targets.ts';

const PORTAL = 'https://portal.example.nl';

describe.each(drivers)('reports, badges and the embed on %s', (driver) => {
  let where: Target;
  let server: RunningServer;
  let token: string;
  beforeAll(async () => {
    where = await target(driver);
    const added = await run('user', ['add', 'noc@example.nl', '--name', 'NOC', '--role', 'admin'], where.env, 'correct horse battery staple\n');
    expect(added.code, added.stderr).toBe(0);
    token = await where.inspect(async (db) => (await createToken({ db, actor: { kind: 'system', name: 'cli' }, now: new Date() }, { email: 'noc@example.nl', name: 'e2e' })).token);
    server = await startServer({ ...where.env, DEMO_DATA: 'off', EMBED_ALLOWED_ORIGINS: PORTAL });
  });
  afterAll(async () => {
    await server?.stop();
    await where?.remove();
  });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });
  const api = (path: string, method: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

  it('takes a report through the API and shows it, once published, on the page, in the JSON and in the feed', async () => {
    const created = await api('/incidents', 'POST', { title: 'Storing 3CX', titleEn: '3CX outage', category: 2, message: 'Gesprekken vallen weg.', impacts: { '3cx': 'major_outage' } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const report = { body: 'Een SBC was overbelast.\n\nWe hebben capaciteit bijgeplaatst.', bodyEn: 'An SBC was overloaded.', published: false };

    const open = await api(`/incidents/${id}/postmortem`, 'PUT', report);
    expect(open.status).toBe(409);
    expect(((await open.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await api(`/incidents/${id}/updates`, 'POST', { status: 'resolved', message: 'Opgelost.' })).status).toBe(201);
    expect((await api(`/incidents/${id}/postmortem`, 'GET')).status).toBe(404);

    const invalid = await api(`/incidents/${id}/postmortem`, 'PUT', { body: '', published: 'yes' });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path).sort()).toEqual(['body', 'published']);
    // Created 1, resolved 2: a writer who saw version 1 is refused.
    expect((await api(`/incidents/${id}/postmortem`, 'PUT', report, { 'If-Match': '"v1"' })).status).toBe(412);

    const draft = await api(`/incidents/${id}/postmortem`, 'PUT', report, { 'If-Match': '"v2"' });
    expect(draft.status).toBe(200);
    expect(draft.headers.get('etag')).toBe('"v3"');
    expect(((await draft.json()) as { postmortem: unknown }).postmortem).toMatchObject({ published: false, publishedAt: null, url: `${server.url}/incidents/${id}#report` });
    expect(await (await get(`/incidents/${id}`)).text()).not.toContain('capaciteit bijgeplaatst');

    const published = await api(`/incidents/${id}/postmortem`, 'PUT', { ...report, published: true }, { 'If-Match': '"v3"' });
    expect(published.status).toBe(200);
    const got = await api(`/incidents/${id}/postmortem`, 'GET');
    expect(got.headers.get('etag')).toBe('"v4"');
    expect(((await got.json()) as { postmortem: { published: boolean } }).postmortem.published).toBe(true);

    const page = await (await get(`/incidents/${id}`)).text();
    expect(page).toContain('<section id="report"');
    expect(page).toContain('We hebben capaciteit bijgeplaatst.');
    expect(page).toContain('Feiten volgens de SLA');
    expect(page).toMatch(/Eerste reactie.*norm: binnen 1 uur, 24\/7\): <span class="met-yes">gehaald/s);
    const english = await (await get(`/en/incidents/${id}`)).text();
    expect(english).toContain('An SBC was overloaded.');
    expect(english).toContain('Facts under the SLA');

    const incidents = (await (await get('/api/v2/incidents.json')).json()) as { incidents: { id: string; status: string; postmortem_body: string }[] };
    expectValid('incidents', incidents);
    expect(incidents.incidents.find((i) => i.id === `incident-${id}`)).toMatchObject({ status: 'postmortem', postmortem_body: report.body });
    const feed = parseRss(await (await get('/products/3cx/incidents.rss')).text());
    expect(feed.items[0]).toMatchObject({ title: 'Rapport: Storing 3CX', link: `${server.url}/incidents/${id}#report` });

    const openapi = (await (await get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(openapi.paths['/incidents/{id}/postmortem']!)).toEqual(['get', 'put']);
  });

  it('serves every badge as well-formed SVG or a shields.io document, in both languages, cached and readable anywhere', async () => {
    for (const [path, title] of [
      ['/badge.svg', 'voizXL status: Werkt normaal'],
      ['/en/badge.svg', 'voizXL status: Operational'],
      ['/products/voipnow/badge.svg', 'VOIPNOW: Werkt normaal'],
      ['/en/products/voizapps/badge.svg', 'voizApps: Operational'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=30, stale-while-revalidate=30, stale-if-error=86400');
      expect(parseSvg(await response.text()).title, path).toBe(title);
    }
    // The rolling 12 months: a figure rounded down to three decimals, against the target.
    const availability = parseSvg(await (await get('/products/3cx/availability-badge.svg')).text());
    expect(availability.title).toMatch(/^3CX beschikbaarheid: \d{2,3},\d{3} % \(12 mnd\)$/);
    expect(parseSvg(await (await get('/en/products/connectivity/availability-badge.svg')).text()).title).toMatch(/^Connectivity availability: \d{2,3}\.\d{3} % \(12 mo\)$/);

    // Cached like every public route: the second request is a hit, a validator gets a 304.
    const again = await get('/badge.svg');
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect((await get('/badge.svg', { 'If-None-Match': again.headers.get('etag')! })).status).toBe(304);

    for (const [path, label] of [
      ['/api/badges/status.json', 'voizXL status'],
      ['/api/badges/teams-dr.json', 'Teams (DR)'],
      ['/en/api/badges/voipnow/availability.json', 'VOIPNOW availability'],
    ] as const) {
      const response = await get(path);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      const document = (await response.json()) as Record<string, unknown>;
      expect(document, path).toMatchObject({ schemaVersion: 1, label, cacheSeconds: 300 });
      expect(document.message, path).toEqual(expect.any(String));
      expect(document.color, path).toMatch(/^[0-9a-f]{6}$/);
    }
    for (const path of ['/products/nope/badge.svg', '/products/nope/availability-badge.svg', '/api/badges/nope.json']) expect((await get(path)).status, path).toBe(404);
  });

  it('lets only /embed be framed, by the configured origin, and links it to the full page in a new tab', async () => {
    const open = await api('/incidents', 'POST', { title: 'Storing voizplus', category: 1, message: 'We onderzoeken het.', impacts: { voizplus: 'partial_outage' } });
    const { id } = (await open.json()) as { id: number };
    for (const path of ['/embed', '/en/embed']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-frame-options'), path).toBeNull();
      expect(response.headers.get('content-security-policy'), path).toContain(`frame-ancestors ${PORTAL}`);
      const html = await response.text();
      expect(html, path).toContain('<meta name="robots" content="noindex">');
      expect(html, path).toMatch(new RegExp(`<a href="${server.url}(/en)?/incidents/${id}" target="_blank" rel="noopener"[^>]*>Storing voizplus`));
    }
    expect(await (await get('/embed')).text()).toMatch(/data-product="voizplus" data-status="partial_outage"/);
    for (const path of ['/', '/en/', '/availability', `/incidents/${id}`, '/badge.svg']) {
      const response = await get(path);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });
});
