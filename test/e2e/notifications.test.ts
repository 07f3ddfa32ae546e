// The issues' "done when", against the built app: a visitor subscribes on /subscribe
// (a plain form post), confirms from the mail the app sent to a real SMTP server on
// loopback, the NOC opens an incident through the API, and the mail arrives within
// seconds, with a one-click unsubscribe that works by a plain POST; a new user adds a
// Microsoft Teams channel on /subscribe and the incident arrives there as a card (a
// receiver on loopback); an admin manages subscribers through /api/v1/subscribers and
// the console's CSV upload. On both databases.
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '#src/auth/users.ts';
import { drivers } from '../support/databases.ts';
import { startMailServer, type MailServer } from '../support/mail-server.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startReceiver, type Receiver } from '../support/receivers.ts';
import { run, target, type Target } from '../support/targets.ts';

async function waitFor<T>(what: string, found: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const linkOf = (mail: ParsedMail) => /https?:\/\/\S+\/subscription\?token=[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')![0];

describe.each(drivers)('subscribing and hearing it first on %s', (driver) => {
  let where: Target;
  let server: RunningServer;
  let smtp: MailServer;
  let receiver: Receiver;
  let token = '';
  let cookie = '';
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });

  beforeAll(async () => {
    smtp = await startMailServer();
    receiver = await startReceiver();
    where = await target(driver);
    const added = await run('user', ['add', 'noc@example.nl', '--name', 'NOC', '--role', 'admin'], where.env, 'correct horse battery staple\n');
    expect(added.code, added.stderr).toBe(0);
    await where.inspect(async (db) => {
      token = (await createToken({ db, actor: { kind: 'system', name: 'cli' }, now: new Date() }, { email: 'noc@example.nl', name: 'curl', scopes: ['incidents', 'subscribers'] })).token;
    });
    // The Teams receiver is on loopback: a test must allow private targets.
    server = await startServer({ ...where.env, DEMO_DATA: 'off', SMTP_URL: smtp.url, MAIL_FROM: 'voizXL status <status@example.nl>', WEBHOOK_ALLOW_PRIVATE: 'true' });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await where?.remove();
    await smtp?.close();
    await receiver?.close();
  });

  it('says at start-up where mails go', () => {
    expect(server.output()).toContain(`Notifications: sent by a worker thread of this process while deliveries are due; mail: SMTP server 127.0.0.1:${new URL(smtp.url).port}`);
  });

  it('signs up without JavaScript, confirms from the mail, and receives the incident mail within seconds', async () => {
    const page = await (await fetch(`${server.url}/subscribe`)).text();
    expect(page).toContain('<label for="email-email">E-mailadres</label>');
    const form = new URLSearchParams({ channel: 'email', email: 'klant@example.nl', locale: 'en' });
    form.append('products', '3cx');
    const posted = await fetch(`${server.url}/subscribe`, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: server.url } });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/subscribe?sent');
    const confirmation = await waitFor('confirmation mail', () => smtp.to('klant@example.nl')[0]);
    expect(confirmation.subject).toBe('Confirm your voizXL status subscription');
    const link = linkOf(confirmation);
    expect(link.startsWith(`${server.url}/en/subscription?token=`)).toBe(true);
    // Opening the link changes nothing (mail scanners open links); the button confirms.
    const opened = await fetch(link);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(await opened.text()).toContain('value="confirm"');
    const confirmed = await fetch(`${server.url}/en/subscription`, {
      method: 'POST',
      headers: { Origin: server.url },
      body: new URLSearchParams({ token: new URL(link).searchParams.get('token')!, action: 'confirm' }),
    });
    const confirmedPage = await confirmed.text();
    expect(confirmedPage).toContain('Your subscription is confirmed.');
    // The address is never shown in full.
    expect(confirmedPage).toContain('Notifications for k…@example.nl.');
    expect(confirmedPage).not.toContain('klant@example.nl');

    const opened3cx = await fetch(`${server.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Storing 3CX', titleEn: '3CX outage', category: 2, status: 'investigating', message: 'We onderzoeken het.', messageEn: 'We are looking into it.', impacts: { '3cx': 'major_outage' } }),
    });
    expect(opened3cx.status).toBe(201);
    const sentAt = Date.now();
    const incidentMail = await waitFor('incident mail', () => smtp.to('klant@example.nl')[1], 10_000);
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    expect(incidentMail.subject).toBe('Incident: 3CX outage');
    expect(incidentMail.text).toContain('We are looking into it.');

    // RFC 8058: the mail program posts "List-Unsubscribe=One-Click", from anywhere, without a session.
    const oneClick = /<([^>]+)>/.exec(incidentMail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1]!;
    const unsubscribed = await fetch(oneClick, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example.com' }, body: 'List-Unsubscribe=One-Click' });
    expect(unsubscribed.status).toBe(200);
    expect((await fetch(oneClick, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(404);
  });

  it('answers a sign-up with a bad address with the form and its error (422), and a cross-site post with 403', async () => {
    const bad = await fetch(`${server.url}/subscribe`, { method: 'POST', headers: { Origin: server.url }, body: new URLSearchParams({ channel: 'email', email: 'nope' }) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Vul een geldig e-mailadres in.');
    const cross = await fetch(`${server.url}/subscribe`, { method: 'POST', headers: { Origin: 'https://evil.example' }, body: new URLSearchParams({ email: 'x@example.nl' }) });
    expect(cross.status).toBe(403);
  });

  it('shows admins the notifications page: counts per product and the delivery log, no address in full', async () => {
    const signedIn = await fetch(`${server.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: new URLSearchParams({ email: 'noc@example.nl', password: 'correct horse battery staple' }),
    });
    expect(signedIn.status).toBe(303);
    cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const page = await fetch(`${server.url}/admin/notifications`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<h2>Abonnees per dienst</h2>');
    expect(html).toContain('incident.opened: Storing 3CX');
    expect(html).not.toContain('klant@example.nl');
  });

  it('adds a Microsoft Teams channel on /subscribe, and the incident arrives there as a card', async () => {
    const page = await (await fetch(`${server.url}/en/subscribe`)).text();
    expect(page).toContain('<label for="webhook-channel-teams">Microsoft Teams</label>');
    const url = `${receiver.url}/workflows/it-team`;
    const form = new URLSearchParams({ channel: 'teams', url, email: 'it@klant.nl', locale: 'en' });
    form.append('products', '3cx');
    const posted = await fetch(`${server.url}/en/subscribe`, { method: 'POST', body: form, redirect: 'manual', headers: { Origin: server.url } });
    expect(posted.status).toBe(303);
    const confirmation = await waitFor('confirmation mail', () => smtp.to('it@klant.nl')[0]);
    expect(confirmation.text).toContain(`This is for Microsoft Teams at ${url}`);
    const confirmed = await fetch(`${server.url}/en/subscription`, { method: 'POST', headers: { Origin: server.url }, body: new URLSearchParams({ token: new URL(linkOf(confirmation)).searchParams.get('token')!, action: 'confirm' }) });
    expect(await confirmed.text()).toContain(`Notifications for Microsoft Teams: ${url}.`);
    const opened = await api('/incidents', { method: 'POST', body: JSON.stringify({ title: 'Storing 3CX Teams', titleEn: '3CX outage in Teams', category: 2, status: 'investigating', message: 'We onderzoeken het.', messageEn: 'We are looking into it.', impacts: { '3cx': 'major_outage' } }) });
    expect(opened.status).toBe(201);
    const post = await waitFor('the card', () => receiver.received.find((r) => r.path === '/workflows/it-team'), 10_000);
    const card = JSON.parse(post.body).attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body[0].text).toBe('Incident: 3CX outage in Teams');
    expect(card.content.actions[0].url).toBe(`${server.url}/en/incidents/${(await opened.json()).id}`);
  });

  it('lets an admin add, list and remove subscribers through /api/v1/subscribers, all or nothing', async () => {
    const bad = await api('/subscribers', { method: 'POST', body: JSON.stringify({ subscribers: [{ email: 'a@klant.nl' }, { email: 'nope' }, { email: 'b@klant.nl', products: ['fax'] }] }) });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(['subscribers[1].email', 'subscribers[2].products[0]']);
    const added = await api('/subscribers', { method: 'POST', body: JSON.stringify({ subscribers: [{ email: 'a@klant.nl', locale: 'en' }, { email: 'b@klant.nl', products: ['3cx'] }] }) });
    expect(added.status).toBe(201);
    const { ids } = await added.json();
    expect(ids).toHaveLength(2);
    expect((await api('/subscribers', { method: 'POST', body: JSON.stringify({ email: 'a@klant.nl' }) })).status).toBe(409);
    const listed = await (await api('/subscribers?limit=1000')).json();
    expect(listed.next).toBeNull();
    expect(listed.subscribers.filter((s: { id: number }) => ids.includes(s.id)).map((s: { email: string; products: string[]; confirmedAt: string | null }) => [s.email, s.products, s.confirmedAt !== null])).toEqual([
      ['a@klant.nl', [], true],
      ['b@klant.nl', ['3cx'], true],
    ]);
    expect((await api(`/subscribers/${ids[0]}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/subscribers/${ids[0]}`, { method: 'DELETE' })).status).toBe(404);
    expect((await api('/subscribers?after=x')).status).toBe(422);
    const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(Object.keys(openapi.paths['/subscribers'])).toEqual(['get', 'post']);
    expect(Object.keys(openapi.paths['/subscribers/{id}'])).toEqual(['delete']);
  });

  it('takes a CSV of subscribers on the console, all or nothing, and names a bad line', async () => {
    const page = await (await fetch(`${server.url}/admin/notifications`, { headers: { Cookie: cookie } })).text();
    expect(page).toContain('Het log bewaart een gebeurtenis en haar verzendingen 90 dagen');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const upload = (csv: string) => {
      const form = new FormData();
      form.append('csrf', csrf);
      form.append('intent', 'csv');
      form.append('csv', new File([csv], 'klanten.csv', { type: 'text/csv' }));
      return fetch(`${server.url}/admin/notifications`, { method: 'POST', body: form, redirect: 'manual', headers: { Cookie: cookie, Origin: server.url } });
    };
    const refused = await upload('email,locale,products\nc@klant.nl,nl,3cx\nd@klant,en,\n');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Regel 3, email: moet een e-mailadres zijn');
    const taken = await upload('email,locale,products\nc@klant.nl,nl,3cx\nd@klant.nl,en,\n');
    expect(taken.status).toBe(303);
    expect(taken.headers.get('location')).toBe('/admin/notifications?added=2');
  });
});
