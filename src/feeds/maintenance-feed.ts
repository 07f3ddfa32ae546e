// The maintenance RSS feed from already-loaded published revisions: one item per
// announcement and per change (rescheduled, edited, started, cancelled), and one
// "completed" item per maintenance whose window has ended, so a reader sees every change
// as news. Each item shows the window as of its revision. Pure: the clock comes in as `now`.
import type { MaintenanceChange, MaintenanceState } from '#src/domain/vocabulary.ts';
import { localized, type Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { rssChannel } from './channel.ts';
import { absoluteUrl, maintenancePath } from './links.ts';
import { maintenanceFactLines, maintenanceHeadline, windowLine, type MaintenanceFacts } from './maintenance-text.ts';
import { effectiveMaintenanceState } from '#src/sla/maintenance-state.ts';
import { maintenanceTypeName } from '#src/i18n/maintenance-rules.ts';
import { buildRss, itemGuid, textToHtml, type RssItem } from './rss.ts';
import type { FeedProduct } from './feed-product.ts';

/** Maintenance is announced hours to weeks ahead: an hour is fresh enough. */
export const MAINTENANCE_FEED_TTL_MINUTES = 60;

type FeedMaintenanceFacts = MaintenanceFacts & { id: number; description: string; descriptionEn: string | null };

/** One feed item: a published revision, or the completion of a maintenance (revision null). */
export interface FeedMaintenanceRevision {
  /** The stored revision; null for a completion (see maintenanceCompletion). */
  revision: number | null;
  change: MaintenanceChange;
  changedAt: Date;
  windowStart: Date;
  windowEnd: Date;
  state: MaintenanceState;
  note: string | null;
  maintenance: FeedMaintenanceFacts;
}

/** A maintenance that may have a completion item: announced by `now` and not cancelled. */
export interface FeedMaintenanceEnd {
  windowStart: Date;
  windowEnd: Date;
  /** The stored state (the clock may say otherwise: effectiveMaintenanceState). */
  state: MaintenanceState;
  /** The newest published 'completed' revision, if the NOC or an import marked it completed. */
  completedAt: Date | null;
  maintenance: FeedMaintenanceFacts;
}

export interface MaintenanceFeedInput {
  locale: Locale;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  product: FeedProduct | null;
  /** Newest first (maintenanceFeedItems). */
  items: readonly FeedMaintenanceRevision[];
  lastChange: Date | null;
}

export function maintenanceRevisionGuid(maintenanceId: number, revision: number, locale: Locale, siteUrl: string): string {
  return itemGuid(`maintenance-${maintenanceId}-revision-${revision}`, locale, siteUrl);
}

/** One per maintenance, whether the clock or a stored revision says it completed. */
export function maintenanceCompletedGuid(maintenanceId: number, locale: Locale, siteUrl: string): string {
  return itemGuid(`maintenance-${maintenanceId}-completed`, locale, siteUrl);
}

/**
 * The completion item of a maintenance, or null: dated at its stored 'completed' revision
 * when there is one, else at the window's end once the window has ended by `now` (the
 * importer no longer stores the state the clock implies). A cancelled maintenance, an
 * overrun still in progress and a window still ahead have none. Derived from stored facts
 * and `now` only, so it is the same on every request.
 */
export function maintenanceCompletion(m: FeedMaintenanceEnd, now: Date): FeedMaintenanceRevision | null {
  if (m.state === 'cancelled') return null;
  const ended = effectiveMaintenanceState(m, now) === 'completed' && +m.windowEnd <= +now;
  const at = m.completedAt ?? (ended ? m.windowEnd : null);
  if (!at || +at > +now) return null;
  const { windowStart, windowEnd, maintenance } = m;
  return { revision: null, change: 'completed', changedAt: at, windowStart, windowEnd, state: 'completed', note: null, maintenance };
}

/**
 * The feed's items, newest first, at most `limit`: the revisions (any stored 'completed'
 * one is left out: the completion stands for it, so a maintenance never has two completed
 * items) and the completions. Equal times: higher maintenance id first, then the
 * completion, then the higher revision.
 */
export function maintenanceFeedItems(
  revisions: readonly FeedMaintenanceRevision[],
  ends: readonly FeedMaintenanceEnd[],
  now: Date,
  limit: number,
): FeedMaintenanceRevision[] {
  const completions = ends.map((m) => maintenanceCompletion(m, now)).filter((c) => c !== null);
  const order = (r: FeedMaintenanceRevision) => r.revision ?? Number.POSITIVE_INFINITY;
  return [...revisions.filter((r) => r.change !== 'completed'), ...completions]
    .sort((a, b) => +b.changedAt - +a.changedAt || b.maintenance.id - a.maintenance.id || order(b) - order(a))
    .slice(0, limit);
}

export function buildMaintenanceFeed(input: MaintenanceFeedInput): string {
  const { locale, siteUrl } = input;
  const words = messages[locale].feeds;
  const items: RssItem[] = input.items.map((r) => ({
    title: `${words.change[r.change]} – ${maintenanceHeadline(r.maintenance, locale)}`,
    html: revisionHtml(r, locale),
    link: absoluteUrl(siteUrl, maintenancePath(locale, r.maintenance.id)),
    guid:
      r.change === 'completed' || r.revision === null
        ? maintenanceCompletedGuid(r.maintenance.id, locale, siteUrl)
        : maintenanceRevisionGuid(r.maintenance.id, r.revision, locale, siteUrl),
    date: r.changedAt,
    categories: [...r.maintenance.products.map((p) => p.name[locale]), maintenanceTypeName(r.maintenance.type, locale)],
  }));
  return buildRss(rssChannel('maintenance', input, MAINTENANCE_FEED_TTL_MINUTES), items);
}

function revisionHtml(r: FeedMaintenanceRevision, locale: Locale): string {
  const m = r.maintenance;
  const note = r.note && r.change === 'cancelled' ? `${messages[locale].maintenance.cancelReason}: ${r.note}` : r.note;
  const paragraphs = [
    windowLine({ start: r.windowStart, end: r.windowEnd }, locale),
    note ?? '',
    localized(m.description, m.descriptionEn, locale).trim(),
    maintenanceFactLines(m, locale).join('\n'),
  ];
  return paragraphs.filter(Boolean).map(textToHtml).join('');
}
