// The thin shell of the feeds: load the rows through a read model, build the document with
// a pure builder, answer with the HTTP caching of src/http/conditional.ts. Every feed route calls
// serveFeed; renderFeed is the same without HTTP (the benchmark uses it).
import { conditionalResponse, type Representation } from '#src/http/conditional.ts';
import type { RequestContext } from '#src/http/context.ts';
import { answerResponse, problemAnswer, textAnswer } from '#src/http/errors.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { isMonthKey, monthRange, type MonthKey } from '#src/time/zone.ts';
import { loadIncidentFeedData } from '#src/feeds/load-incidents.ts';
import { loadCalendarData, loadMaintenanceFeedData } from '#src/feeds/load-maintenance.ts';
import { buildCalendar } from './calendar.ts';
import { buildIncidentFeed } from './incident-feed.ts';
import type { FeedKind } from './links.ts';
import { buildMaintenanceFeed } from './maintenance-feed.ts';

export interface FeedRequest {
  kind: FeedKind;
  locale: Locale;
  /** null: every product. */
  productSlug: string | null;
  /** A calendar of one month only: the windows that touch it (the maintenance calendar page links it). */
  month?: MonthKey;
}

const CALENDAR = 'text/calendar; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';

/** The feed as a representation; null when the product slug is unknown. */
export async function renderFeed(
  { db, siteUrl, now }: Pick<RequestContext, 'db' | 'siteUrl' | 'now'>,
  feed: FeedRequest,
): Promise<Representation | null> {
  const scope = { productSlug: feed.productSlug, now };
  const { locale } = feed;
  if (feed.kind === 'calendar') {
    const data = await loadCalendarData(db, scope);
    if (!data) return null;
    const range = feed.month ? monthRange(feed.month) : null;
    const maintenances = range ? data.maintenances.filter((m) => +m.windowStart < range.end && +m.windowEnd > range.start) : data.maintenances;
    const body = buildCalendar({ locale, siteUrl, product: data.product, maintenances });
    return { body, contentType: CALENDAR, lastModified: data.lastModified, maxAgeSeconds: 300 };
  }
  if (feed.kind === 'maintenance') {
    const data = await loadMaintenanceFeedData(db, scope);
    if (!data) return null;
    const body = buildMaintenanceFeed({ locale, siteUrl, ...data });
    return { body, contentType: RSS, lastModified: data.lastModified, maxAgeSeconds: 300 };
  }
  const data = await loadIncidentFeedData(db, scope);
  if (!data) return null;
  const body = buildIncidentFeed({ locale, siteUrl, ...data });
  return { body, contentType: RSS, lastModified: data.lastModified, maxAgeSeconds: 60 };
}

/** The feed in the request's language. */
export async function serveFeed(request: Request, context: RequestContext, feed: Omit<FeedRequest, 'locale' | 'month'>): Promise<Response> {
  // ?month=YYYY-MM narrows a calendar to one month (the front server refuses another value
  // before this runs; the same answer here where none runs, under `astro dev`).
  const month = feed.kind === 'calendar' ? new URL(request.url).searchParams.get('month') : null;
  if (month !== null && !isMonthKey(month)) return answerResponse(problemAnswer({ status: 400, parameter: { name: 'month', value: month, rule: 'month' } }, 'text', context.locale), request.method);
  const representation = await renderFeed(context, { ...feed, locale: context.locale, ...(month && { month }) });
  if (!representation) return answerResponse(textAnswer(404, messages[context.locale].feeds.unknownProduct), request.method);
  return conditionalResponse(request, representation, context.now);
}
