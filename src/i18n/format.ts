// Times as the page shows them: Europe/Amsterdam, with the zone named (CET/CEST).
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import { zoneAbbreviation } from '#src/time/zone.ts';
import type { Locale } from './messages.ts';

const intlLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatDateTime(instant: Date, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone: SLA_TIME_ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(locale, format);
  }
  return `${format.format(instant)} ${zoneAbbreviation(+instant)}`;
}

/**
 * A percentage rounded DOWN to `decimals` places, so a miss never reads as a hit
 * (99.9499 shows as 99.94, never 99.95). The tiny tolerance keeps a value that is exactly
 * 99.95 but stored as 99.94999999999999 from dropping a digit.
 */
export function floorPercent(value: number, decimals = 2): number {
  const scale = 10 ** decimals;
  return Math.floor(value * scale + 1e-7) / scale;
}

export function formatPercent(value: number | null, locale: Locale, decimals = 2): string {
  if (value === null) return locale === 'nl' ? 'geen gegevens' : 'no data';
  const format = new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${format.format(floorPercent(value, decimals))} %`;
}
