// What a subscriber event says, in one language, before any channel shapes it: the subject,
// the opening sentence, the title, labelled lines (products, status, the latest update,
// window…), the affected products with their status, the link, a tone for colours, and
// the moment it tells of. Mail, Teams, Slack and Discord all render this one model, so a
// new kind of event is worded here (and in the catalogues) once for every channel. Pure:
// times in Europe/Amsterdam with the zone named (src/i18n/format.ts).
import { STATUS_RANK, type ProductStatus } from '#src/domain/vocabulary.ts';
import { formatDateTime, formatWindow } from '#src/i18n/format.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { isSubscriberEvent, type EventPayload, type IncidentSnapshot, type MaintenanceSnapshot } from '#src/outbox/events.ts';

/** How bad it is, for the channels' colours: from resolved (green) to critical (red); maintenance blue, cancelled grey. */
export type Tone = 'resolved' | 'minor' | 'major' | 'critical' | 'maintenance' | 'cancelled';

export interface Line {
  label?: string;
  text: string;
  /**
   * products: chat channels show `affected` (each product with its status) instead;
   * update: the latest update's text, long, shown as a paragraph rather than a fact.
   */
  role?: 'products' | 'update';
}

export interface EventMessage {
  subject: string;
  lead: string;
  title: string;
  lines: Line[];
  /** The products it is about, each with its status when the event was written. */
  affected: { name: string; status: string | null }[];
  link: { url: string; text: string };
  tone: Tone;
  /** ISO instant: the latest update's, or the event's. */
  at: string;
  /** "Storing 3CX, VOIPNOW" or "alle diensten": what the footer says the subscription is about. */
  scope: string;
}

export const localePath = (locale: Locale) => (locale === 'en' ? '/en' : '');

const TONE_OF_STATUS: Record<ProductStatus, Tone> = {
  operational: 'minor',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
  under_maintenance: 'maintenance',
};

function incidentTone(payload: EventPayload, incident: IncidentSnapshot): Tone {
  if (incident.status === 'resolved') return 'resolved';
  const impacts = Object.values(incident.updates.at(-1)?.impacts ?? {});
  const statuses = [...impacts, ...payload.products.map((p) => payload.statuses?.[p.slug]).filter((s): s is ProductStatus => s !== undefined && s !== 'under_maintenance')];
  const worst = statuses.reduce<ProductStatus>((w, s) => (STATUS_RANK[s] > STATUS_RANK[w] ? s : w), 'operational');
  return TONE_OF_STATUS[worst];
}

function incidentLines(incident: IncidentSnapshot, products: string | null, locale: Locale): Line[] {
  const m = messages[locale];
  const t = m.notifications;
  const update = incident.updates.at(-1)!;
  return [
    ...(products ? [{ label: t.labels.products, text: products, role: 'products' as const }] : []),
    { label: t.labels.status, text: m.incidentStatus[update.status] },
    { label: `${t.labels.update} (${formatDateTime(new Date(update.publishedAt), locale)})`, text: (locale === 'en' && update.messageEn) || update.message, role: 'update' as const },
    { label: t.labels.reported, text: formatDateTime(new Date(incident.reportedAt), locale) },
  ];
}

function maintenanceLines(maintenance: MaintenanceSnapshot, products: string | null, locale: Locale): Line[] {
  const t = messages[locale].notifications;
  const description = (locale === 'en' && maintenance.descriptionEn) || maintenance.description;
  const window = (w: { start: string; end: string }) => formatWindow(new Date(w.start), new Date(w.end), locale);
  return [
    ...(products ? [{ label: t.labels.products, text: products, role: 'products' as const }] : []),
    { label: t.labels.window, text: window(maintenance) },
    ...(maintenance.previous ? [{ label: t.labels.previousWindow, text: window(maintenance.previous) }] : []),
    ...(maintenance.cancelReason ? [{ label: t.labels.reason, text: maintenance.cancelReason }] : []),
    ...(description ? [{ text: description, role: 'update' as const }] : []),
  ];
}

/** The model of a subscriber event (incident or maintenance) in `locale`; `eventAt` is when it was written. */
export function describeEvent(payload: EventPayload, locale: Locale, siteUrl: string, eventAt: Date): EventMessage {
  if (!isSubscriberEvent(payload.kind)) throw new Error(`${payload.kind} is not for subscribers`);
  const m = messages[locale];
  const t = m.notifications;
  const names = payload.products.map((p) => p.name[locale]).join(', ');
  const affected = payload.products.map((p) => {
    const status = payload.statuses?.[p.slug];
    return { name: p.name[locale], status: status ? m.status[status] : null };
  });
  const base = { lead: t.event[payload.kind].lead, affected, scope: names || m.subscribe.allProducts };
  if (payload.incident && payload.report) {
    const { incident, report } = payload;
    const title = (locale === 'en' && incident.titleEn) || incident.title;
    return {
      ...base,
      subject: t.event[payload.kind].subject(title),
      title,
      lines: [
        ...(names ? [{ label: t.labels.products, text: names, role: 'products' as const }] : []),
        { label: t.labels.reported, text: formatDateTime(new Date(incident.reportedAt), locale) },
        { label: `${t.labels.report} (${formatDateTime(new Date(report.publishedAt), locale)})`, text: (locale === 'en' && report.bodyEn) || report.body, role: 'update' as const },
      ],
      link: { url: `${siteUrl}${localePath(locale)}/incidents/${incident.id}#report`, text: t.labels.more },
      tone: 'resolved',
      at: report.publishedAt,
    };
  }
  if (payload.incident) {
    const incident = payload.incident;
    const title = (locale === 'en' && incident.titleEn) || incident.title;
    return {
      ...base,
      subject: t.event[payload.kind].subject(title),
      title,
      lines: incidentLines(incident, names || null, locale),
      link: { url: `${siteUrl}${localePath(locale)}/incidents/${incident.id}`, text: t.labels.more },
      tone: incidentTone(payload, incident),
      at: incident.updates.at(-1)!.publishedAt,
    };
  }
  const maintenance = payload.maintenance!;
  const title = (locale === 'en' && maintenance.titleEn) || maintenance.title;
  const state = maintenance.state === 'cancelled' ? 'cancelled' : maintenance.state === 'completed' ? 'resolved' : 'maintenance';
  return {
    ...base,
    subject: t.event[payload.kind].subject(title),
    title: `${title} (${m.maintenanceRules.typeName[maintenance.type]})`,
    lines: maintenanceLines(maintenance, names || null, locale),
    link: { url: `${siteUrl}${localePath(locale)}/maintenance/${maintenance.id}`, text: t.labels.more },
    tone: state,
    at: eventAt.toISOString(),
  };
}

/** At most `max` characters, cut at a word with an ellipsis: the platforms refuse longer fields. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
