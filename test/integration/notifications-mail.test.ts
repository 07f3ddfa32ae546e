// Notifications by e-mail end to end below the HTTP layer, against a real SMTP server on
// loopback (test/support/mail-server.ts): sign-up and double opt-in, per-product routing,
// both languages, List-Unsubscribe with the one-click cancel, the outbox committing with
// the write (or not at all), retries with backoff, and a worker that dies mid-batch.
import { count, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { notificationEvents, notificationJobs, subscribers, subscriberTokens } from '#db/schema.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { postIncidentUpdate } from '#src/incidents/commands/post-update.ts';
import { writeIncidentReport } from '#src/incidents/commands/write-report.ts';
import { mailTransport, type MailTransport } from '#src/notifications/channels/email/transport.ts';
import { notifyIncident } from '#src/outbox/enqueue.ts';
import { confirm, signUp, unsubscribe } from '#src/notifications/subscriptions.ts';
import { drain, type WorkerDeps } from '#src/notifications/delivery/dispatcher.ts';
import { databaseStore } from '#src/notifications/delivery/store.ts';
import { context, databaseWithProducts, userActor, type UserActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';

const SITE = 'https://status.example.nl';
/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = new Date('2026-03-10T10:00:00Z');
const at = (minutes: number) => new Date(+T0 + minutes * 60_000);
const opening3cx = { title: 'Storing 3CX', titleEn: '3CX outage', category: 2, message: 'We onderzoeken een storing.', messageEn: 'We are investigating.', impacts: { '3cx': 'major_outage' } };

/** The token of the first link to /subscription in a mail's text. */
/** A header as sent ("List-Unsubscribe: <…>" → "<…>"); mailparser reshapes the List-* ones. */
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.slice(name.length + 1).trim();
const linkToken = (mail: ParsedMail) => /\/subscription\?token=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '')![1]!;

describe.each(drivers)('e-mail notifications on %s', (driver) => {
  let smtp: MailServer;
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  let now: Date;
  let deps: WorkerDeps;
  const log: string[] = [];

  beforeAll(async () => {
    smtp = await startMailServer();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    smtp.messages.length = 0;
    log.length = 0;
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['incidents'] });
    now = T0;
    deps = { store: databaseStore(db), clock: () => now, mail: mailTransport({ smtpUrl: smtp.url, mailDir: '/nonexistent', mailFrom: 'voizXL status <status@example.nl>' }), settings: { siteUrl: SITE, webhookRetryBaseMs: 1000, webhookAllowPrivate: false }, log: (l) => log.push(l) };
  });
  afterEach(async () => {
    deps.mail.close();
    await database?.drop();
  });

  /** Signs up, delivers the confirmation and follows its link: a confirmed subscriber. */
  async function subscribed(email: string, locale: 'nl' | 'en', products: string[]) {
    expect(await signUp(db, { email, locale, products }, now, { allowPrivate: false })).toEqual({ ok: true });
    await drain(deps);
    const mail = smtp.to(email).at(-1)!;
    expect(await confirm(db, linkToken(mail), now)).not.toBeNull();
  }

  it('sends nothing but the confirmation before the link is followed (double opt-in), and the link works once', async () => {
    expect(await signUp(db, { email: ' Jan@Example.NL ', locale: 'nl', products: [] }, T0, { allowPrivate: false })).toEqual({ ok: true });
    await createIncident(context(db, noc, at(1)), opening3cx);
    now = at(2);
    expect(await drain(deps)).toBe(1);
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail!.to).toMatchObject({ value: [{ address: 'jan@example.nl' }] });
    expect(mail!.subject).toBe('Bevestig uw aanmelding voor voizXL status');
    expect(mail!.text).toContain('De link is 48 uur geldig.');
    expect(mail!.html).toContain('Aanmelding bevestigen');
    const token = linkToken(mail!);
    expect((await confirm(db, token, at(3)))!.subscriber.confirmedAt).toEqual(at(3));
    // Following it again changes nothing.
    expect((await confirm(db, token, at(4)))!.subscriber.confirmedAt).toEqual(at(3));
    // A sign-up's link expires 48 hours after the sign-up (at 5 minutes; the worker sent it at 6).
    await signUp(db, { email: 'piet@example.nl' }, at(5), { allowPrivate: false });
    now = at(6);
    await drain(deps);
    const late = linkToken(smtp.to('piet@example.nl')[0]!);
    expect(await confirm(db, late, at(5 + 48 * 60))).toBeNull();
    expect(await confirm(db, late, at(5 + 48 * 60 - 1))).not.toBeNull();
    // No row per mail: the link is signed with the subscriber's own key, which no mail shows.
    expect(await db.select().from(subscriberTokens)).toEqual([]);
    const [piet] = await db.select().from(subscribers).where(eq(subscribers.email, 'piet@example.nl'));
    expect(piet!.linkKey).toMatch(/^[0-9a-f]{64}$/);
    expect(smtp.messages.map((m) => `${m.text}${m.html}`).join('')).not.toContain(piet!.linkKey);
  });

  it('refuses a bad address and unknown products, and answers a second sign-up the same while sending again only after 10 minutes', async () => {
    expect(await signUp(db, { email: 'not-an-address', products: ['teams'] }, T0, { allowPrivate: false })).toEqual({
      ok: false,
      problems: [{ field: 'email', code: 'invalid_email' }],
    });
    expect(await signUp(db, { email: 'a@example.nl', products: ['teams'] }, T0, { allowPrivate: false })).toEqual({ ok: false, problems: [{ field: 'products', code: 'unknown_product' }] });
    for (const minute of [0, 5, 11]) expect(await signUp(db, { email: 'a@example.nl', products: ['3cx'] }, at(minute), { allowPrivate: false })).toEqual({ ok: true });
    now = at(12);
    await drain(deps);
    // 0 sends, 5 is within 10 minutes of it, 11 is not: two confirmations, one subscriber.
    expect(smtp.to('a@example.nl')).toHaveLength(2);
    expect((await db.select({ n: count() }).from(subscribers))[0]!.n).toBe(1);
  });

  it('routes an incident to the subscribers of its products and of all products, each in their language', async () => {
    await subscribed('drie@example.nl', 'nl', ['3cx']);
    await subscribed('all@example.com', 'en', []);
    await subscribed('voip@example.nl', 'nl', ['voipnow']);
    smtp.messages.length = 0;
    const { id } = await createIncident(context(db, noc, at(10)), opening3cx);
    now = at(10);
    expect(await drain(deps)).toBe(2);
    expect(smtp.to('voip@example.nl')).toEqual([]);
    const [nl] = smtp.to('drie@example.nl');
    expect(nl!.subject).toBe('Storing: Storing 3CX');
    // 10:10 UTC is 11:10 CET.
    expect(nl!.text).toContain('Betreft: 3CX');
    expect(nl!.text).toContain('Status: Onderzoek');
    expect(nl!.text).toMatch(/Update \(10 maart 2026 om 11:10 CET\): We onderzoeken een storing\./);
    expect(nl!.text).toContain(`${SITE}/incidents/${id}`);
    expect(nl!.html).toContain('<strong>Betreft:</strong> 3CX');
    const [en] = smtp.to('all@example.com');
    expect(en!.subject).toBe('Incident: 3CX outage');
    expect(en!.text).toContain('Update (10 March 2026 at 11:10 CET): We are investigating.');
    expect(en!.text).toContain(`${SITE}/en/incidents/${id}`);
    // RFC 8058 one-click unsubscribe in the headers.
    expect(header(en!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header(en!, 'List-Unsubscribe')).toMatch(new RegExp(`^<${SITE}/subscription/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$`));

    await postIncidentUpdate(context(db, noc, at(20)), { id }, { status: 'resolved', message: 'Opgelost.', messageEn: 'Resolved.' });
    now = at(20);
    await drain(deps);
    expect(smtp.to('drie@example.nl').map((m) => m.subject)).toEqual(['Storing: Storing 3CX', 'Opgelost: Storing 3CX']);
    expect(smtp.to('all@example.com').map((m) => m.subject)).toEqual(['Incident: 3CX outage', 'Resolved: 3CX outage']);
  });

  it('tells the first publication of an incident report to the subscribers of its products, once, and not its correction', async () => {
    await subscribed('drie@example.nl', 'nl', ['3cx']);
    await subscribed('all@example.com', 'en', []);
    await subscribed('voip@example.nl', 'nl', ['voipnow']);
    const { id } = await createIncident(context(db, noc, at(10)), opening3cx);
    await postIncidentUpdate(context(db, noc, at(20)), { id }, { status: 'resolved', message: 'Opgelost.' });
    now = at(20);
    await drain(deps);
    smtp.messages.length = 0;
    const report = { body: 'Oorzaak: een defecte voeding in de 3CX-cluster.', bodyEn: 'Cause: a failed power supply in the 3CX cluster.' };
    // A draft tells nobody.
    await writeIncidentReport(context(db, noc, at(60)), { id }, { ...report, published: false });
    now = at(60);
    expect(await drain(deps)).toBe(0);
    await writeIncidentReport(context(db, noc, at(70)), { id }, { ...report, published: true });
    now = at(70);
    expect(await drain(deps)).toBe(2);
    expect(smtp.to('voip@example.nl')).toEqual([]);
    const [nl] = smtp.to('drie@example.nl');
    expect(nl!.subject).toBe('Rapport over de storing: Storing 3CX');
    // Published at 11:10 UTC = 12:10 CET.
    expect(nl!.text).toContain('Rapport (10 maart 2026 om 12:10 CET): Oorzaak: een defecte voeding in de 3CX-cluster.');
    expect(nl!.text).toContain(`${SITE}/incidents/${id}#report`);
    const [en] = smtp.to('all@example.com');
    expect(en!.subject).toBe('Incident report: 3CX outage');
    expect(en!.text).toContain('Report (10 March 2026 at 12:10 CET): Cause: a failed power supply in the 3CX cluster.');
    expect(en!.text).toContain(`${SITE}/en/incidents/${id}#report`);
    // A correction is marked on the page, not told again.
    await writeIncidentReport(context(db, noc, at(80)), { id }, { ...report, body: `${report.body} Vervangen om 12:00.`, published: true });
    now = at(80);
    expect(await drain(deps)).toBe(0);
    expect(smtp.messages).toHaveLength(2);
  });

  it('sends nothing after the one-click unsubscribe, and the token of any of its mails does it', async () => {
    await subscribed('weg@example.nl', 'nl', []);
    const first = await createIncident(context(db, noc, at(10)), opening3cx);
    now = at(10);
    await drain(deps);
    const token = /token=([A-Za-z0-9_-]{43})>/.exec(header(smtp.to('weg@example.nl').at(-1)!, 'List-Unsubscribe')!)![1]!;
    // An update queued before the unsubscribe is not sent after it either.
    await postIncidentUpdate(context(db, noc, at(11)), { id: first.id }, { status: 'identified', message: 'Gevonden.' });
    expect(await unsubscribe(db, token, at(12))).toBe(true);
    expect(await unsubscribe(db, token, at(12))).toBe(false);
    now = at(13);
    await createIncident(context(db, noc, at(13)), opening3cx);
    expect(await drain(deps)).toBe(0);
    expect(smtp.to('weg@example.nl').map((m) => m.subject)).toEqual(['Bevestig uw aanmelding voor voizXL status', 'Storing: Storing 3CX']);
  });

  it('writes the event and its deliveries in the transaction of the write: a rollback leaves neither', async () => {
    await subscribed('x@example.nl', 'nl', []);
    const { id } = await createIncident(context(db, noc, at(1)), opening3cx);
    const before = (await db.select({ n: count() }).from(notificationEvents))[0]!.n;
    await expect(
      db.transaction(async (tx) => {
        await notifyIncident(tx, at(2), 'incident.updated', id);
        throw new Error('the write failed after the enqueue');
      }),
    ).rejects.toThrow('the write failed');
    expect((await db.select({ n: count() }).from(notificationEvents))[0]!.n).toBe(before);
    // A refused command (an update after the resolution) queues nothing either.
    await postIncidentUpdate(context(db, noc, at(3)), { id }, { status: 'resolved', message: 'Opgelost.' });
    const jobs = (await db.select({ n: count() }).from(notificationJobs))[0]!.n;
    await expect(postIncidentUpdate(context(db, noc, at(4)), { id }, { status: 'identified', message: 'Toch niet.' })).rejects.toThrow(/resolved/);
    expect((await db.select({ n: count() }).from(notificationJobs))[0]!.n).toBe(jobs);
  });

  it('retries a refused mail after 1 and then 2 minutes, and delivers it once', async () => {
    await subscribed('later@example.nl', 'nl', []);
    smtp.messages.length = 0;
    await createIncident(context(db, noc, at(10)), opening3cx);
    smtp.reject(2);
    now = at(10);
    await drain(deps);
    let [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.state, 'failed'));
    // Attempt 1 failed at 10 min: next try 1 minute later.
    expect(job).toMatchObject({ attempts: 1, runAfter: at(11) });
    expect(log.join('\n')).toContain('to l…@example.nl failed (attempt 1)');
    expect(log.join('\n')).not.toContain('later@example.nl');
    now = at(10.5);
    expect(await drain(deps)).toBe(0);
    now = at(11);
    await drain(deps);
    [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.id, job!.id));
    // Attempt 2 failed at 11 min: base × 2 = 2 minutes.
    expect(job).toMatchObject({ state: 'failed', attempts: 2, runAfter: at(13) });
    now = at(13);
    await drain(deps);
    [job] = await db.select().from(notificationJobs).where(eq(notificationJobs.id, job!.id));
    expect(job).toMatchObject({ state: 'sent', attempts: 3, sentAt: at(13) });
    expect(smtp.to('later@example.nl')).toHaveLength(1);
  });

  it('resumes after a worker dies mid-batch: every subscriber gets the mail exactly once', async () => {
    const addresses = ['a', 'b', 'c', 'd', 'e'].map((n) => `${n}@example.nl`);
    for (const address of addresses) await subscribed(address, 'nl', ['3cx']);
    smtp.messages.length = 0;
    await createIncident(context(db, noc, at(10)), opening3cx);
    now = at(10);
    // The first worker claims all five; two go out, the other three hang, and it dies.
    const dying = new AbortController();
    let started = 0;
    const hanging: MailTransport = {
      ...deps.mail,
      send: async (m) => {
        started += 1;
        if (started > 2) return new Promise(() => {});
        await deps.mail.send(m);
        if (smtp.messages.length === 2) setTimeout(() => dying.abort(), 50);
      },
    };
    expect(await drain({ ...deps, mail: hanging }, { signal: dying.signal })).toBe(5);
    expect(smtp.messages).toHaveLength(2);
    expect((await db.select().from(notificationJobs).where(eq(notificationJobs.state, 'sending'))).length).toBe(3);
    // A second worker leaves the leased jobs alone until the lease (2 minutes) runs out…
    now = at(11);
    expect(await drain(deps)).toBe(0);
    now = at(12);
    expect(await drain(deps)).toBe(3);
    expect(smtp.messages.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address).sort()).toEqual(addresses);
    expect((await db.select().from(notificationJobs)).filter((j) => j.state === 'sent')).toHaveLength(5 + 5);
  });
});
