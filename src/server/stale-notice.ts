// The notice a cached page gets when it is served from before the database went away:
// "Verouderde stand: Dit is de status van 14:05 CET …", at the top of <main>, in the page's
// own language (its <html lang>), with the time alone on the Amsterdam day of the render
// and the date too after it.
import { formatDateTime, formatTime } from '#src/i18n/format.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { civilDateKey, zonedParts } from '#src/time/zone.ts';

/** The page's HTML with the notice, rendered at `renderedAt` and served at `now`. */
export function withStaleNotice(page: Buffer, renderedAt: number, now: number): Buffer {
  const html = page.toString('utf8');
  const locale: Locale = /<html[^>]*\slang="en"/.test(html) ? 'en' : 'nl';
  const sameDay = civilDateKey(zonedParts(renderedAt)) === civilDateKey(zonedParts(now));
  const asOf = sameDay ? formatTime(renderedAt, locale) : formatDateTime(renderedAt, locale);
  const t = messages[locale].staleNotice;
  const notice = `<aside class="stale-notice" role="status" aria-label="${t.label}"><p><strong>${t.label}:</strong> ${t.text(asOf)}</p></aside>`;
  const at = /<main\b[^>]*>/.test(html) ? /<main\b[^>]*>/ : /<body\b[^>]*>/;
  return Buffer.from(
    html.replace(at, (open) => `${open}${notice}`),
    'utf8',
  );
}
