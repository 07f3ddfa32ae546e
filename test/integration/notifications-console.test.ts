// What the console's notifications page reads and does: subscribers per product, the
// delivery log per event by state, the dead deliveries with masked recipients, retrying
// one (admin only, audited without the address), and removing a subscriber by address.
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { auditLog, notificationJobs, subscribers } from '#db/schema.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import type { MailTransport } from '#src/notifications/channels/email/transport.ts';
import { deadDeliveries, deliveryLog, removeSubscriberByAddress, retryDead, subscriberCounts } from '#src/notifications/delivery-log.ts';
import { addSubscribers } from '#src/notifications/admin-subscribers.ts';
import { confirm, signUp } from '#src/notifications/subscriptions.ts';
import { drain, type WorkerDeps } from '#src/notifications/delivery/dispatcher.ts';
import { databaseStore } from '#src/notifications/delivery/store.ts';
import { context, databaseWithProducts, refusal, userActor, type UserActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

const T0 = new Date('2026-03-10T10:00:00Z');

describe.each(drivers)('the notifications console on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let admin: UserActor;
  let operator: UserActor;
  let now: Date;
  let deps: WorkerDeps;
  const sent: { to: string; text: string }[] = [];
  let refuse = (_to: string) => false;

  beforeEach(async () => {
    sent.length = 0;
    refuse = () => false;
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    admin = await userActor(db, { email: 'admin@example.nl', role: 'admin', scopes: null });
    operator = await userActor(db, { email: 'op@example.nl', scopes: null });
    now = T0;
    // A transport that keeps what it is given, and refuses the addresses `refuse` names.
    const mail: MailTransport = {
      describe: 'memory',
      from: 'status@example.nl',
      close: () => {},
      send: async (m) => {
        if (refuse(m.to)) throw new Error('550 mailbox unavailable');
        sent.push({ to: m.to, text: (await simpleParser(m.raw)).text ?? '' });
      },
    };
    deps = { store: databaseStore(db), clock: () => now, mail, settings: { siteUrl: 'https://status.example.nl', webhookRetryBaseMs: 1000, webhookAllowPrivate: false } };
    for (const [email, products] of [['a@example.nl', ['3cx']], ['b@example.nl', []], ['c@example.nl', ['3cx', 'voipnow']]] as const) {
      await signUp(db, { email, products: [...products] }, T0, { allowPrivate: false });
      await drain(deps);
      await confirm(db, /token=([A-Za-z0-9_-]{43})/.exec(sent.at(-1)!.text)![1]!, T0);
    }
    await signUp(db, { email: 'pending@example.nl' }, T0, { allowPrivate: false });
  });
  afterEach(() => database?.drop());

  it('counts confirmed subscribers per product, those of all products in each', async () => {
    const counts = await subscriberCounts(db);
    // b is for all products: 3CX has a, b, c; VOIPNOW b, c; the others b.
    expect(Object.fromEntries(counts.perProduct.map((p) => [p.slug, p.channels.email]))).toEqual({ voipnow: 2, '3cx': 3, 'teams-dr': 1, connectivity: 1, voizplus: 1, voizapps: 1 });
    expect(counts).toMatchObject({ allProducts: { email: 1, webhook: 0, teams: 0, slack: 0, discord: 0 }, unconfirmed: 1, disabled: 0 });
  });

  it('logs each event by state, lists a dead delivery masked, and retries it (admins only)', async () => {
    refuse = (to) => to === 'c@example.nl';
    await createIncident(context(db, admin, T0), { title: 'Storing 3CX', category: 2, message: 'We onderzoeken het.', impacts: { '3cx': 'major_outage' } });
    await drain(deps);
    // Eight refused tries, each after the wait the last one set.
    for (let n = 0; n < 8; n++) {
      const [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.state, 'failed'));
      if (!job) break;
      now = job.runAfter;
      await drain(deps);
    }
    const [event] = await deliveryLog(db);
    expect(event).toMatchObject({ kind: 'incident.opened', title: 'Storing 3CX', states: { queued: 0, sending: 0, sent: 2, failed: 0, dead: 1 } });
    const [dead] = await deadDeliveries(db);
    expect(dead).toMatchObject({ eventKind: 'incident.opened', channel: 'email', recipient: 'c…@example.nl', attempts: 8, lastError: '550 mailbox unavailable' });

    expect((await refusal(retryDead(context(db, operator, now), dead!.id))).code).toBe('forbidden');
    refuse = () => false;
    await retryDead(context(db, admin, now), dead!.id);
    await drain(deps);
    expect(sent.filter((m) => m.to === 'c@example.nl')).toHaveLength(2);
    expect((await deliveryLog(db))[0]!.states).toMatchObject({ sent: 3, dead: 0 });
    expect((await refusal(retryDead(context(db, admin, now), dead!.id))).code).toBe('not_found');
  });

  it('removes a subscriber by address, audited by number only', async () => {
    await removeSubscriberByAddress(context(db, admin, T0), ' A@Example.nl ');
    expect((await db.select().from(subscribers).where(eq(subscribers.email, 'a@example.nl'))).length).toBe(0);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'subscriber.remove'));
    expect(JSON.stringify(row)).not.toContain('a@example.nl');
    expect((await refusal(removeSubscriberByAddress(context(db, admin, T0), 'a@example.nl'))).code).toBe('not_found');
  });

  it('lets an admin register a webhook, confirmed at once, with its secret returned once; refuses a private URL and a second registration', async () => {
    const input = { channel: 'webhook', url: 'https://hooks.example.com/status', email: 'ops@example.nl', products: ['3cx'] };
    // hooks.example.com does not resolve here: with private targets allowed, the name is not looked up.
    const { ids, secrets } = await addSubscribers(context(db, admin, T0), input, { allowPrivate: true });
    const id = ids[0]!;
    expect(secrets[id]).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const [row] = await db.select().from(subscribers).where(eq(subscribers.id, id));
    expect(row).toMatchObject({ channel: 'webhook', url: 'https://hooks.example.com/status', confirmedAt: T0, allProducts: false });
    expect((await subscriberCounts(db)).perProduct.find((p) => p.slug === '3cx')!.channels.webhook).toBe(1);
    expect(await refusal(addSubscribers(context(db, admin, T0), input, { allowPrivate: true }))).toMatchObject({ code: 'conflict', fields: [{ path: 'url', message: `is already subscribed (subscriber ${id})` }] });
    expect((await refusal(addSubscribers(context(db, admin, T0), { ...input, url: 'http://10.0.0.1/x' }, { allowPrivate: false }))).fields).toEqual([{ path: 'url', message: 'points to a loopback, private or reserved address' }]);
    expect((await refusal(addSubscribers(context(db, operator, T0), { ...input, url: 'https://other.example.com/' }, { allowPrivate: true }))).code).toBe('forbidden');
  });
});
