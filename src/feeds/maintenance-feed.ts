// The maintenance RSS feed from already-loaded published revisions: one item per
// announcement and per change (rescheduled, edited, started, completed, cancelled), so a
// reader sees every change as news. Each item shows the window as of its revision. Pure.
import type { MaintenanceState } from '#src/domain/vocabulary.ts';
import { localized, messages, type Locale } from '#src/i18n/messages.ts';
import { absoluteUrl, feedPagePath, feedPath, maintenancePath } from './links.ts';
import { maintenanceFactLines, maintenanceHeadline, windowLine, type MaintenanceFacts } from './maintenance-text.ts';
import { maintenanceTypeName } from '#src/sla/maintenance-rules.ts';
import { buildRss, textToHtml, type RssItem } from './rss.ts';
import { FEED_WORDS, type FeedProduct, type MaintenanceChange } from './words.ts';

/** Maintenance is announced hours to weeks ahead: an hour is fresh enough. */
export const MAINTENANCE_FEED_TTL_MINUTES = 60;

export interface FeedMaintenanceRevision {
  revision: number;
  change: MaintenanceChange;
  changedAt: Date;
  windowStart: Date;
  windowEnd: Date;
  state: MaintenanceState;
  note: string | null;
  maintenance: MaintenanceFacts & { id: number; description: string; descriptionEn: string | null };
}

export interface MaintenanceFeedInput {
  locale: Locale;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  product: FeedProduct | null;
  /** Newest first. */
  revisions: readonly FeedMaintenanceRevision[];
  lastChange: Date | null;
}

export function maintenanceRevisionGuid(maintenanceId: number, revision: number, siteUrl: string): string {
  return `maintenance-${maintenanceId}-revision-${revision}@${new URL(siteUrl).host}`;
}

export function buildMaintenanceFeed(input: MaintenanceFeedInput): string {
  const { locale, siteUrl } = input;
  const words = FEED_WORDS[locale];
  const productName = input.product ? input.product.name[locale] : null;
  const items: RssItem[] = input.revisions.map((r) => ({
    title: `${words.change[r.change]} – ${maintenanceHeadline(r.maintenance, locale)}`,
    html: revisionHtml(r, locale),
    link: absoluteUrl(siteUrl, maintenancePath(locale, r.maintenance.id)),
    guid: maintenanceRevisionGuid(r.maintenance.id, r.revision, siteUrl),
    date: r.changedAt,
    categories: [...r.maintenance.products.map((p) => p.name[locale]), maintenanceTypeName(r.maintenance.type, locale)],
  }));
  return buildRss(
    {
      title: words.maintenanceTitle(productName),
      description: words.maintenanceDescription(productName),
      link: absoluteUrl(siteUrl, feedPagePath('maintenance', locale, input.product?.slug)),
      feedUrl: absoluteUrl(siteUrl, feedPath('maintenance', locale, input.product?.slug)),
      language: locale,
      ttlMinutes: MAINTENANCE_FEED_TTL_MINUTES,
      lastBuildDate: input.lastChange,
    },
    items,
  );
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
