// What a product shows on the page right now, derived in this one place (docs/sla.md#the-formula:
// impacts of collective incidents per product; announced maintenance in progress). The
// page, the feeds and the API import it instead of deciding again. Pure.
import { STATUS_RANK } from '#src/domain/vocabulary.ts';
import type { Impact, ProductStatus } from '#src/domain/vocabulary.ts';

/** The overall banner shows the worst product status, so it has the same five values. */
export type OverallStatus = ProductStatus;

export interface ProductStatusInput {
  /**
   * The impacts in force on this product now: its impact in the latest snapshot of each
   * unresolved incident, and each recorded outage that has begun and not ended.
   */
  openImpacts: readonly Impact[];
  /** Whether a maintenance in progress affects this product. */
  inMaintenance: boolean;
}

/** The worst of the statuses by STATUS_RANK; operational for none. */
export function worstStatus(statuses: Iterable<ProductStatus>): ProductStatus {
  let worst: ProductStatus = 'operational';
  for (const status of statuses) if (STATUS_RANK[status] > STATUS_RANK[worst]) worst = status;
  return worst;
}

/**
 * Worst impact in force (unresolved incidents, ongoing outages); otherwise under_maintenance while a
 * maintenance in progress affects the product; otherwise operational.
 *
 * A real impact during maintenance shows as that impact: degraded, partial and major all
 * outrank under_maintenance in STATUS_RANK, because a customer whose calls fail must see
 * an outage, not a reassuring "maintenance". An unresolved incident whose snapshot says
 * operational for this product leaves maintenance visible.
 */
export function deriveProductStatus({ openImpacts, inMaintenance }: ProductStatusInput): ProductStatus {
  const maintenance: ProductStatus = inMaintenance ? 'under_maintenance' : 'operational';
  return worstStatus([maintenance, ...openImpacts]);
}

/**
 * The banner over all products: operational only when every product is; otherwise the
 * worst status present, so one product under maintenance and another degraded shows
 * degraded, and maintenance alone shows maintenance.
 */
export function deriveOverallStatus(statuses: Iterable<ProductStatus>): OverallStatus {
  return worstStatus(statuses);
}
