// Maintenance mails (announced, rescheduled, reminder, started, completed, cancelled) to the
// subscribers of the maintenance's products, the reminder at the configured lead time, the
// NOC's update-due and overdue mails, each told once however often the clock is read, and
// the .eml files written without SMTP_URL. On both databases.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { cancelMaintenance } from '#src/maintenance/commands/cancel.ts';
import { completeMaintenance } from '#src/maintenance/commands/complete.ts';
import { editMaintenance } from '#src/maintenance/commands/edit.ts';
import { scheduleMaintenance } from '#src/maintenance/commands/schedule.ts';
import { composeMime, personalize } from '#src/notifications/channels/email/mime.ts';
import { mailTransport } from '#src/notifications/channels/email/transport.ts';
import { tick, type SchedulerSettings } from '#src/notifications/scheduler.ts';
import { confirm, signUp } from '#src/notifications/subscriptions.ts';
import { drain, type WorkerDeps } from '#src/notifications/delivery/dispatcher.ts';
import { databaseStore } from '#src/notifications/delivery/store.ts';
import { DEFAULT_OFFICE_HOURS } from '#src/sla/office-hours.ts';
import { DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import { context, databaseWithProducts, userActor, type UserActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';

const SITE = 'https://status.example.nl';
/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = new Date('2026-03-10T10:00:00Z');
const HOUR = 3_600_000;
/** Friday 27 March 2026 20:00–23:00 CET: a regular window 17 days ahead. */
const first = { start: new Date('2026-03-27T19:00:00Z'), end: new Date('2026-03-27T22:00:00Z') };
/** Friday 3 April 2026 20:00–23:00 CEST (summer time since 29 March). */
const moved = { start: new Date('2026-04-03T18:00:00Z'), end: new Date('2026-04-03T21:00:00Z') };
const regular = { type: 'regular', title: 'Regulier onderhoud voizplus', titleEn: 'Regular maintenance voizplus', description: 'Update van de SBC.', products: ['voizplus'], start: first.start.toISOString(), end: first.end.toISOString() };

describe.each(drivers)('maintenance mails and reminders on %s', (driver) => {
  let smtp: MailServer;
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  let now: Date;
  let deps: WorkerDeps;
  const settings: SchedulerSettings = { reminderLeadMs: 24 * HOUR, nocEmails: ['noc@voizxl.nl'], sla: { weights: DEFAULT_IMPACT_WEIGHTS, officeHours: DEFAULT_OFFICE_HOURS } };
  const subjects = (address: string) => smtp.to(address).map((m) => m.subject);
  const at = async (moment: Date) => {
    now = moment;
    await tick(db, now, settings);
    await drain(deps);
  };

  beforeAll(async () => {
    smtp = await startMailServer();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    smtp.messages.length = 0;
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['incidents', 'maintenance'] });
    now = T0;
    deps = { store: databaseStore(db), clock: () => now, mail: mailTransport({ smtpUrl: smtp.url, mailDir: '/nonexistent', mailFrom: 'status@example.nl' }), settings: { siteUrl: SITE, webhookRetryBaseMs: 1000, webhookAllowPrivate: false } };
    for (const [email, locale, products] of [['plus@example.nl', 'nl', ['voizplus']], ['all@example.com', 'en', []], ['drie@example.nl', 'nl', ['3cx']]] as const) {
      await signUp(db, { email, locale, products: [...products] }, T0, { allowPrivate: false });
      await drain(deps);
      await confirm(db, /token=([A-Za-z0-9_-]{43})/.exec(smtp.to(email)[0]!.text!)![1]!, T0);
    }
    smtp.messages.length = 0;
  });
  afterEach(async () => {
    deps.mail.close();
    await database?.drop();
  });

  it('tells the subscribers of its products: announced, rescheduled, the reminder 24 hours ahead (once), started, completed', async () => {
    const { id } = await scheduleMaintenance(context(db, noc, T0), regular);
    await at(T0);
    expect(subjects('drie@example.nl')).toEqual([]);
    const [announced] = smtp.to('plus@example.nl');
    expect(announced!.subject).toBe('Onderhoud aangekondigd: Regulier onderhoud voizplus');
    expect(announced!.text).toContain('Regulier onderhoud voizplus (Regulier onderhoud)');
    expect(announced!.text).toContain('Venster: 27 maart 2026 om 20:00 CET – 23:00 CET');
    expect(smtp.to('all@example.com')[0]!.text).toContain('Window: 27 March 2026 at 20:00 CET – 23:00 CET');

    await editMaintenance(context(db, noc, new Date(+T0 + 24 * HOUR)), { id }, { start: moved.start.toISOString(), end: moved.end.toISOString() });
    await at(new Date(+T0 + 24 * HOUR));
    const rescheduled = smtp.to('plus@example.nl')[1]!;
    expect(rescheduled.subject).toBe('Onderhoud verplaatst: Regulier onderhoud voizplus');
    expect(rescheduled.text).toContain('Venster: 3 april 2026 om 20:00 CEST – 23:00 CEST');
    expect(rescheduled.text).toContain('Eerder gepland: 27 maart 2026 om 20:00 CET – 23:00 CET');

    // The old window's reminder time passes without a reminder; the new one's is 2 April 18:00 UTC.
    await at(new Date(+first.start - 24 * HOUR));
    await at(new Date(+moved.start - 24 * HOUR - 60_000));
    expect(subjects('plus@example.nl')).toHaveLength(2);
    await at(new Date(+moved.start - 24 * HOUR));
    await at(new Date(+moved.start - 23 * HOUR));
    expect(subjects('plus@example.nl')).toEqual([
      'Onderhoud aangekondigd: Regulier onderhoud voizplus',
      'Onderhoud verplaatst: Regulier onderhoud voizplus',
      'Herinnering onderhoud: Regulier onderhoud voizplus',
    ]);
    await at(moved.start);
    await completeMaintenance(context(db, noc, new Date(+moved.start + HOUR)), { id });
    await at(new Date(+moved.start + HOUR));
    expect(subjects('all@example.com')).toEqual([
      'Maintenance announced: Regular maintenance voizplus',
      'Maintenance rescheduled: Regular maintenance voizplus',
      'Maintenance reminder: Regular maintenance voizplus',
      'Maintenance started: Regular maintenance voizplus',
      'Maintenance completed: Regular maintenance voizplus',
    ]);
    expect(subjects('drie@example.nl')).toEqual([]);
    // It was completed: the NOC gets no "not completed" mail when the window ends.
    await at(moved.end);
    expect(subjects('noc@voizxl.nl')).toEqual([]);
  });

  it('tells a cancellation with its reason, and the NOC about a window that ended without being completed', async () => {
    const cancelled = await scheduleMaintenance(context(db, noc, T0), regular);
    await cancelMaintenance(context(db, noc, T0), { id: cancelled.id }, { reason: 'De leverancier stelt de update uit.' });
    const kept = await scheduleMaintenance(context(db, noc, T0), { ...regular, title: 'Tweede onderhoud', titleEn: undefined });
    await at(T0);
    const mail = smtp.to('plus@example.nl').find((m) => m.subject === 'Onderhoud geannuleerd: Regulier onderhoud voizplus')!;
    expect(mail.text).toContain('Reden: De leverancier stelt de update uit.');
    await at(first.end);
    expect(subjects('noc@voizxl.nl')).toEqual(['Onderhoud niet afgerond: Tweede onderhoud']);
    expect(smtp.to('noc@voizxl.nl')[0]!.text).toContain(`${SITE}/admin/maintenance/${kept.id}`);
  });

  it('mails the NOC 15 minutes before an open incident’s next public update is due, and when it is overdue, once each', async () => {
    // Category 2: an update every 2 hours, 24/7 (SLA §4). First update at 11:00 CET: next due 13:00 CET.
    await createIncident(context(db, noc, T0), { title: 'Storing 3CX', category: 2, message: 'We onderzoeken het.', impacts: { '3cx': 'major_outage' } });
    await at(new Date(+T0 + 105 * 60_000 - 1000));
    expect(subjects('noc@voizxl.nl')).toEqual([]);
    await at(new Date(+T0 + 105 * 60_000));
    await at(new Date(+T0 + 110 * 60_000));
    expect(subjects('noc@voizxl.nl')).toEqual(['Update binnen 15 minuten nodig: Storing 3CX']);
    expect(smtp.to('noc@voizxl.nl')[0]!.text).toContain('uiterlijk 10 maart 2026 om 13:00 CET geplaatst zijn');
    await at(new Date(+T0 + 121 * 60_000));
    await at(new Date(+T0 + 150 * 60_000));
    expect(subjects('noc@voizxl.nl')).toEqual(['Update binnen 15 minuten nodig: Storing 3CX', 'Update te laat: Storing 3CX']);
  });
});

describe('mail without SMTP_URL', () => {
  it('is written as an .eml file under DATA_DIR/mail that any mail program opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-mail-'));
    try {
      const transport = mailTransport({ smtpUrl: undefined, mailDir: join(dir, 'mail'), mailFrom: 'voizXL status <status@example.nl>' });
      expect(transport.describe).toBe(`.eml files in ${join(dir, 'mail')} (no SMTP_URL set)`);
      const raw = await composeMime(transport.from, { subject: 'Storing: Storing 3CX', text: 'Tekst', html: '<p>Tekst</p>' }, { 'List-Unsubscribe': '<https://x/y>' });
      await transport.send({ to: 'jan@example.nl', raw: personalize(raw, { to: 'jan@example.nl' }) });
      const [file] = readdirSync(join(dir, 'mail'));
      expect(file).toMatch(/\.eml$/);
      const mail = await simpleParser(readFileSync(join(dir, 'mail', file!)));
      expect(mail.subject).toBe('Storing: Storing 3CX');
      expect(mail.text?.trim()).toBe('Tekst');
      expect(mail.from?.text).toBe('"voizXL status" <status@example.nl>');
      expect(mail.to).toMatchObject({ text: 'jan@example.nl' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
