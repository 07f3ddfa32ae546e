// What each badge says, from the same read models as the pages: the page's overall state
// and a product's status (src/products/current-health.ts), and a product's availability
// over the rolling 12 months against its target (the SLA engine, rounded down).
import type { ReadContext } from '#src/http/context.ts';
import type { ProductStatus } from '#src/domain/vocabulary.ts';
import { formatPercent } from '#src/i18n/format.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { loadAvailabilityTable } from '#src/availability/load.ts';
import { loadCurrentHealth } from '#src/products/current-health.ts';
import type { Badge, BadgeTone } from './svg.ts';

export type BadgeRequest = { kind: 'status' } | { kind: 'product'; slug: string } | { kind: 'availability'; slug: string };

/** The tone of each status: the same order of gravity as the page's colours. */
export const STATUS_TONE: Readonly<Record<ProductStatus, BadgeTone>> = {
  operational: 'ok',
  degraded_performance: 'warn',
  partial_outage: 'partial',
  major_outage: 'bad',
  under_maintenance: 'info',
};

/** null: no product has that slug. */
export async function loadBadge(context: ReadContext, locale: Locale, request: BadgeRequest): Promise<Badge | null> {
  const t = messages[locale];
  if (request.kind === 'availability') return availabilityBadge(context, locale, request.slug);
  const health = await loadCurrentHealth(context.db, context.now);
  if (request.kind === 'status') return { label: t.siteTitle, message: t.status[health.overall], tone: STATUS_TONE[health.overall] };
  const product = health.groups.flatMap((g) => g.products).find((p) => p.slug === request.slug);
  return product ? { label: product.name[locale], message: t.status[product.status], tone: STATUS_TONE[product.status] } : null;
}

async function availabilityBadge({ db, now, sla }: ReadContext, locale: Locale, slug: string): Promise<Badge | null> {
  const t = messages[locale];
  // The month in progress only: its row carries the 12 months ending with it.
  const table = await loadAvailabilityTable(db, now, sla, 1);
  const entry = table.products.find((p) => p.product.slug === slug);
  if (!entry) return null;
  const { availability, met } = entry.rows[0]!.rolling12;
  const tone: BadgeTone = availability === null ? 'none' : met === null ? 'info' : met ? 'ok' : 'bad';
  const message = availability === null ? t.noData : t.share.availabilityMessage(formatPercent(availability, locale, 3));
  return { label: t.share.availabilityLabel(entry.product.name[locale]), message, tone };
}
