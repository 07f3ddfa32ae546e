// The notification mails as a subscriber reads them (src/notifications/channels/email/content.ts):
// every line of an incident mail and of a rescheduled maintenance, in Dutch and English,
// times in Europe/Amsterdam with the zone; the confirmation, the notice that a URL channel
// was switched off, the NOC's reminder; and the signed links every mail carries.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { confirmationMail, nocMail, subscriberMail, webhookDisabledMail } from '#src/notifications/channels/email/content.ts';
import { composeMime, MANAGE_SLOT, personalize } from '#src/notifications/channels/email/mime.ts';
import { CONFIRM_LINK_HOURS, linkToken, readLinkToken, tokenMatches } from '#src/notifications/links.ts';
import { incidentOpened, maintenanceRescheduled, SITE } from '../support/notification-events.ts';

const at = new Date('2026-03-10T10:05:01.000Z');

describe('a mail about an incident', () => {
  it('tells it in Dutch, line by line, with the manage link in the footer', () => {
    const mail = subscriberMail(incidentOpened, 'nl', { siteUrl: SITE, manage: `${SITE}/subscription?token=T` }, at);
    expect(mail.subject).toBe('Storing: Storing 3CX');
    expect(mail.text).toBe(
      [
        'De NOC meldt een storing.',
        'Storing 3CX',
        'Betreft: 3CX',
        'Status: Onderzoek',
        'Update (10 maart 2026 om 11:05 CET): We onderzoeken een storing.',
        'Gemeld: 10 maart 2026 om 11:00 CET',
        `Meer informatie: ${SITE}/incidents/12`,
        '-- \nU ontvangt dit bericht omdat u zich hebt aangemeld voor meldingen over 3CX op de statuspagina van voizXL.',
        `Abonnement wijzigen of opzeggen: ${SITE}/subscription?token=T\n`,
      ].join('\n\n'),
    );
    expect(mail.html).toContain('<p><strong>Betreft:</strong> 3CX</p>');
    expect(mail.html).toContain(`<p><a href="${SITE}/incidents/12">Meer informatie</a></p>`);
    expect(mail.html.startsWith('<!doctype html><html lang="nl">')).toBe(true);
  });

  it('tells it in English with the English title, update and page', () => {
    const mail = subscriberMail(incidentOpened, 'en', { siteUrl: SITE, manage: `${SITE}/en/subscription?token=T` }, at);
    expect(mail.subject).toBe('Incident: 3CX outage');
    expect(mail.text).toContain('Update (10 March 2026 at 11:05 CET): We are investigating.');
    expect(mail.text).toContain(`More information: ${SITE}/en/incidents/12`);
    expect(mail.text).toContain('Change or cancel your subscription: ');
  });

  it('escapes what the NOC typed in the HTML part', () => {
    const payload = { ...incidentOpened, incident: { ...incidentOpened.incident!, title: 'A <b> & "c"' } };
    const mail = subscriberMail(payload, 'nl', { siteUrl: SITE }, at);
    expect(mail.html).toContain('<title>Storing: A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(mail.html).not.toContain('<b>');
  });
});

describe('a mail about a rescheduled maintenance', () => {
  it('gives the new window and the earlier one, the end as a time on the same day', () => {
    const mail = subscriberMail(maintenanceRescheduled, 'en', { siteUrl: SITE }, at);
    expect(mail.subject).toBe('Maintenance rescheduled: Regular maintenance voizplus');
    expect(mail.text.split('\n\n').slice(0, 6)).toEqual([
      'The maintenance has moved to another window.',
      'Regular maintenance voizplus (Regular maintenance)',
      'Affects: voizplus',
      'Window: 27 March 2026 at 20:00 CET – 23:00 CET',
      'Previously planned: 20 March 2026 at 20:00 CET – 23:00 CET',
      'SBC update.',
    ]);
  });
});

describe('the mails about a subscription', () => {
  it('asks to confirm, naming the service and URL of a chat channel and how long the link lasts', () => {
    const mail = confirmationMail('en', { siteUrl: SITE, confirm: `${SITE}/en/subscription?token=C`, confirmHours: 48 }, { url: 'https://hooks.slack.com/services/T/B/x', service: 'Slack' });
    expect(mail.subject).toBe('Confirm your voizXL status subscription');
    expect(mail.text).toContain('This is for Slack at https://hooks.slack.com/services/T/B/x; this address hears from us when the notifications no longer arrive there.');
    expect(mail.text).toContain(`Confirm subscription: ${SITE}/en/subscription?token=C`);
    expect(mail.text).toContain('The link is valid for 48 hours.');
  });

  it('tells the contact why a URL channel was switched off: failing for a day, or deleted at its platform', () => {
    expect(webhookDisabledMail('nl', { url: 'https://x.example/h', reason: 'failing', service: 'Webhook' }, SITE).text).toContain('De webhook naar https://x.example/h faalt al een dag.');
    const gone = webhookDisabledMail('en', { url: 'https://discord.com/api/webhooks/1/a', reason: 'gone', service: 'Discord' }, SITE);
    expect(gone.subject).toBe('Webhook disabled by voizXL status');
    expect(gone.text).toContain('Discord reports that https://discord.com/api/webhooks/1/a no longer exists (deleted or archived).');
    expect(gone.text).toContain(`${SITE}/en/subscribe`);
  });

  it('reminds the NOC in Dutch, with the console link', () => {
    const mail = nocMail({ kind: 'noc.update_due', products: [], incident: incidentOpened.incident!, dueAt: '2026-03-10T12:00:00.000Z' }, SITE);
    expect(mail.subject).toBe('Update binnen 15 minuten nodig: Storing 3CX');
    expect(mail.text).toContain('De volgende publieke update (SLA §4) moet uiterlijk 10 maart 2026 om 13:00 CET geplaatst zijn.');
    expect(mail.text).toContain(`${SITE}/admin/incidents/12`);
  });
});

describe('the signed links of the mails', () => {
  const holder = { id: 4711, linkKey: 'a'.repeat(64), lastConfirmationAt: new Date('2026-03-10T10:00:00Z') };

  it('are 43 characters that name the purpose and the subscriber, and match only with its key', () => {
    const manage = linkToken(holder, 'manage');
    expect(manage).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readLinkToken(manage)).toEqual({ purpose: 'manage', subscriberId: 4711 });
    expect(linkToken(holder, 'manage')).toBe(manage);
    expect(tokenMatches(manage, holder, 'manage', new Date())).toBe(true);
    expect(tokenMatches(manage, { ...holder, linkKey: 'b'.repeat(64) }, 'manage', new Date())).toBe(false);
    expect(tokenMatches(manage, holder, 'confirm', new Date())).toBe(false);
    const tampered = `${manage.slice(0, 42)}${manage[42] === 'A' ? 'B' : 'A'}`;
    expect(tokenMatches(tampered, holder, 'manage', new Date())).toBe(false);
  });

  it('confirm for 48 hours after the sign-up they answer, and no longer after a new sign-up', () => {
    const confirm = linkToken(holder, 'confirm');
    const end = +holder.lastConfirmationAt + CONFIRM_LINK_HOURS * 3_600_000;
    expect(tokenMatches(confirm, holder, 'confirm', new Date(end - 1))).toBe(true);
    expect(tokenMatches(confirm, holder, 'confirm', new Date(end))).toBe(false);
    expect(tokenMatches(confirm, { ...holder, lastConfirmationAt: new Date('2026-03-10T11:00:00Z') }, 'confirm', new Date('2026-03-10T11:00:00Z'))).toBe(false);
  });
});

