// The text and HTML of every notification mail, from an event's snapshot and the
// recipient's language. Pure: links come in from the caller, times are written in
// Europe/Amsterdam with the zone named (src/i18n/format.ts).
import { formatDateTime, formatWindow } from '#src/i18n/format.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { isSubscriberEvent, type EventPayload, type IncidentSnapshot, type MaintenanceSnapshot } from '#src/outbox/events.ts';

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
const localePath = (locale: Locale) => (locale === 'en' ? '/en' : '');

type Block = { label?: string; text: string } | { link: string; text: string };

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

const productList = (payload: EventPayload, locale: Locale) => payload.products.map((p) => p.name[locale]).join(', ');

function incidentBlocks(incident: IncidentSnapshot, payload: EventPayload, locale: Locale, siteUrl: string): Block[] {
  const m = messages[locale];
  const t = m.notifications;
  const update = incident.updates.at(-1)!;
  return [
    { text: t.event[payload.kind as 'incident.opened'].lead },
    { text: (locale === 'en' && incident.titleEn) || incident.title },
    ...(payload.products.length ? [{ label: t.labels.products, text: productList(payload, locale) }] : []),
    { label: t.labels.status, text: m.incidentStatus[update.status] },
    { label: `${t.labels.update} (${formatDateTime(new Date(update.publishedAt), locale)})`, text: (locale === 'en' && update.messageEn) || update.message },
    { label: t.labels.reported, text: formatDateTime(new Date(incident.reportedAt), locale) },
    { link: `${siteUrl}${localePath(locale)}/incidents/${incident.id}`, text: t.labels.more },
  ];
}

function maintenanceBlocks(maintenance: MaintenanceSnapshot, payload: EventPayload, locale: Locale, siteUrl: string): Block[] {
  const m = messages[locale];
  const t = m.notifications;
  const description = (locale === 'en' && maintenance.descriptionEn) || maintenance.description;
  const window = (w: { start: string; end: string }) => formatWindow(new Date(w.start), new Date(w.end), locale);
  return [
    { text: t.event[payload.kind as 'maintenance.announced'].lead },
    { text: `${(locale === 'en' && maintenance.titleEn) || maintenance.title} (${m.maintenanceRules.typeName[maintenance.type]})` },
    ...(payload.products.length ? [{ label: t.labels.products, text: productList(payload, locale) }] : []),
    { label: t.labels.window, text: window(maintenance) },
    ...(maintenance.previous ? [{ label: t.labels.previousWindow, text: window(maintenance.previous) }] : []),
    ...(maintenance.cancelReason ? [{ label: t.labels.reason, text: maintenance.cancelReason }] : []),
    ...(description ? [{ text: description }] : []),
    { link: `${siteUrl}${localePath(locale)}/maintenance/${maintenance.id}`, text: t.labels.more },
  ];
}

/** A mail to a subscriber about an incident or a maintenance. */
export function subscriberMail(payload: EventPayload, locale: Locale, links: MailLinks): MailContent {
  if (!isSubscriberEvent(payload.kind)) throw new Error(`${payload.kind} is not for subscribers`);
  const t = messages[locale].notifications;
  const what = payload.incident ?? payload.maintenance!;
  const title = (locale === 'en' && what.titleEn) || what.title;
  const blocks = payload.incident ? incidentBlocks(payload.incident, payload, locale, links.siteUrl) : maintenanceBlocks(payload.maintenance!, payload, locale, links.siteUrl);
  const products = payload.products.length ? productList(payload, locale) : messages[locale].subscribe.allProducts;
  return render(t.event[payload.kind].subject(title), blocks, [t.footer(products)], links, locale);
}

export function confirmationMail(locale: Locale, links: MailLinks & { confirm: string }, webhookUrl: string | null): MailContent {
  const t = messages[locale].notifications.confirm;
  const blocks: Block[] = [{ text: t.text }, ...(webhookUrl ? [{ text: t.webhook(webhookUrl) }] : []), { link: links.confirm, text: t.action }, { text: t.expires(links.confirmHours ?? 48) }];
  return render(t.subject, blocks, [t.ignore], { siteUrl: links.siteUrl }, locale);
}

export function webhookDisabledMail(locale: Locale, url: string, siteUrl: string): MailContent {
  const t = messages[locale].notifications.webhookDisabled;
  return render(t.subject, [{ text: t.text(url) }, { link: `${siteUrl}${localePath(locale)}/subscribe`, text: messages[locale].subscribe.title }], [], { siteUrl }, locale);
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
