// `npm run worker` as its own process beside the app (PostgreSQL only: the embedded
// database admits one process). Killed with SIGKILL in the middle of a batch, while mails
// are in flight, it loses nothing: a new worker sends the rest once the lease of the dead
// one's claim has run out, and nobody gets the mail twice (what was acknowledged before
// the kill is not sent again).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { notificationJobs } from '#db/schema.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { mailTransport } from '#src/notifications/channels/email/transport.ts';
import { confirm, signUp } from '#src/notifications/subscriptions.ts';
import { drain } from '#src/notifications/delivery/dispatcher.ts';
import { databaseStore } from '#src/notifications/delivery/store.ts';
import { context, databaseWithProducts, userActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';
import { until } from '../support/until.ts';

const ADDRESSES = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}@example.nl`);

describe.skipIf(!drivers.includes('postgres'))('the separate worker process on postgres', () => {
  let smtp: MailServer;
  let database: TestDatabase;
  let db: Database;
  const workers: ChildProcess[] = [];
  const startWorker = (env: Record<string, string> = {}) => {
    const child = spawn(process.execPath, ['src/cli/worker.ts'], { env: { ...process.env, DATABASE_URL: database.url!, SMTP_URL: smtp.url, ...env }, stdio: 'pipe' });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    workers.push(child);
    return { child, output: () => output };
  };
  const states = async () => (await db.select({ state: notificationJobs.state }).from(notificationJobs)).map((j) => j.state).sort();

  beforeAll(async () => {
    smtp = await startMailServer();
    database = await databaseWithProducts('postgres');
    db = database.handle.db;
    const now = new Date();
    const mail = mailTransport({ smtpUrl: smtp.url, mailDir: '/nonexistent', mailFrom: 'status@example.nl' });
    for (const email of ADDRESSES) {
      await signUp(db, { email }, now, { allowPrivate: false });
      await drain({ store: databaseStore(db), mail, clock: () => now, settings: { siteUrl: 'http://localhost', webhookRetryBaseMs: 1000, webhookAllowPrivate: false } });
      await confirm(db, /token=([A-Za-z0-9_-]{43})/.exec(smtp.to(email)[0]!.text!)![1]!, now);
    }
    mail.close();
    smtp.messages.length = 0;
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await database?.drop();
    await smtp?.close();
  });

  it('refuses to start on the embedded database, in one line', async () => {
    const child = spawn(process.execPath, ['src/cli/worker.ts'], { env: { ...process.env, DATABASE_URL: '' }, stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Configuration error: DATABASE_URL must be set for a separate worker (the embedded database admits one process; the app sends notifications itself)');
  });

  it('resumes after SIGKILL mid-batch without losing or doubling a mail', async () => {
    smtp.holdAfter(2);
    const first = startWorker();
    const noc = await userActor(db, { scopes: ['incidents'] });
    await createIncident(context(db, noc, new Date()), { title: 'Storing 3CX', category: 2, message: 'We onderzoeken het.', impacts: { '3cx': 'major_outage' } });
    // Two mails accepted and acknowledged, the other four in flight (the server holds them): the worker dies there.
    await until('two mails acknowledged and the others in flight', async () => smtp.messages.length === 2 && (await states()).filter((s) => s === 'sent').length === 6 + 2, 20_000, 100);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    expect(first.output()).toContain('Notification worker running; mail: SMTP server 127.0.0.1');
    expect(await states()).toEqual(['sending', 'sending', 'sending', 'sending', 'sent', 'sent', ...Array(6).fill('sent')].sort());
    smtp.holdAfter(Number.POSITIVE_INFINITY);
    // Two minutes pass for the claim's lease, behind the worker's back.
    await db.execute(sql`update notification_jobs set run_after = now() where state = 'sending'`);
    startWorker();
    await until('every mail sent', async () => (await states()).every((s) => s === 'sent'), 20_000, 100);
    const incidentMails = smtp.messages.filter((m) => m.subject === 'Storing: Storing 3CX');
    expect(incidentMails.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address).sort()).toEqual(ADDRESSES);
  });
});
