// The e-mail channel: every event a subscriber hears of, and what is said about a
// subscription itself (the confirmation, a URL channel switched off) and the NOC's
// reminders. A mail is composed once per event and language, as MIME with slots where the
// recipient's own parts go (./mime.ts), with RFC 8058's one-click unsubscribe; sending
// fills them in (signed links, ../../links.ts). A relay that is away or refuses us does
// not count against the recipients: the channel is backed off and the mails wait.
import { isSubscriberEvent } from '#src/outbox/events.ts';
import { messages } from '#src/i18n/messages.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { CONFIRM_LINK_HOURS, linkToken } from '../../links.ts';
import type { Channel, Outcome, StoredEvent } from '../channel.ts';
import { localePath } from '../event-message.ts';
import { confirmationMail, nocMail, subscriberMail, webhookDisabledMail, type MailContent } from './content.ts';
import { composeMime, CONFIRM_SLOT, MANAGE_SLOT, personalize } from './mime.ts';

interface ComposedMail {
  content: MailContent;
  /** A mail about an event: it carries the List-Unsubscribe headers. */
  oneClick: boolean;
}

function compose(event: StoredEvent, locale: Locale, siteUrl: string): ComposedMail {
  const { payload } = event;
  if (isSubscriberEvent(payload.kind)) {
    const manage = `${siteUrl}${localePath(locale)}/subscription?token=${MANAGE_SLOT}`;
    return { content: subscriberMail(payload, locale, { siteUrl, manage }, event.createdAt), oneClick: true };
  }
  const service = messages[locale].notifications.channels[payload.channel ?? 'webhook'].name;
  if (payload.kind === 'subscription.confirm') {
    const confirm = `${siteUrl}${localePath(locale)}/subscription?token=${CONFIRM_SLOT}`;
    return { content: confirmationMail(locale, { siteUrl, confirm, confirmHours: CONFIRM_LINK_HOURS }, payload.webhookUrl ? { url: payload.webhookUrl, service } : null), oneClick: false };
  }
  if (payload.kind === 'webhook.disabled') return { content: webhookDisabledMail(locale, { url: payload.webhookUrl!, reason: payload.reason ?? 'failing', service }, siteUrl), oneClick: false };
  return { content: nocMail(payload, siteUrl), oneClick: false };
}

const RELAY_AWAY = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EAUTH', 'ETLS', 'EPROTOCOL']);

/** Nodemailer's errors: a 5xx about the recipient or the message is final; the relay being away or refusing us is not the recipient's failure. */
export function classifyMailError(error: unknown): Outcome {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  if (responseCode && responseCode >= 500 && (code === 'EENVELOPE' || code === 'EMESSAGE')) return { kind: 'permanent' };
  if (code && RELAY_AWAY.has(code)) return { kind: 'unreachable', counts: false };
  return { kind: 'retry' };
}

/** The MIME of one event's mail in one language, its recipient's parts still slots. */
async function render(event: StoredEvent, locale: Locale, siteUrl: string, from: string): Promise<string> {
  const mail = compose(event, locale, siteUrl);
  // RFC 2369 and RFC 8058: the mail program's own "unsubscribe" button, one POST, no session.
  const headers: Record<string, string> = mail.oneClick ? { 'List-Unsubscribe': `<${siteUrl}/subscription/unsubscribe?token=${MANAGE_SLOT}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {};
  return composeMime(from, mail.content, headers);
}

export const email: Channel<Promise<string>> = {
  name: 'email',
  target: 'address',
  // Sends in flight, queued onto the pool's SMTP connections (SMTP_CONNECTIONS).
  limits: { concurrency: 64, perDestination: 64, timeoutMs: 60_000 },
  carries: () => true,
  render: (event, locale, context) => render(event, locale, context.siteUrl, context.mailFrom),
  send: async (mime, recipient, context) => {
    const subscriber = recipient.subscriber;
    const raw = personalize(await mime, { to: recipient.address, ...(subscriber && { manage: linkToken(subscriber, 'manage'), confirm: linkToken(subscriber, 'confirm') }) });
    await context.mail.send({ to: recipient.address, raw });
  },
  // One relay for every mail: when it is away, all mail waits.
  destination: () => 'smtp-relay',
  classify: classifyMailError,
};
