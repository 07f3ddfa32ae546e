// The maintenance calendar (iCalendar, RFC 5545) as one string, from already-loaded
// maintenance: pure, no I/O, no clock. The output depends only on its input, so it is
// byte-identical between requests while nothing changes. Every time is written in UTC
// ("…Z"): ical-generator writes a native Date with a time zone as the server's local
// clock, and UTC needs no VTIMEZONE that clients might read differently.
import ical, { escape as icalEscape, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { Impact, MaintenanceState, MaintenanceWording } from '#src/domain/vocabulary.ts';
import { localized, type Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { PROVIDER } from '#src/i18n/provider.ts';
import { absoluteUrl, feedPagePath, feedPath, maintenancePath } from './links.ts';
import { maintenanceFactLines, maintenanceHeadline, windowLine } from './maintenance-text.ts';
import { maintenanceTypeName } from '#src/i18n/maintenance-rules.ts';
import type { FeedProduct } from './feed-product.ts';

/** Calendar clients refetch after an hour (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const CALENDAR_REFRESH_SECONDS = 3600;

export interface CalendarMaintenance extends MaintenanceWording {
  windowStart: Date;
  windowEnd: Date;
  expectedImpact: Impact;
  state: MaintenanceState;
  cancelReason: string | null;
  /** Rises with every change of window, title, products or state: the event's SEQUENCE. */
  revision: number;
  /** The last change (DTSTAMP, LAST-MODIFIED). */
  lastChange: Date;
  /** In catalogue order. */
  products: FeedProduct[];
}

export interface CalendarInput {
  locale: Locale;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  /** Set for a product's own calendar. */
  product: FeedProduct | null;
  maintenances: readonly CalendarMaintenance[];
}

/** Stable forever: the same maintenance is the same event in every subscribed calendar. */
export function maintenanceUid(maintenanceId: number, siteUrl: string): string {
  return `maintenance-${maintenanceId}@${new URL(siteUrl).host}`;
}

export function buildCalendar(input: CalendarInput): string {
  const { locale, siteUrl } = input;
  const words = messages[locale].feeds;
  const productName = input.product ? input.product.name[locale] : null;
  const calendar = ical({
    prodId: `//${PROVIDER.name}//Status page//${locale.toUpperCase()}`,
    scale: 'GREGORIAN',
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes NAME, X-WR-CALNAME and X-WR-CALDESC unescaped.
    name: icalEscape(words.calendarName(productName), false),
    description: icalEscape(words.calendarDescription(productName), false),
    url: absoluteUrl(siteUrl, feedPagePath('calendar', locale, input.product?.slug)),
    source: absoluteUrl(siteUrl, feedPath('calendar', locale, input.product?.slug)),
    ttl: CALENDAR_REFRESH_SECONDS,
  });
  const announced = input.maintenances
    .filter((m) => m.type !== 'unannounced')
    .sort((a, b) => +a.windowStart - +b.windowStart || a.id - b.id);
  for (const m of announced) {
    const cancelled = m.state === 'cancelled';
    const typeName = maintenanceTypeName(m.type, locale);
    const summary = maintenanceHeadline(m, locale);
    calendar.createEvent({
      id: maintenanceUid(m.id, siteUrl),
      sequence: m.revision,
      stamp: m.lastChange,
      lastModified: m.lastChange,
      start: m.windowStart,
      end: m.windowEnd,
      summary: cancelled ? `${messages[locale].maintenance.cancelled} – ${summary}` : summary,
      description: eventDescription(m, input),
      url: absoluteUrl(siteUrl, maintenancePath(locale, m.id)),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: [{ name: typeName }],
      // A maintenance window does not make the subscriber busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too.
  return `${calendar.toString()}\r\n`;
}

function eventDescription(m: CalendarMaintenance, { locale, siteUrl }: CalendarInput): string {
  const { cancelled, cancelReason } = messages[locale].maintenance;
  const text = localized(m.description, m.descriptionEn, locale).trim();
  const lines = [
    ...(m.state === 'cancelled' ? [m.cancelReason ? `${cancelled}. ${cancelReason}: ${m.cancelReason}` : `${cancelled}.`, ''] : []),
    ...(text ? [text, ''] : []),
    ...maintenanceFactLines(m, locale),
    windowLine({ start: m.windowStart, end: m.windowEnd }, locale),
    `${messages[locale].feeds.labels.moreInformation}: ${absoluteUrl(siteUrl, maintenancePath(locale, m.id))}`,
  ];
  return lines.join('\n');
}
