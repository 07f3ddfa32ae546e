// The shape beside each status (never colour alone), the mark before the page title and
// the favicon of each overall state: one map for every page, so the banner, the labels, the
// tab title and the icon always agree.
import type { ProductStatus } from '#src/domain/vocabulary.ts';

export const STATUS_ICON: Readonly<Record<ProductStatus, string>> = {
  operational: '✓',
  degraded_performance: '!',
  partial_outage: '▲',
  major_outage: '✕',
  under_maintenance: '⚙',
};

/** Before the page title in the browser's tab: nothing when all is well. */
export const TITLE_MARK: Readonly<Record<ProductStatus, string>> = {
  operational: '',
  degraded_performance: '⚠ ',
  partial_outage: '⚠ ',
  major_outage: '⛔ ',
  under_maintenance: '⚙ ',
};

/** A coloured dot per state, in public/. */
export const faviconOf = (status: ProductStatus): string => `/favicon-${status}.svg`;
