// Product status and the overall banner, derived in one place: the worst impact of the
// unresolved incidents, else maintenance in progress, else operational; a real impact
// outranks maintenance (STATUS_RANK).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveOverallStatus, deriveProductStatus, worstStatus } from '#src/sla/product-status.ts';
import { IMPACTS, PRODUCT_STATUSES, STATUS_RANK } from '#src/domain/vocabulary.ts';

describe('deriveProductStatus', () => {
  it('is operational without incidents or maintenance', () => {
    expect(deriveProductStatus({ openImpacts: [], inMaintenance: false })).toBe('operational');
  });

  it('takes the worst impact among unresolved incidents', () => {
    expect(deriveProductStatus({ openImpacts: ['degraded_performance', 'major_outage', 'partial_outage'], inMaintenance: false })).toBe(
      'major_outage',
    );
    expect(deriveProductStatus({ openImpacts: ['degraded_performance', 'operational'], inMaintenance: false })).toBe('degraded_performance');
  });

  it('shows maintenance while it is in progress and nothing worse happens', () => {
    expect(deriveProductStatus({ openImpacts: [], inMaintenance: true })).toBe('under_maintenance');
    // An open incident that no longer affects this product leaves the maintenance visible.
    expect(deriveProductStatus({ openImpacts: ['operational'], inMaintenance: true })).toBe('under_maintenance');
  });

  it('a real outage during maintenance shows as the outage', () => {
    expect(deriveProductStatus({ openImpacts: ['major_outage'], inMaintenance: true })).toBe('major_outage');
    expect(deriveProductStatus({ openImpacts: ['partial_outage'], inMaintenance: true })).toBe('partial_outage');
    expect(deriveProductStatus({ openImpacts: ['degraded_performance'], inMaintenance: true })).toBe('degraded_performance');
  });

  it('never ranks below any of its inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...IMPACTS)), fc.boolean(), (impacts, inMaintenance) => {
        const status = deriveProductStatus({ openImpacts: impacts, inMaintenance });
        for (const impact of impacts) expect(STATUS_RANK[status]).toBeGreaterThanOrEqual(STATUS_RANK[impact]);
        if (inMaintenance) expect(status).not.toBe('operational');
      }),
    );
  });
});

describe('deriveOverallStatus', () => {
  it('all operational (or no products) → operational', () => {
    expect(deriveOverallStatus(['operational', 'operational'])).toBe('operational');
    expect(deriveOverallStatus([])).toBe('operational');
  });

  it('maintenance alone → maintenance; with a degraded product → degraded', () => {
    expect(deriveOverallStatus(['operational', 'under_maintenance'])).toBe('under_maintenance');
    expect(deriveOverallStatus(['under_maintenance', 'degraded_performance'])).toBe('degraded_performance');
  });

  it('the worst product decides: partial, major', () => {
    expect(deriveOverallStatus(['degraded_performance', 'partial_outage', 'operational'])).toBe('partial_outage');
    expect(deriveOverallStatus(['partial_outage', 'major_outage', 'under_maintenance'])).toBe('major_outage');
  });

  it('worstStatus does not depend on order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PRODUCT_STATUSES)), (statuses) => {
        expect(worstStatus([...statuses].reverse())).toBe(worstStatus(statuses));
      }),
    );
  });
});
