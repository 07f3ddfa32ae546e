// An RSS 2.0 document as one string, from plain channel and item data (the `rss`
// package): pure, no I/O. The package stamps <lastBuildDate> with the clock; it is
// replaced by the data's last change, so the output is byte-identical between requests
// while nothing changes.
import RSS from 'rss';
import type { Locale } from '#src/i18n/locale.ts';
import { PROVIDER } from '#src/i18n/provider.ts';

export interface RssChannel {
  title: string;
  description: string;
  /** The page the feed belongs to (absolute). */
  link: string;
  /** The feed's own absolute URL (atom:link rel="self"). */
  feedUrl: string;
  language: Locale;
  /** How many minutes a reader may keep the feed before fetching it again. */
  ttlMinutes: number;
  /** The newest change of anything shown; null for an empty feed. */
  lastBuildDate: Date | null;
}

export interface RssItem {
  /** Plain text. */
  title: string;
  /** HTML; build it with textToHtml so that no text is read as markup. */
  html: string;
  link: string;
  /** Unique and stable; not a URL a reader should open (isPermaLink="false"). */
  guid: string;
  date: Date;
  categories: string[];
}

// XML 1.0 forbids these characters even escaped; a stray one would make the feed unreadable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Plain text as HTML: escaped, blank lines as paragraphs, single newlines as <br>. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * An item's guid: its key (`incident-9-update-2`) at the site's host, plus the language
 * for every language but Dutch. Each language's item is its own text, so a reader that
 * takes both feeds (and merges items by guid) keeps both; the Dutch guids are the ones the
 * feeds had before English got its own, so a Dutch subscriber sees no old item again.
 * The same key in the same language is the same item in every feed (global and product).
 */
export function itemGuid(key: string, locale: Locale, siteUrl: string): string {
  return `${key}${locale === 'nl' ? '' : `.${locale}`}@${new URL(siteUrl).host}`;
}

export function buildRss(channel: RssChannel, items: readonly RssItem[]): string {
  const newestFirst = [...items].sort((a, b) => +b.date - +a.date);
  const feed = new RSS({
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    site_url: channel.link,
    feed_url: channel.feedUrl,
    language: channel.language,
    ttl: channel.ttlMinutes,
    generator: `${PROVIDER.name} status page`,
    ...(newestFirst[0] ? { pubDate: newestFirst[0].date } : {}),
  });
  for (const item of newestFirst) {
    feed.item({
      title: xmlSafe(item.title),
      description: xmlSafe(item.html),
      url: item.link,
      guid: xmlSafe(item.guid),
      date: item.date,
      categories: item.categories.map(xmlSafe),
    });
  }
  // The channel's <lastBuildDate> comes before every item, so the first match is it.
  const built = channel.lastBuildDate ? `<lastBuildDate>${channel.lastBuildDate.toUTCString()}</lastBuildDate>` : '';
  return `${feed.xml().replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, built)}\n`;
}
