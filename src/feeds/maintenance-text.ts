// How the calendar and the maintenance feed describe one maintenance: its headline, its
// type with the SLA rule for that type (SLA §2.1 / §6, composed from MAINTENANCE_RULES in
// src/sla/maintenance-rules.ts, the one source of the rules), the expected impact, the
// products and the window in Europe/Amsterdam time, with the pages' labels. Pure.
import type { Impact, MaintenanceType } from '#src/domain/vocabulary.ts';
import { formatDateTime } from '#src/i18n/format.ts';
import { localized, type Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { describeRule, maintenanceTypeName } from '#src/i18n/maintenance-rules.ts';
import type { FeedProduct } from './feed-product.ts';

export interface MaintenanceFacts {
  type: MaintenanceType;
  title: string;
  titleEn: string | null;
  expectedImpact: Impact;
  /** In catalogue order. */
  products: readonly FeedProduct[];
}

/** "Regular maintenance (VOIPNOW, 3CX): title". */
export function maintenanceHeadline(m: MaintenanceFacts, locale: Locale): string {
  const products = m.products.map((p) => p.name[locale]).join(', ');
  return `${maintenanceTypeName(m.type, locale)} (${products}): ${localized(m.title, m.titleEn, locale)}`;
}

/** "Window: 27 March 2026 at 20:00 CET to 28 March 2026 at 03:00 CET" (Europe/Amsterdam, zone named). */
export function windowLine(window: { start: Date; end: Date }, locale: Locale): string {
  const { timeRange } = messages[locale].feeds.labels;
  return `${messages[locale].maintenance.window}: ${timeRange(formatDateTime(window.start, locale), formatDateTime(window.end, locale))}`;
}

/** Type with its SLA rule, expected impact and products, one line each. */
export function maintenanceFactLines(m: MaintenanceFacts, locale: Locale): string[] {
  const t = messages[locale];
  return [
    `${messages[locale].feeds.labels.type}: ${maintenanceTypeName(m.type, locale)}. ${describeRule(m.type, locale)}`,
    `${t.maintenance.expectedImpact}: ${t.impact[m.expectedImpact]}`,
    `${t.maintenance.products}: ${m.products.map((p) => p.name[locale]).join(', ')}`,
  ];
}
