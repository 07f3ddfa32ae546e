// Webhooks end to end below the HTTP layer: a receiver on loopback (WEBHOOK_ALLOW_PRIVATE
// on, as a test must) that fails twice and then accepts gets exactly one delivered event,
// signed as docs/notifications.md says; the same URL is refused at connect time with private targets
// off; a webhook failing for a day is disabled and its contact told. On both databases.
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { notificationJobs, subscribers } from '#db/schema.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { correctOutage, recordOutage } from '#src/outages/commands.ts';
import { mailTransport } from '#src/notifications/channels/email/transport.ts';
import { confirm, signUp } from '#src/notifications/subscriptions.ts';
import { drain, type WorkerDeps } from '#src/notifications/delivery/dispatcher.ts';
import { databaseStore } from '#src/notifications/delivery/store.ts';
import { context, databaseWithProducts, userActor, type UserActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';

const SITE = 'https://status.example.nl';
/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = new Date('2026-03-10T10:00:00Z');
const seconds = (n: number) => new Date(+T0 + n * 1000);
const opening = { title: 'Storing 3CX', titleEn: '3CX outage', category: 2, message: 'We onderzoeken een storing.', impacts: { '3cx': 'major_outage' } };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

describe.each(drivers)('webhooks on %s', (driver) => {
  let smtp: MailServer;
  let receiver: Server;
  let hookUrl: string;
  const received: Received[] = [];
  let answers: number[] = [];
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  let now: Date;
  let deps: WorkerDeps;

  beforeAll(async () => {
    smtp = await startMailServer();
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (c) => (body += c));
      request.on('end', () => {
        const answered = answers.shift() ?? 200;
        received.push({ headers: request.headers, body, answered });
        response.writeHead(answered).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await smtp.close();
    receiver.close();
  });
  beforeEach(async () => {
    received.length = 0;
    smtp.messages.length = 0;
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['incidents', 'outages'] });
    now = T0;
    deps = { store: databaseStore(db), clock: () => now, mail: mailTransport({ smtpUrl: smtp.url, mailDir: '/nonexistent', mailFrom: 'status@example.nl' }), settings: { siteUrl: SITE, webhookRetryBaseMs: 30_000, webhookAllowPrivate: true } };
    // Registered from the subscribe page, confirmed by its contact.
    expect(await signUp(db, { channel: 'webhook', url: hookUrl, email: 'ops@example.nl', products: ['3cx'] }, T0, { allowPrivate: true })).toEqual({ ok: true });
    await drain(deps);
    const [mail] = smtp.to('ops@example.nl');
    expect(mail!.text).toContain(`Het gaat om Webhook via ${hookUrl}; dit adres krijgt bericht als de meldingen daar niet meer aankomen.`);
    const token = /\/subscription\?token=([A-Za-z0-9_-]{43})/.exec(mail!.text!)![1]!;
    expect(await confirm(db, token, T0)).not.toBeNull();
  });
  afterEach(async () => {
    deps.mail.close();
    await database?.drop();
  });

  it('is refused at registration with private targets off', async () => {
    expect(await signUp(db, { channel: 'webhook', url: hookUrl, email: 'ops@example.nl' }, T0, { allowPrivate: false })).toEqual({ ok: false, problems: [{ field: 'url', code: 'refused_address' }] });
  });

  it('retries after 30 and 60 seconds and delivers the event once, signed', async () => {
    answers = [500, 503];
    const { id } = await createIncident(context(db, noc, seconds(10)), opening);
    now = seconds(10);
    await drain(deps);
    let [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.channel, 'webhook'));
    expect(job).toMatchObject({ state: 'failed', attempts: 1, runAfter: seconds(40), lastError: 'HTTP 500' });
    now = seconds(40);
    await drain(deps);
    [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.id, job!.id));
    expect(job).toMatchObject({ state: 'failed', attempts: 2, runAfter: seconds(100), lastError: 'HTTP 503' });
    now = seconds(100);
    await drain(deps);
    now = seconds(500);
    await drain(deps);
    expect(received.map((r) => r.answered)).toEqual([500, 503, 200]);
    const delivered = received.filter((r) => r.answered === 200);
    expect(delivered).toHaveLength(1);
    const [{ headers, body }] = delivered as [Received];
    expect(headers['content-type']).toBe('application/json');
    // The receiver's check, as docs/notifications.md describes it.
    const [secret] = await db.select({ secret: subscribers.secret }).from(subscribers).where(eq(subscribers.channel, 'webhook'));
    const timestamp = String(headers['x-status-timestamp']);
    expect(timestamp).toBe(String(+seconds(100) / 1000));
    const expected = `v1=${createHmac('sha256', secret!.secret!).update(`${timestamp}.${body}`).digest('hex')}`;
    expect(headers['x-status-signature']).toBe(expected);
    const event = JSON.parse(body);
    expect(event.meta.event).toBe('incident.opened');
    // 3CX major outage: Statuspage's "critical" indicator.
    expect(event.page).toMatchObject({ status_indicator: 'critical', status_description: 'Major Service Outage' });
    expect(event.incident).toMatchObject({ id: `incident-${id}`, name: 'Storing 3CX', status: 'investigating', impact: 'critical', created_at: '2026-03-10T11:00:10.000+01:00' });
    expect(event.incident.incident_updates).toHaveLength(1);
    expect(event.incident.incident_updates[0]).toMatchObject({ status: 'investigating', body: 'We onderzoeken een storing.', affected_components: [{ code: 'product-3cx', new_status: 'major_outage' }] });
  });

  it('refuses the loopback receiver at connect time when private targets are off', async () => {
    deps.settings.webhookAllowPrivate = false;
    await createIncident(context(db, noc, seconds(10)), opening);
    now = seconds(10);
    await drain(deps);
    const [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.channel, 'webhook'));
    expect(job!.lastError).toBe(`127.0.0.1 resolves to 127.0.0.1, which is not a public address`);
    expect(received).toEqual([]);
  });

  it('disables a webhook that failed for a day, tells its contact, and queues nothing more for it', async () => {
    answers = [500, 500];
    await createIncident(context(db, noc, seconds(10)), opening);
    now = seconds(10);
    await drain(deps);
    // A day later (less a second) the next try fails too; the one after would fall past the day.
    now = seconds(10 + 86_400 - 1);
    await drain(deps);
    const [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.channel, 'webhook'));
    expect(job).toMatchObject({ state: 'dead', attempts: 2 });
    const [hook] = await db.select().from(subscribers).where(eq(subscribers.channel, 'webhook'));
    expect(hook!.disabledAt).toEqual(now);
    expect(smtp.to('ops@example.nl').map((m) => m.subject)).toEqual(['Bevestig uw aanmelding voor voizXL status', 'Webhook uitgeschakeld door voizXL status']);
    await createIncident(context(db, noc, now), opening);
    expect((await db.select().from(notificationJobs).where(eq(notificationJobs.channel, 'webhook'))).length).toBe(1);
  });

  it('tells webhooks (and not mail subscribers) when an outage changes a product’s status, as Statuspage’s component_update', async () => {
    const { id } = await recordOutage(context(db, noc, seconds(10)), { product: '3cx', start: seconds(0).toISOString(), impact: 'partial_outage' });
    // An outage of another product reaches this 3CX-only webhook not at all.
    await recordOutage(context(db, noc, seconds(10)), { product: 'voipnow', start: seconds(0).toISOString(), impact: 'major_outage' });
    await correctOutage(context(db, noc, seconds(20)), { id }, { end: seconds(20).toISOString() });
    now = seconds(30);
    await drain(deps);
    const events = received.map((r) => JSON.parse(r.body));
    expect(events.map((e) => [e.meta.event, e.component_update.old_status, e.component_update.new_status])).toEqual([
      ['component.updated', 'operational', 'partial_outage'],
      ['component.updated', 'partial_outage', 'operational'],
    ]);
    expect(events[0].component).toEqual({ id: 'product-3cx', name: '3CX', status: 'partial_outage' });
    expect(smtp.to('ops@example.nl')).toHaveLength(1);
  });
});
