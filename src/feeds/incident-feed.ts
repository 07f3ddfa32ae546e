// The incident RSS feed from already-loaded NOC updates and reports: one item per update,
// titled with its status and the incident's title, linked to the update's permalink on
// the incident page, with the products affected as of that update; and one item per
// published incident report (a correction changes its text, not its guid). Pure, no I/O.
import type { Impact, IncidentCategory, IncidentStatus } from '#src/domain/vocabulary.ts';
import { localized, type Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { rssChannel } from './channel.ts';
import { absoluteUrl, incidentReportPath, incidentUpdatePath } from './links.ts';
import { buildRss, escapeHtml, itemGuid, textToHtml, type RssItem } from './rss.ts';
import type { FeedProduct } from './feed-product.ts';

/** Readers may keep the incident feed 15 minutes: an outage is news. */
export const INCIDENT_FEED_TTL_MINUTES = 15;

export interface FeedIncidentUpdate {
  id: number;
  publishedAt: Date;
  status: IncidentStatus;
  message: string;
  messageEn: string | null;
  incident: { id: number; title: string; titleEn: string | null; category: IncidentCategory };
  /** The impact on each product as of this update (a full snapshot), in catalogue order. */
  impacts: { product: FeedProduct; impact: Impact }[];
}

/** A published incident report (reason for outage). */
export interface FeedIncidentReport {
  incident: FeedIncidentUpdate['incident'];
  body: string;
  bodyEn: string | null;
  publishedAt: Date;
  editedAt: Date | null;
  /** The products the incident affected, in catalogue order. */
  products: FeedProduct[];
}

export interface IncidentFeedInput {
  locale: Locale;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  product: FeedProduct | null;
  /** Newest first. */
  updates: readonly FeedIncidentUpdate[];
  reports: readonly FeedIncidentReport[];
  /** The newest change of anything shown; null when there is nothing. */
  lastChange: Date | null;
}

export function incidentUpdateGuid(incidentId: number, updateId: number, locale: Locale, siteUrl: string): string {
  return itemGuid(`incident-${incidentId}-update-${updateId}`, locale, siteUrl);
}

export function buildIncidentFeed(input: IncidentFeedInput): string {
  const { locale, siteUrl } = input;
  const t = messages[locale];
  const items: RssItem[] = input.updates.map((u) => ({
    title: `${t.incidentStatus[u.status]}: ${localized(u.incident.title, u.incident.titleEn, locale)}`,
    html: updateHtml(u, locale),
    link: absoluteUrl(siteUrl, incidentUpdatePath(locale, u.incident.id, u.id)),
    guid: incidentUpdateGuid(u.incident.id, u.id, locale, siteUrl),
    date: u.publishedAt,
    categories: [...u.impacts.map((i) => i.product.name[locale]), t.incident.category(u.incident.category)],
  }));
  for (const r of input.reports) {
    items.push({
      title: t.incidentReport.feedTitle(localized(r.incident.title, r.incident.titleEn, locale)),
      html: textToHtml(localized(r.body, r.bodyEn, locale)),
      link: absoluteUrl(siteUrl, incidentReportPath(locale, r.incident.id)),
      guid: incidentReportGuid(r.incident.id, siteUrl),
      date: r.publishedAt,
      categories: [...r.products.map((p) => p.name[locale]), t.incident.category(r.incident.category)],
    });
  }
  return buildRss(rssChannel('incidents', input, INCIDENT_FEED_TTL_MINUTES), items);
}

/** One per incident: a correction of the report is the same item with a new text. */
export function incidentReportGuid(incidentId: number, siteUrl: string): string {
  return `incident-${incidentId}-report@${new URL(siteUrl).host}`;
}

function updateHtml(u: FeedIncidentUpdate, locale: Locale): string {
  const message = textToHtml(localized(u.message, u.messageEn, locale));
  if (u.impacts.length === 0) return message;
  const t = messages[locale];
  const affected = u.impacts.map((i) => `${escapeHtml(i.product.name[locale])}: ${escapeHtml(t.impact[i.impact])}`).join('<br>');
  return `${message}<p>${escapeHtml(t.incident.affected)}:<br>${affected}</p>`;
}
