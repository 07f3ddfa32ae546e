// What a NOC engineer does from the README: add an admin and a token with the command
// line, then publish with curl against the built app: open an incident, post updates,
// correct one, resolve it, schedule and reschedule a maintenance, and see each on the
// public page and in the feeds at the next request. Bad requests get their status and
// write nothing. On the embedded database (DATA_DIR) and on a PostgreSQL server.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createToken } from '#src/auth/users.ts';
import { addDays, isoWeekday, zonedParts, zonedToInstant } from '#src/time/zone.ts';
import { drivers } from '../support/databases.ts';
import { parseCalendar, parseRss } from '../support/feed-parsers.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { dumpTables } from '../support/table-dump.ts';
import { run, target, type Target } from '../support/targets.ts';

const PASSWORD = 'correct horse battery staple';

/** The first Friday 20:00 (Europe/Amsterdam) at least `days` days from now, to Saturday 02:00. */
function regularWindow(days: number): { start: string; end: string } {
  let date = addDays(zonedParts(Date.now()), days);
  while (isoWeekday(date) !== 5) date = addDays(date, 1);
  const start = zonedToInstant({ ...date, hour: 20 });
  const end = zonedToInstant({ ...addDays(date, 1), hour: 2 });
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** The dump minus what reading itself writes (a token's last use). */
async function contents(where: Target) {
  const dump = await where.inspect(dumpTables);
  dump.api_tokens = dump.api_tokens!.map((row) => JSON.stringify({ ...JSON.parse(row), lastUsedAt: null }));
  return dump;
}

describe.each(drivers)('the write API on %s', (driver) => {
  let where: Target;
  let server: RunningServer;
  const tokens: Record<'all' | 'outages' | 'revoked' | 'expired', string> = { all: '', outages: '', revoked: '', expired: '' };
  const start = async () => {
    server = await startServer({ ...where.env, DEMO_DATA: 'off', API_RATE_LIMIT: '100000' });
  };

  const api = (path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.token !== '' && { Authorization: `Bearer ${init.token ?? tokens.all}` }),
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
  const page = async (path: string) => (await fetch(server.url + path)).text();

  beforeAll(async () => {
    where = await target(driver);
    const env = where.env;
    const admin = await run('user', ['add', 'Noc@Example.nl', '--name', 'NOC', '--role', 'admin'], env, `${PASSWORD}\n`);
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toBe('Added admin noc@example.nl.\n');
    const create = async (args: string[]) => {
      const made = await run('token', ['create', ...args], env);
      expect(made.code, made.stderr).toBe(0);
      // stdout holds the token and nothing else, so `TOKEN=$(npm run -s token -- create …)` works.
      expect(made.stdout).toMatch(/^vzs_[0-9a-f]{8}_[A-Za-z0-9_-]{43}\n$/);
      return made.stdout.trim();
    };
    tokens.revoked = await create(['noc@example.nl', '--name', 'old']);
    const revoke = await run('token', ['revoke', tokens.revoked.slice(0, 12)], env);
    expect(revoke.stdout).toBe(`Revoked ${tokens.revoked.slice(0, 12)}.\n`);
    // The rest through the same commands in-process (each CLI run is a process that opens the database).
    await where.inspect(async (db) => {
      const ctx = { db, actor: { kind: 'system', name: 'cli' } as const, now: new Date() };
      await addUser(ctx, { email: 'op@example.nl', name: 'Op', role: 'operator', password: PASSWORD });
      tokens.all = (await createToken(ctx, { email: 'noc@example.nl', name: 'curl' })).token;
      tokens.outages = (await createToken(ctx, { email: 'op@example.nl', name: 'nms', scopes: ['outages'] })).token;
      tokens.expired = (await createToken(ctx, { email: 'noc@example.nl', name: 'short', expiresDays: 1 })).token;
      // The expired token: moved into the past behind the API's back, as time would.
      await db.execute(sql`update api_tokens set expires_at = now() - interval '1 minute' where prefix = ${tokens.expired.slice(0, 12)}`);
    });
    const list = await run('token', ['list'], env);
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(4);
    expect(list.stdout).toContain(`${tokens.revoked.slice(0, 12)}\tnoc@example.nl\told\tincidents,maintenance,outages,kpis,alerts\trevoked`);
    expect(list.stdout).not.toContain(tokens.all.slice(13));
    await start();
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await where?.remove();
  });

  it('refuses every bad request with its status and a JSON error, and writes nothing', async () => {
    const before = await (async () => {
      await server.stop();
      const dump = await contents(where);
      await start();
      return dump;
    })();
    const incident = { title: 'Storing', category: 2, message: 'We onderzoeken het.', impacts: { voipnow: 'major_outage' } };
    const expectError = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as { error: { code: string; message: string; fields: { path: string; message: string }[] } };
      expect(body.error.code).toBe(code);
      return body.error;
    };
    const none = await api('/incidents', { token: '', body: incident });
    await expectError(none, 401, 'unauthorized');
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    for (const token of [`vzs_00000000_${'a'.repeat(43)}`, tokens.revoked, tokens.expired, 'not-a-token']) {
      const refused = await api('/incidents', { token, body: incident });
      await expectError(refused, 401, 'unauthorized');
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"');
    }
    expect((await expectError(await api('/incidents', { token: tokens.outages, body: incident }), 403, 'forbidden')).message).toContain('"incidents"');
    await expectError(await api('/incidents', { body: '{"title": ' }), 400, 'malformed_json');
    // Hostile JSON, each named with its place (src/domain/strict-json.ts). 100,000 nested
    // arrays (200 KB) announced by Content-Length are too large to be read at all; sent
    // without a length (chunked) they are refused at the 65th level as they arrive.
    const deepest = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await expectError(await api('/incidents', { body: deepest }), 413, 'payload_too_large')).message).toBe('the body must be at most 65536 bytes');
    const chunked = await fetch(`${server.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.all}`, 'Content-Type': 'application/json' },
      body: new Blob([deepest]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect((await expectError(chunked, 422, 'invalid')).message).toBe('the body nests deeper than 64 levels');
    for (const depth of [20_000, 65]) {
      const deep = await expectError(await api('/incidents', { body: `${'['.repeat(depth)}${']'.repeat(depth)}` }), 422, 'invalid');
      expect(deep.message, String(depth)).toBe('the body nests deeper than 64 levels');
    }
    const hostile: [string, string, string][] = [
      [`{"title":"x","impacts":{"3cx":"major_outage","3cx":"operational"}}`, 'impacts.3cx', 'gives the key "3cx" twice'],
      [`{"title":"x","__proto__":{"role":"admin"}}`, '__proto__', 'uses the key "__proto__", which is refused'],
      [`{"title":"x","category":1e400}`, 'category', 'has the number 1e400…, too large for a double'],
      [`{"title":"x","category":18446744073709551617}`, 'category', 'has the whole number 18446744073709551617, beyond ±9007199254740991 (it would lose digits)'],
    ];
    for (const [body, path, message] of hostile) {
      const refused = await expectError(await api('/incidents', { body }), 422, 'invalid');
      expect(refused.fields, body).toEqual([{ path, message }]);
      expect(refused.message).toBe(`the body ${message} at ${path}`);
    }
    await expectError(await api('/incidents', { body: 'x', headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
    await expectError(await api('/incidents', { body: { ...incident, message: 'x'.repeat(70_000) } }), 413, 'payload_too_large');
    const invalid = await expectError(await api('/incidents', { body: { title: '', category: 3, impacts: { voipnowx: 'major_outage', '3cx': 'down' } } }), 422, 'invalid');
    expect(invalid.fields).toEqual([
      { path: 'title', message: 'must not be empty' },
      { path: 'category', message: 'must be 1 or 2' },
      { path: 'message', message: 'is required' },
      { path: 'impacts.3cx', message: 'must be one of operational, degraded_performance, partial_outage, major_outage' },
    ]);
    const unknown = await expectError(await api('/incidents', { body: { ...incident, impacts: { voipnowx: 'major_outage' } } }), 422, 'invalid');
    expect(unknown.fields).toEqual([{ path: 'impacts.voipnowx', message: '"voipnowx" is not a product of this status page' }]);
    await expectError(await api('/incidents/999'), 404, 'not_found');
    await expectError(await api('/incidents/abc'), 404, 'not_found');
    await expectError(await api('/incidents/999/updates', { body: { status: 'identified', message: 'x' } }), 404, 'not_found');
    const wrongMethod = await api('/incidents/1', { method: 'DELETE' });
    await expectError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, PATCH, OPTIONS');
    const late = await expectError(await api('/maintenances', { body: { type: 'regular', title: 'Onderhoud', products: ['voizplus'], ...regularWindow(3) } }), 422, 'rule_broken');
    expect(late.fields.map((f) => f.path)).toEqual(['start']);
    await expectError(await api('/kpis/2999-01', { method: 'PUT', body: { callSetupSeconds: 1.5, callSuccessRatio: 99 } }), 422, 'rule_broken');
    await expectError(await api('/kpis/2026-13', { method: 'PUT', body: { callSetupSeconds: 1.5, callSuccessRatio: 99 } }), 422, 'invalid');

    // A fuzz of malformed bodies on every writing route: never a 5xx, never a write.
    const routes: [string, string][] = [
      ['POST', '/incidents'],
      ['POST', '/maintenances'],
      ['POST', '/outages'],
      ['PUT', '/kpis/2026-01'],
      ['POST', '/alertmanager'],
    ];
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('title', 'category', 'message', 'impacts', 'type', 'products', 'start', 'end', 'product', 'impact', 'version', 'alerts', 'callSetupSeconds'), fc.jsonValue())), async ([method, path], body) => {
        const response = await api(path, { method, body: JSON.stringify(body) });
        statuses.add(response.status);
        expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        await response.arrayBuffer();
      }),
      { numRuns: 150 },
    );
    expect([...statuses].every((s) => s === 422 || s === 400)).toBe(true);
    await server.stop();
    expect(await contents(where)).toEqual(before);
    await start();
  });

  it('publishes an incident thread that the page and the feed show at the next request', async () => {
    const created = await api('/incidents', {
      body: { title: 'Storing VOIPNOW', titleEn: 'VOIPNOW outage', category: 2, message: 'We onderzoeken een storing.', messageEn: 'We are investigating.', impacts: { voipnow: 'major_outage' } },
    });
    expect(created.status).toBe(201);
    const incident = (await created.json()) as { id: number; version: number; updates: { id: number }[] };
    expect(created.headers.get('location')).toBe(`${server.url}/api/v1/incidents/${incident.id}`);
    expect(created.headers.get('etag')).toBe('"v1"');
    expect(await page('/')).toContain('Storing VOIPNOW');
    expect(await page(`/incidents/${incident.id}`)).toContain('We onderzoeken een storing.');

    const update = await api(`/incidents/${incident.id}/updates`, { body: { status: 'identified', message: 'Oorzaak gevonden.', impacts: { '3cx': 'partial_outage' } }, headers: { 'If-Match': '"v1"' } });
    expect(update.status).toBe(201);
    const afterUpdate = (await update.json()) as { impacts: Record<string, string>; version: number; updates: { id: number; message: string }[] };
    expect(afterUpdate.impacts).toEqual({ voipnow: 'major_outage', '3cx': 'partial_outage' });
    expect(afterUpdate.version).toBe(2);
    // Someone who still holds version 1 is told, and writes nothing.
    const stale = await api(`/incidents/${incident.id}`, { method: 'PATCH', body: { category: 1 }, headers: { 'If-Match': '"v1"' } });
    expect(stale.status).toBe(412);

    const firstUpdateId = incident.updates[0]!.id;
    const corrected = await api(`/incidents/${incident.id}/updates/${firstUpdateId}`, { method: 'PATCH', body: { message: 'We onderzoeken een storing in VOIPNOW.' } });
    expect(corrected.status).toBe(200);
    const incidentPage = await page(`/incidents/${incident.id}`);
    expect(incidentPage).toContain('We onderzoeken een storing in VOIPNOW.');
    expect(incidentPage).not.toContain('We onderzoeken een storing.<');
    expect(incidentPage).toMatch(/class="edited">bewerkt /);

    const resolved = await api(`/incidents/${incident.id}/updates`, { body: { status: 'resolved', message: 'Opgelost.', messageEn: 'Resolved.' } });
    expect(resolved.status).toBe(201);
    const done = (await resolved.json()) as { status: string; resolvedAt: string; impacts: Record<string, string> };
    expect(done.status).toBe('resolved');
    expect(done.impacts).toEqual({ voipnow: 'operational', '3cx': 'operational' });
    const after = await api(`/incidents/${incident.id}/updates`, { body: { status: 'monitoring', message: 'Nog eentje.' } });
    expect(after.status).toBe(409);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('conflict');

    const feed = parseRss(await page('/en/incidents.rss'));
    expect(feed.items.some((item) => item.title.includes('VOIPNOW outage'))).toBe(true);
  });

  it('replays a retried POST with the same Idempotency-Key and refuses the key with another body', async () => {
    const body = { product: 'voizplus', start: new Date(Date.now() - 3_600_000).toISOString(), impact: 'partial_outage', note: 'SBC' };
    const first = await api('/outages', { body, headers: { 'Idempotency-Key': 'nms-4711' } });
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    const retry = await api('/outages', { body, headers: { 'Idempotency-Key': 'nms-4711' } });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.text()).toBe(firstBody);
    const other = await api('/outages', { body: { ...body, note: 'other' }, headers: { 'Idempotency-Key': 'nms-4711' } });
    expect(other.status).toBe(422);
    const { id } = JSON.parse(firstBody) as { id: number };
    expect((await api(`/outages/${id + 1}`)).status).toBe(404);
    // The NMS's token, with only the outages scope, ends it.
    const ended = await api(`/outages/${id}`, { method: 'PATCH', token: tokens.outages, body: { end: new Date().toISOString() } });
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as { end: string | null }).end).not.toBeNull();
  });

  it('schedules a maintenance that the calendar shows, and reschedules it under the same UID with a higher SEQUENCE', async () => {
    const window = regularWindow(15);
    const body = { type: 'regular', title: 'Regulier onderhoud voizplus', titleEn: 'Regular maintenance voizplus', products: ['voizplus'], ...window, externalId: 'CHG-7001' };
    const scheduled = await api('/maintenances', { body });
    expect(scheduled.status).toBe(201);
    const { id, revision, externalId } = (await scheduled.json()) as { id: number; revision: number; externalId: string };
    expect([revision, externalId]).toEqual([1, 'CHG-7001']);
    // The change ticket's number names one maintenance: a second is refused, naming the first.
    const twice = await api('/maintenances', { body });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toEqual({
      error: { code: 'conflict', message: `externalId "CHG-7001" is already maintenance ${id}`, fields: [{ path: 'externalId', message: `is already used by maintenance ${id}` }] },
    });
    const eventOf = async () => parseCalendar(await page('/maintenance.ics')).events.find((e) => e.uid.startsWith(`maintenance-${id}@`))!;
    const first = await eventOf();
    expect(first.sequence).toBe(1);
    expect(first.start.toISOString()).toBe(new Date(window.start).toISOString());

    const later = regularWindow(22);
    const moved = await api(`/maintenances/${id}`, { method: 'PATCH', body: later });
    expect(moved.status).toBe(200);
    const second = await eventOf();
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBe(2);
    expect(second.start.toISOString()).toBe(new Date(later.start).toISOString());
    const rss = parseRss(await page('/en/maintenance.rss'));
    expect(rss.items.filter((item) => item.title.includes('Regular maintenance voizplus')).length).toBeGreaterThanOrEqual(2);

    const cancelled = await api(`/maintenances/${id}/cancel`, { body: { reason: 'Leverancier stelt uit' } });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { state: string }).state).toBe('cancelled');
    expect((await api(`/maintenances/${id}/complete`, { body: {} })).status).toBe(409);
  });

  it('takes Alertmanager deliveries as outages, the same delivery twice changing nothing', async () => {
    const startsAt = new Date(Date.now() - 600_000).toISOString();
    const payload = {
      version: '4',
      status: 'firing',
      receiver: 'status-page',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://alertmanager:9093',
      groupKey: '{}:{}',
      truncatedAlerts: 0,
      alerts: [
        { status: 'firing', labels: { alertname: 'SipTrunkDown', product: 'connectivity', severity: 'critical' }, annotations: {}, startsAt, endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'f00d' },
        { status: 'firing', labels: { alertname: 'Other', product: 'printer' }, annotations: {}, startsAt, endsAt: '0001-01-01T00:00:00Z', generatorURL: '', fingerprint: 'beef' },
      ],
    };
    const first = await api('/alertmanager', { body: payload });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ opened: 1, ended: 0, unchanged: 0, skipped: [{ fingerprint: 'beef', reason: '"printer" is not a product of this status page' }] });
    const again = await api('/alertmanager', { body: payload });
    expect(((await again.json()) as { unchanged: number }).unchanged).toBe(1);
    const endsAt = new Date().toISOString();
    const resolved = await api('/alertmanager', { body: { ...payload, status: 'resolved', alerts: [{ ...payload.alerts[0], status: 'resolved', endsAt }] } });
    expect(((await resolved.json()) as { ended: number }).ended).toBe(1);
    // Without the alerts scope the receiver refuses, so Alertmanager's token is its own.
    expect((await api('/alertmanager', { token: tokens.outages, body: payload })).status).toBe(403);
  });

  it('publishes its OpenAPI document, generated from the command schemas', async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/alertmanager',
      '/incidents',
      '/incidents/{id}',
      '/incidents/{id}/postmortem',
      '/incidents/{id}/updates',
      '/incidents/{id}/updates/{updateId}',
      '/kpis/{month}',
      '/maintenances',
      '/maintenances/{id}',
      '/maintenances/{id}/cancel',
      '/maintenances/{id}/complete',
      '/outages',
      '/outages/{id}',
      '/subscribers',
      '/subscribers/{id}',
    ]);
    expect(doc.paths['/incidents']!.post!.requestBody!.content['application/json']!.schema.required).toEqual(['title', 'category', 'message', 'impacts']);
    // Every create takes the writer's own number, described from the one zod field.
    for (const path of ['/incidents', '/maintenances', '/outages']) {
      const schema = doc.paths[path]!.post!.requestBody!.content['application/json']!.schema as { properties: Record<string, { description?: string }> };
      expect(schema.properties.externalId?.description, path).toMatch(/^The writer's own number \(a change ticket, an NMS alarm\), unique per kind/);
    }
    expect(doc.paths['/incidents/{id}/postmortem']!.put!.requestBody!.content['application/json']!.schema.required).toEqual(['body', 'published']);
  });

  it('keeps an audit row for every write, with the user and the token prefix', async () => {
    await server.stop();
    const audit = await where.inspect((db) => db.query.auditLog.findMany({ orderBy: (a, { asc }) => [asc(a.id)] }));
    await start();
    const writes = audit.filter((a) => a.tokenPrefix);
    expect(writes.map((a) => a.action)).toEqual([
      'incident.create',
      'incident.update',
      'incident.correct-update',
      'incident.resolve',
      'outage.record',
      'outage.end',
      'maintenance.schedule',
      'maintenance.reschedule',
      'maintenance.cancel',
      'alertmanager.receive',
      'alertmanager.receive',
    ]);
    expect(new Set(writes.map((a) => a.tokenPrefix))).toEqual(new Set([tokens.all.slice(0, 12), tokens.outages.slice(0, 12)]));
    const correction = writes.find((a) => a.action === 'incident.correct-update')!;
    expect(JSON.stringify(correction.before)).toContain('We onderzoeken een storing.');
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(JSON.stringify(audit)).not.toContain(tokens.all);
  });

  it('answers 429 with Retry-After above API_RATE_LIMIT requests a minute, counting each token apart', async () => {
    await server.stop();
    server = await startServer({ ...where.env, DEMO_DATA: 'off', API_RATE_LIMIT: '3' });
    const statuses = [];
    for (let n = 0; n < 3; n++) statuses.push((await api('/incidents/999')).status);
    expect(statuses).toEqual([404, 404, 404]);
    const limited = await api('/incidents/999');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await api('/outages/999', { token: tokens.outages })).status).toBe(404);
  });

  it('runs the user command beside the server on PostgreSQL, and on the embedded database says DATA_DIR is in use', async () => {
    const listed = await run('user', ['list'], where.env);
    if (driver === 'postgres') {
      expect(listed.code).toBe(0);
      expect(listed.stdout).toBe('noc@example.nl\tadmin\tNOC\tactive\nop@example.nl\toperator\tOp\tactive\n');
    } else {
      expect(listed.code).toBe(1);
      expect(listed.stderr).toMatch(/^Database error: DATA_DIR: .* is in use by process \d+; stop it first or point DATA_DIR elsewhere\n$/);
    }
  });
});
