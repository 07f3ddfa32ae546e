// The app's worker thread (src/notifications/delivery/thread.ts) as `npm start` runs it, on
// both databases, against a real SMTP server on loopback: no thread while nothing is due,
// one as soon as an incident queues mail, gone again after its idle time, and back for the
// next incident, every mail sent once; started ahead by a write, it stops again when idle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#src/config/environment.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { addSubscribers } from '#src/notifications/admin-subscribers.ts';
import { startNotificationThread } from '#src/notifications/delivery/thread.ts';
import { workerConfigOf } from '#src/notifications/runner.ts';
import { context, databaseWithProducts, userActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';
import { until } from '../support/until.ts';


describe.each(drivers)('the worker thread on %s', (driver) => {
  let smtp: MailServer;
  let database: TestDatabase;
  beforeAll(async () => {
    smtp = await startMailServer();
    database = await databaseWithProducts(driver);
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.drop();
  });

  it('runs only while mail is due: started by an incident, stopped when idle, started again by the next', async () => {
    const { db } = database.handle;
    const config = loadConfig({ SITE_URL: 'https://status.example.nl', SMTP_URL: smtp.url, MAIL_FROM: 'status@example.nl', ...(database.url && { DATABASE_URL: database.url }) });
    const admin = await userActor(db, { email: 'admin@example.nl', role: 'admin', scopes: null });
    const now = () => new Date();
    await addSubscribers(context(db, admin, now()), { subscribers: ['a', 'b', 'c'].map((name) => ({ email: `${name}@example.nl` })) }, { allowPrivate: false });
    const thread = startNotificationThread(database.handle, workerConfigOf(config), now, { idleMs: 400, log: () => {} });
    try {
      // Nothing is due: a few looks later there is still no thread.
      await new Promise((r) => setTimeout(r, 2500));
      expect(thread.running()).toBe(false);

      const opening = { category: 2, message: 'We onderzoeken een storing.', impacts: { '3cx': 'major_outage' } };
      await createIncident(context(db, admin, now()), { ...opening, title: 'Storing één' });
      // (The mails are the thread's work: it runs only in the thread.)
      await until('the first incident mailed to all three', () => smtp.messages.length >= 3);
      await until('the thread stopped when idle', () => !thread.running());

      await createIncident(context(db, admin, now()), { ...opening, title: 'Storing twee' });
      await until('the second incident mailed to all three', () => smtp.messages.length >= 6);
      await new Promise((r) => setTimeout(r, 1500));
      const sent = smtp.messages.map((m) => `${[m.to].flat()[0]?.text} ${/Storing (één|twee)/.exec(m.subject ?? '')?.[0]}`).sort();
      expect(sent).toEqual(['a', 'b', 'c'].flatMap((name) => [`${name}@example.nl Storing twee`, `${name}@example.nl Storing één`]));

      // A write arriving at the front server starts it before anything is due; with nothing to send it stops again.
      await until('the thread stopped when idle', () => !thread.running());
      thread.prepare();
      expect(thread.running()).toBe(true);
      await until('the prepared thread stopped when idle', () => !thread.running());
    } finally {
      await thread.stop();
    }
    expect(thread.running()).toBe(false);
  });
});
