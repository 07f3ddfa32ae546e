// Delivery under receivers that misbehave, against a real SMTP server and HTTP receivers on
// loopback, on both databases: webhooks that never answer hold up no mail and are backed
// off without taking a sender; the SMTP server going down loses and doubles nothing; the
// chat channels (Teams from the subscribe form, Slack, Discord) get their platform's body,
// a 429 waits as asked without counting, a 404 switches the subscription off and mails its
// contact; the retention deletes what NOTIFICATION_LOG_DAYS allows and nothing open.
import { createRequire } from 'node:module';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { notificationEvents, notificationJobs, subscribers } from '#db/schema.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { addSubscribers } from '#src/notifications/admin-subscribers.ts';
import { mailTransport } from '#src/notifications/channels/email/transport.ts';
import { drain, type WorkerDeps } from '#src/notifications/delivery/dispatcher.ts';
import { purgeOldDeliveries } from '#src/notifications/delivery/retention.ts';
import { databaseStore } from '#src/notifications/delivery/store.ts';
import { confirm, signUp } from '#src/notifications/subscriptions.ts';
import { context, databaseWithProducts, userActor, type UserActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';
import { startDeadEnd, startReceiver, type DeadEnd, type Receiver } from '../support/receivers.ts';
import { until } from '../support/until.ts';

const AdaptiveCards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
const SITE = 'https://status.example.nl';
/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = new Date('2026-03-10T10:00:00Z');
const seconds = (n: number) => new Date(+T0 + n * 1000);
const opening = { title: 'Storing 3CX', titleEn: '3CX outage', category: 2, message: 'We onderzoeken een storing.', messageEn: 'We are investigating.', impacts: { '3cx': 'major_outage' } };
const addresses = (n: number) => Array.from({ length: n }, (_, i) => `klant${i}@example.nl`);


describe.each(drivers)('delivery on %s', (driver) => {
  let smtp: MailServer;
  let receiver: Receiver;
  let database: TestDatabase;
  let db: Database;
  let admin: UserActor;
  let now: Date;
  let deps: WorkerDeps;
  const log: string[] = [];
  const jobsOf = (channel: string) => db.select().from(notificationJobs).where(eq(notificationJobs.channel, channel as 'email'));
  const add = (list: object[]) => addSubscribers(context(db, admin, T0), { subscribers: list }, { allowPrivate: true });

  beforeAll(async () => {
    smtp = await startMailServer();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await smtp.close();
    await receiver.close();
  });
  beforeEach(async () => {
    smtp.messages.length = 0;
    receiver.received.length = 0;
    log.length = 0;
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    admin = await userActor(db, { email: 'admin@example.nl', role: 'admin', scopes: null });
    now = T0;
    deps = { store: databaseStore(db), clock: () => now, mail: mailTransport({ smtpUrl: smtp.url, mailDir: '/nonexistent', mailFrom: 'status@example.nl' }), settings: { siteUrl: SITE, webhookRetryBaseMs: 30_000, webhookAllowPrivate: true }, log: (l) => log.push(l) };
  });
  afterEach(async () => {
    deps.mail.close();
    await database?.drop();
  });

  it('sends every mail while five webhooks hang, then backs those off without trying them again', async () => {
    const dead: DeadEnd[] = await Promise.all(Array.from({ length: 5 }, () => startDeadEnd()));
    try {
      await add(dead.map((d, i) => ({ channel: 'webhook', url: `${d.url}${i}`, email: 'ops@example.nl' })));
      await add(addresses(40).map((email) => ({ email })));
      await createIncident(context(db, admin, seconds(1)), opening);
      now = seconds(1);
      const round = drain(deps);
      await until('all 40 mails', () => smtp.messages.length === 40);
      // Every mail is out while all five webhook requests are still waiting for an answer.
      expect(dead.map((d) => d.open())).toEqual([1, 1, 1, 1, 1]);
      for (const d of dead) d.cut();
      await round;
      expect((await jobsOf('email')).map((j) => j.state)).toEqual(Array(40).fill('sent'));
      expect((await jobsOf('webhook')).map((j) => [j.state, j.attempts])).toEqual(Array(5).fill(['failed', 1]));

      // The next incident: the five hosts are backed off, so their jobs wait in the queue
      // (not counted as tries) and no connection is made; the mails go out.
      smtp.messages.length = 0;
      await createIncident(context(db, admin, seconds(2)), { ...opening, title: 'Nog een storing' });
      now = seconds(2);
      await drain(deps);
      expect(smtp.messages).toHaveLength(40);
      expect(dead.map((d) => d.connections())).toEqual([1, 1, 1, 1, 1]);
      const waiting = (await jobsOf('webhook')).filter((j) => j.attempts === 0);
      expect(waiting.map((j) => [j.state, j.lastError])).toEqual(Array(5).fill(['queued', 'waiting: the destination did not answer']));
      // Backed off for 5 seconds after the first failure at 1 s.
      expect(waiting.map((j) => j.runAfter)).toEqual(Array(5).fill(seconds(6)));
    } finally {
      await Promise.all(dead.map((d) => d.close()));
    }
  });

  it('keeps the mail while the SMTP server is down and sends each once when it is back', async () => {
    await add(addresses(3).map((email) => ({ email })));
    await smtp.stop();
    await createIncident(context(db, admin, seconds(1)), opening);
    now = seconds(1);
    expect(await drain(deps)).toBe(3);
    // Not counted as tries: the relay was away, not the recipients.
    expect((await jobsOf('email')).map((j) => [j.state, j.attempts, j.runAfter])).toEqual(Array(3).fill(['queued', 0, seconds(2)]));
    expect(log.join('\n')).toContain('waiting for the relay');
    await smtp.start();
    now = seconds(1.5);
    expect(await drain(deps)).toBe(0);
    now = seconds(2);
    await drain(deps);
    now = seconds(600);
    await drain(deps);
    expect(addresses(3).map((a) => smtp.to(a).length)).toEqual([1, 1, 1]);
    expect((await jobsOf('email')).map((j) => [j.state, j.attempts])).toEqual(Array(3).fill(['sent', 1]));
  });

  it('posts a card to a Teams channel signed up on the subscribe form, in the subscriber’s language', async () => {
    const url = `${receiver.url}/workflows/teams-1`;
    expect(await signUp(db, { channel: 'teams', url, email: 'it@klant.nl', locale: 'en', products: ['3cx'] }, T0, { allowPrivate: true })).toEqual({ ok: true });
    await drain(deps);
    const [mail] = smtp.to('it@klant.nl');
    expect(mail!.text).toContain(`This is for Microsoft Teams at ${url}`);
    expect(await confirm(db, /token=([A-Za-z0-9_-]{43})/.exec(mail!.text!)![1]!, T0)).not.toBeNull();
    const { id } = await createIncident(context(db, admin, seconds(10)), opening);
    now = seconds(10);
    await drain(deps);
    const [post] = receiver.received.filter((r) => r.path === '/workflows/teams-1');
    expect(post!.headers['content-type']).toBe('application/json');
    const message = JSON.parse(post!.body);
    const card = message.attachments[0].content;
    expect(card.body[0]).toMatchObject({ text: 'Incident: 3CX outage', color: 'Attention' });
    expect(card.body[2].facts).toEqual([
      { title: '3CX', value: 'Major outage' },
      { title: 'Status', value: 'Investigating' },
      { title: 'Reported', value: '10 March 2026 at 11:00 CET' },
    ]);
    expect(card.actions[0].url).toBe(`${SITE}/en/incidents/${id}`);
    const parsed = new AdaptiveCards.AdaptiveCard();
    const parsing = new AdaptiveCards.SerializationContext();
    parsed.parse(card, parsing);
    expect(parsing.eventCount + parsed.validateProperties().validationEvents.length).toBe(0);
    // No signature: chat platforms check none.
    expect(post!.headers['x-status-signature']).toBeUndefined();
  });

  it('waits as Slack asks on 429 without counting the try, and switches Discord off on 404, telling its contact', async () => {
    const slackUrl = `${receiver.url}/services/T1/B1/abc`;
    const discordUrl = `${receiver.url}/api/webhooks/123/token-abc`;
    expect(await signUp(db, { channel: 'slack', url: `${receiver.url}/hooks/x`, email: 'ops@example.nl' }, T0, { allowPrivate: true })).toEqual({ ok: false, problems: [{ field: 'url', code: 'wrong_service' }] });
    await add([
      { channel: 'slack', url: slackUrl, email: 'ops@example.nl' },
      { channel: 'discord', url: discordUrl, email: 'gamers@example.nl', locale: 'en' },
    ]);
    receiver.answer('/services/T1/B1/abc', { status: 429, headers: { 'Retry-After': '7' } });
    receiver.answer('/api/webhooks/123/token-abc', { status: 404 });
    await createIncident(context(db, admin, seconds(10)), opening);
    now = seconds(10);
    await drain(deps);
    const [slackJob] = await jobsOf('slack');
    expect(slackJob).toMatchObject({ state: 'queued', attempts: 0, runAfter: seconds(17), lastError: 'HTTP 429' });
    const [discordJob] = await jobsOf('discord');
    expect(discordJob).toMatchObject({ state: 'dead', lastError: 'HTTP 404' });
    const [discord] = await db.select().from(subscribers).where(eq(subscribers.channel, 'discord'));
    expect(discord!.disabledAt).toEqual(seconds(10));
    const [notice] = smtp.to('gamers@example.nl');
    expect(notice!.text).toContain(`Discord reports that ${discordUrl} no longer exists (deleted or archived).`);
    now = seconds(17);
    await drain(deps);
    expect((await jobsOf('slack'))[0]).toMatchObject({ state: 'sent', attempts: 1 });
    const slack = JSON.parse(receiver.received.filter((r) => r.path === '/services/T1/B1/abc').at(-1)!.body);
    expect(slack.blocks[0].text.text).toBe('Storing: Storing 3CX');
    // The disabled Discord subscription gets nothing of the next incident.
    await createIncident(context(db, admin, seconds(20)), opening);
    expect(await jobsOf('discord')).toHaveLength(1);
  });

  it('deletes events and their deliveries after NOTIFICATION_LOG_DAYS, but none with a delivery still open', async () => {
    await add(addresses(2).map((email) => ({ email })));
    await createIncident(context(db, admin, T0), opening);
    await drain(deps);
    smtp.reject(1);
    await createIncident(context(db, admin, seconds(60)), { ...opening, title: 'Tweede' });
    now = seconds(60);
    await drain(deps);
    expect((await jobsOf('email')).map((j) => j.state).sort()).toEqual(['failed', 'sent', 'sent', 'sent']);
    const day = 86_400;
    expect(await purgeOldDeliveries(db, seconds(90 * day), 90)).toBe(0);
    // 90 days after the first event: it goes; the second has a delivery still to retry.
    expect(await purgeOldDeliveries(db, seconds(90 * day + 30), 90)).toBe(1);
    expect((await db.select({ n: count() }).from(notificationEvents))[0]!.n).toBe(1);
    expect((await jobsOf('email')).map((j) => j.state).sort()).toEqual(['failed', 'sent']);
  });
});
