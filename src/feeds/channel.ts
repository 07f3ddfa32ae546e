// The channel block of the two RSS feeds, in one place: title and description from the
// feed words, the page the feed belongs to, its own URL, language, refresh time and the
// data's last change. Pure.
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { absoluteUrl, feedPagePath, feedPath } from './links.ts';
import type { RssChannel } from './rss.ts';
import type { FeedProduct } from './feed-product.ts';

export interface ChannelInput {
  locale: Locale;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  /** Set for a product's own feed. */
  product: FeedProduct | null;
  /** The newest change of anything shown; null when there is nothing. */
  lastChange: Date | null;
}

export function rssChannel(kind: 'incidents' | 'maintenance', input: ChannelInput, ttlMinutes: number): RssChannel {
  const { locale, siteUrl } = input;
  const words = messages[locale].feeds;
  const productName = input.product ? input.product.name[locale] : null;
  const [title, description] =
    kind === 'incidents'
      ? [words.incidentsTitle(productName), words.incidentsDescription(productName)]
      : [words.maintenanceTitle(productName), words.maintenanceDescription(productName)];
  return {
    title,
    description,
    link: absoluteUrl(siteUrl, feedPagePath(kind, locale, input.product?.slug)),
    feedUrl: absoluteUrl(siteUrl, feedPath(kind, locale, input.product?.slug)),
    language: locale,
    ttlMinutes,
    lastBuildDate: input.lastChange,
  };
}
