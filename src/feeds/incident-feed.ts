// The incident RSS feed from already-loaded NOC updates: one item per update, titled with
// its status and the incident's title, linked to the update's permalink on the incident
// page, with the products affected as of that update. Pure, no I/O.
import type { Impact, IncidentCategory, IncidentStatus } from '#src/domain/vocabulary.ts';
import { localized, type Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { rssChannel } from './channel.ts';
import { absoluteUrl, incidentUpdatePath } from './links.ts';
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

export interface IncidentFeedInput {
  locale: Locale;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  product: FeedProduct | null;
  /** Newest first. */
  updates: readonly FeedIncidentUpdate[];
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
  return buildRss(rssChannel('incidents', input, INCIDENT_FEED_TTL_MINUTES), items);
}

function updateHtml(u: FeedIncidentUpdate, locale: Locale): string {
  const message = textToHtml(localized(u.message, u.messageEn, locale));
  if (u.impacts.length === 0) return message;
  const t = messages[locale];
  const affected = u.impacts.map((i) => `${escapeHtml(i.product.name[locale])}: ${escapeHtml(t.impact[i.impact])}`).join('<br>');
  return `${message}<p>${escapeHtml(t.incident.affected)}:<br>${affected}</p>`;
}
