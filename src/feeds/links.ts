// Where the feeds and the pages they point to live: one source for the feed URLs (used by
// the routes, the feeds' self links and the pages' <link rel="alternate"> tags) and for
// the incident and maintenance permalinks the feed items link to.
import { localePath, type Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';

export type FeedKind = 'incidents' | 'maintenance' | 'calendar';

export const FEED_MEDIA_TYPES: Readonly<Record<FeedKind, string>> = {
  incidents: 'application/rss+xml',
  maintenance: 'application/rss+xml',
  calendar: 'text/calendar',
};

const FILES: Readonly<Record<FeedKind, string>> = {
  incidents: 'incidents.rss',
  maintenance: 'maintenance.rss',
  calendar: 'maintenance.ics',
};


/** "/products/3cx/maintenance.ics", "/en/incidents.rss". */
export function feedPath(kind: FeedKind, locale: Locale, productSlug?: string | null): string {
  const product = productSlug ? `/products/${encodeURIComponent(productSlug)}` : '';
  return localePath(locale, `${product}/${FILES[kind]}`);
}

export interface FeedLink {
  href: string;
  type: string;
  title: string;
}

/**
 * The feeds a page offers, for `<link rel="alternate" type={type} title={title} href={href}>`:
 * the product's feeds on a product page, the feeds of all products elsewhere. Paths are
 * relative to the site; use `webcalUrl` for a calendar subscription link.
 */
export function feedLinks(locale: Locale, productSlug?: string | null, productName?: string | null): FeedLink[] {
  const words = messages[locale].feeds;
  const product = productSlug ? (productName ?? productSlug) : null;
  const titles: Record<FeedKind, string> = {
    incidents: `${words.incidentsTitle(product)} (RSS)`,
    maintenance: `${words.maintenanceTitle(product)} (RSS)`,
    calendar: `${words.calendarName(product)} (iCalendar)`,
  };
  return (['incidents', 'maintenance', 'calendar'] as const).map((kind) => ({
    href: feedPath(kind, locale, productSlug),
    type: FEED_MEDIA_TYPES[kind],
    title: titles[kind],
  }));
}

/** The absolute URL of a path on the site; siteUrl has no trailing slash (config.ts). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl}${path}`;
}

/** A subscription link calendar clients open directly: webcal://host/path. */
export function webcalUrl(siteUrl: string, path: string): string {
  return absoluteUrl(siteUrl, path).replace(/^https?:\/\//, 'webcal://');
}

/** The page a feed belongs to (its channel link): the product page, or the incident history or maintenance list. */
export function feedPagePath(kind: FeedKind, locale: Locale, productSlug?: string | null): string {
  if (productSlug) return localePath(locale, `/products/${encodeURIComponent(productSlug)}`);
  return localePath(locale, kind === 'incidents' ? '/history' : '/maintenance');
}

/** The permalink of one NOC update on its incident page. */
export function incidentUpdatePath(locale: Locale, incidentId: number, updateId: number): string {
  return localePath(locale, `/incidents/${incidentId}#update-${updateId}`);
}

/** The report (reason for outage) on its incident page. */
export function incidentReportPath(locale: Locale, incidentId: number): string {
  return localePath(locale, `/incidents/${incidentId}#report`);
}

export function maintenancePath(locale: Locale, maintenanceId: number): string {
  return localePath(locale, `/maintenance/${maintenanceId}`);
}
