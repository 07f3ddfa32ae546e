// availability.json, our addition to the Statuspage documents: per product and month (the
// last 12, the current one included) the SLA figures of the availability page, unrounded,
// as the monthly report's JSON gives them. Pure: the table comes from the SLA engine.
import type { ImpactWeights } from '#src/domain/vocabulary.ts';
import type { Locale } from '#src/i18n/locale.ts';
import type { AvailabilityTable } from '#src/availability/load.ts';
import type { MonthKey } from '#src/time/zone.ts';
import type { AvailabilityDocument, Page } from './documents.ts';
import { ids } from './mapping.ts';

export interface AvailabilityInput {
  page: Page;
  locale: Locale;
  table: Pick<AvailabilityTable, 'months' | 'products'>;
  weights: ImpactWeights;
  /** The month in progress, whose figures count up to now. */
  currentMonth: MonthKey;
}

export function buildAvailabilityDocument({ page, locale, table, weights, currentMonth }: AvailabilityInput): AvailabilityDocument {
  return {
    page,
    impact_weights: { ...weights },
    months: [...table.months],
    products: table.products.map(({ product, rows }) => ({
      id: ids.product(product.slug),
      slug: product.slug,
      name: product.name[locale],
      group_id: ids.group(product.group.slug),
      target: product.target,
      months: rows.map((row) => ({
        month: row.month,
        partial: row.month === currentMonth,
        availability: row.monthly.availability,
        target: row.target,
        met: row.monthly.met,
        unplanned_minutes: row.monthly.unplannedMinutes,
        planned_minutes: row.monthly.plannedMinutes,
        rolling_12_months: { availability: row.rolling12.availability, met: row.rolling12.met },
      })),
    })),
  };
}
