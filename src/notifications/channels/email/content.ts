// The text and HTML of every notification mail, from an event's snapshot and the
// recipient's language: to subscribers (the event as ../event-message.ts words it), the
// confirmation, the notice that a URL channel was switched off, and the NOC's reminders.
// Pure: links come in from the caller, times are written in Europe/Amsterdam with the zone
// named (src/i18n/format.ts).
import { formatDateTime } from '#src/i18n/format.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import type { EventPayload } from '#src/outbox/events.ts';
import { describeEvent, localePath, type Line } from '../event-message.ts';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailLinks {
  siteUrl: string;
  /** The signed link to change or cancel the subscription (subscribers only). */
  manage?: string;
  /** The double opt-in link (subscription.confirm). */
  confirm?: string;
  /** How long the confirm link lasts. */
  confirmHours?: number;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
type Block = Line | { link: string; text: string };

/** Paragraphs as text and as HTML, with the footer every mail carries. */
function render(subject: string, blocks: Block[], footer: string[], links: MailLinks, locale: Locale): MailContent {
  const t = messages[locale].notifications;
  const manage = links.manage ? [{ link: links.manage, text: t.manageLink }] : [];
  const textOf = (b: Block) => ('link' in b ? `${b.text}: ${b.link}` : b.label ? `${b.label}: ${b.text}` : b.text);
  const htmlOf = (b: Block) =>
    'link' in b ? `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.text)}</a></p>` : `<p>${b.label ? `<strong>${escapeHtml(b.label)}:</strong> ` : ''}${escapeHtml(b.text).replace(/\n/g, '<br>')}</p>`;
  const text = `${blocks.map(textOf).join('\n\n')}\n\n-- \n${[...footer, ...manage.map(textOf)].join('\n\n')}\n`;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${blocks.map(htmlOf).join('')}<hr>${footer.map((f) => `<p><small>${escapeHtml(f)}</small></p>`).join('')}${manage.map(htmlOf).join('')}</body></html>`;
  return { subject, text, html };
}

/** A mail to a subscriber about an incident or a maintenance (../event-message.ts words it). */
export function subscriberMail(payload: EventPayload, locale: Locale, links: MailLinks, eventAt: Date): MailContent {
  const t = messages[locale].notifications;
  const message = describeEvent(payload, locale, links.siteUrl, eventAt);
  const blocks: Block[] = [{ text: message.lead }, { text: message.title }, ...message.lines, { link: message.link.url, text: message.link.text }];
  return render(message.subject, blocks, [t.footer(message.scope)], links, locale);
}

/** The double opt-in; `target` names the URL channel an address confirms (null: the address itself). */
export function confirmationMail(locale: Locale, links: MailLinks & { confirm: string }, target: { url: string; service: string } | null): MailContent {
  const t = messages[locale].notifications.confirm;
  const blocks: Block[] = [{ text: t.text }, ...(target ? [{ text: t.webhook(target.url, target.service) }] : []), { link: links.confirm, text: t.action }, { text: t.expires(links.confirmHours ?? 48) }];
  return render(t.subject, blocks, [t.ignore], { siteUrl: links.siteUrl }, locale);
}

/** To the contact of a URL channel that was switched off: failing for a day, or removed at its platform. */
export function webhookDisabledMail(locale: Locale, disabled: { url: string; reason: 'failing' | 'gone'; service: string }, siteUrl: string): MailContent {
  const t = messages[locale].notifications.webhookDisabled;
  const text = disabled.reason === 'gone' ? t.gone(disabled.url, disabled.service) : t.text(disabled.url);
  return render(t.subject, [{ text }, { link: `${siteUrl}${localePath(locale)}/subscribe`, text: messages[locale].subscribe.title }], [], { siteUrl }, locale);
}

/** The operators' reminders, in Dutch (the NOC's language). */
export function nocMail(payload: EventPayload, siteUrl: string, locale: Locale = 'nl'): MailContent {
  const kind = payload.kind as 'noc.update_due';
  const t = messages[locale].notifications.noc[kind];
  const what = payload.incident ?? payload.maintenance!;
  const at = new Date(payload.dueAt ?? payload.maintenance?.end ?? 0);
  const link = payload.incident ? `${siteUrl}/admin/incidents/${payload.incident.id}` : `${siteUrl}/admin/maintenance/${payload.maintenance!.id}`;
  return render(t.subject(what.title), [{ text: t.text(formatDateTime(at, locale)) }, { link, text: what.title }], [], { siteUrl }, locale);
}