describe('a mail composed once for many recipients', () => {
  it('gets each recipient’s address, message id and tokens, also where quoted-printable breaks a line inside them', async () => {
    const token = linkToken({ id: 77, linkKey: 'c'.repeat(64), lastConfirmationAt: null }, 'manage');
    // Long lines around the slot make quoted-printable break inside it, in the text and the HTML part.
    const manage = `https://status.example.nl/${'x'.repeat(30)}/subscription?token=${MANAGE_SLOT}`;
    const content = subscriberMail(incidentOpened, 'nl', { siteUrl: SITE, manage }, at);
    const raw = await composeMime('voizXL status <status@example.nl>', content, { 'List-Unsubscribe': `<${SITE}/subscription/unsubscribe?token=${MANAGE_SLOT}>` });
    expect(raw).toMatch(/=\r\n/);
    const [one, two] = await Promise.all(['jan@example.nl', 'piet@example.nl'].map((to) => simpleParser(personalize(raw, { to, manage: token }))));
    expect(one!.to).toMatchObject({ text: 'jan@example.nl' });
    expect(two!.to).toMatchObject({ text: 'piet@example.nl' });
    expect(one!.messageId).not.toBe(two!.messageId);
    expect(one!.text).toContain(`/subscription?token=${token}\n`);
    expect(one!.html).toContain(`/subscription?token=${token}"`);
    expect(one!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r\n\s+/, ' ')).toBe(`List-Unsubscribe: <${SITE}/subscription/unsubscribe?token=${token}>`);
    expect(`${one!.text}${one!.html}`).not.toContain('Slot');
  });
});
