// Incident updates → per-product impact intervals (docs/sla.md#availability: an incident's
// product impact is one of the sources of w(t)), and delta updates → snapshots.
import { describe, expect, it } from 'vitest';
import {
  foldDeltaUpdates,
  impactIntervalsByProduct,
  incidentImpactIntervals,
  type SnapshotUpdate,
} from '#src/sla/incident-timelines.ts';

const at = (text: string): number => Date.parse(text);
const T1 = at('2026-06-10T10:00:00+02:00');
const T2 = at('2026-06-10T10:30:00+02:00');
const T3 = at('2026-06-10T11:15:00+02:00');
const T4 = at('2026-06-10T12:00:00+02:00');

describe('incidentImpactIntervals', () => {
  it('holds each snapshot until the next update and ends everything at resolved', () => {
    const updates: SnapshotUpdate[] = [
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage', '3cx': 'degraded_performance' } },
      { publishedAt: T2, status: 'identified', impacts: { voipnow: 'partial_outage', '3cx': 'degraded_performance' } },
      { publishedAt: T3, status: 'monitoring', impacts: { voipnow: 'operational', '3cx': 'degraded_performance' } },
      { publishedAt: T4, status: 'resolved', impacts: { voipnow: 'operational', '3cx': 'degraded_performance' } },
    ];
    expect(incidentImpactIntervals(updates)).toEqual([
      { product: 'voipnow', impact: 'major_outage', start: T1, end: T2 },
      // 3cx's impact stays the same over three updates: one interval, not three.
      { product: '3cx', impact: 'degraded_performance', start: T1, end: T4 },
      { product: 'voipnow', impact: 'partial_outage', start: T2, end: T3 },
      // 'operational' from T3 produces no interval; 'resolved' at T4 ends 3cx although
      // its snapshot still lists degraded performance.
    ]);
  });

  it('leaves the impacts of the last unresolved update open', () => {
    const updates: SnapshotUpdate[] = [
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'partial_outage' } },
      { publishedAt: T2, status: 'identified', impacts: { voipnow: 'major_outage', voizapps: 'partial_outage' } },
    ];
    expect(incidentImpactIntervals(updates)).toEqual([
      { product: 'voipnow', impact: 'partial_outage', start: T1, end: T2 },
      { product: 'voipnow', impact: 'major_outage', start: T2, end: null },
      { product: 'voizapps', impact: 'partial_outage', start: T2, end: null },
    ]);
  });

  it('a product left out of a later snapshot is no longer affected from that update', () => {
    const updates: SnapshotUpdate[] = [
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage', '3cx': 'major_outage' } },
      { publishedAt: T2, status: 'identified', impacts: { voipnow: 'major_outage' } },
    ];
    expect(incidentImpactIntervals(updates)).toContainEqual({ product: '3cx', impact: 'major_outage', start: T1, end: T2 });
  });

  it('a reopened incident starts its impacts again after the resolution', () => {
    const updates: SnapshotUpdate[] = [
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage' } },
      { publishedAt: T2, status: 'resolved', impacts: { voipnow: 'operational' } },
      { publishedAt: T3, status: 'investigating', impacts: { voipnow: 'major_outage' } },
      { publishedAt: T4, status: 'resolved', impacts: {} },
    ];
    expect(incidentImpactIntervals(updates)).toEqual([
      { product: 'voipnow', impact: 'major_outage', start: T1, end: T2 },
      { product: 'voipnow', impact: 'major_outage', start: T3, end: T4 },
    ]);
  });

  it('orders updates by publication time whatever order they come in', () => {
    const updates: SnapshotUpdate[] = [
      { publishedAt: T3, status: 'resolved', impacts: {} },
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage' } },
    ];
    expect(incidentImpactIntervals(updates)).toEqual([{ product: 'voipnow', impact: 'major_outage', start: T1, end: T3 }]);
  });

  it('drops the zero-length interval of an update superseded at the same instant', () => {
    const updates: SnapshotUpdate[] = [
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'partial_outage' } },
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage' } },
    ];
    expect(incidentImpactIntervals(updates)).toEqual([{ product: 'voipnow', impact: 'major_outage', start: T1, end: null }]);
  });

  it('groups by product', () => {
    const byProduct = impactIntervalsByProduct([
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage', '3cx': 'partial_outage' } },
      { publishedAt: T2, status: 'resolved', impacts: {} },
    ]);
    expect(byProduct.get('voipnow')).toEqual([{ impact: 'major_outage', start: T1, end: T2 }]);
    expect(byProduct.get('3cx')).toEqual([{ impact: 'partial_outage', start: T1, end: T2 }]);
    expect(byProduct.has('voizapps')).toBe(false);
  });
});

describe('foldDeltaUpdates', () => {
  it('keeps unnamed products, changes named ones, and resolved clears all', () => {
    const snapshots = foldDeltaUpdates([
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage' } },
      { publishedAt: T2, status: 'identified', impacts: { '3cx': 'partial_outage' } },
      { publishedAt: T3, status: 'monitoring', impacts: { voipnow: 'degraded_performance' } },
      { publishedAt: T4, status: 'resolved' },
    ]);
    expect(snapshots.map((snapshot) => snapshot.impacts)).toEqual([
      { voipnow: 'major_outage' },
      { voipnow: 'major_outage', '3cx': 'partial_outage' },
      { voipnow: 'degraded_performance', '3cx': 'partial_outage' },
      // Still listed, so the resolved incident shows which products it affected.
      { voipnow: 'operational', '3cx': 'operational' },
    ]);
    expect(snapshots.map((snapshot) => [snapshot.publishedAt, snapshot.status])).toEqual([
      [T1, 'investigating'],
      [T2, 'identified'],
      [T3, 'monitoring'],
      [T4, 'resolved'],
    ]);
  });

  it('an update after the resolution starts from all operational', () => {
    const snapshots = foldDeltaUpdates([
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage', '3cx': 'major_outage' } },
      { publishedAt: T2, status: 'resolved', impacts: { voipnow: 'major_outage' } },
      { publishedAt: T3, status: 'investigating', impacts: { '3cx': 'partial_outage' } },
    ]);
    expect(snapshots[1]!.impacts).toEqual({ voipnow: 'operational', '3cx': 'operational' });
    expect(snapshots[2]!.impacts).toEqual({ voipnow: 'operational', '3cx': 'partial_outage' });
  });

  it('does not share one object between snapshots', () => {
    const snapshots = foldDeltaUpdates([
      { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage' } },
      { publishedAt: T2, status: 'identified', impacts: {} },
    ]);
    expect(snapshots[0]!.impacts).not.toBe(snapshots[1]!.impacts);
  });

  it('folded deltas give the same intervals as the snapshots they stand for', () => {
    const intervals = incidentImpactIntervals(
      foldDeltaUpdates([
        { publishedAt: T1, status: 'investigating', impacts: { voipnow: 'major_outage' } },
        { publishedAt: T2, status: 'identified', impacts: { '3cx': 'partial_outage' } },
        { publishedAt: T3, status: 'resolved' },
      ]),
    );
    expect(intervals).toEqual([
      { product: 'voipnow', impact: 'major_outage', start: T1, end: T3 },
      { product: '3cx', impact: 'partial_outage', start: T2, end: T3 },
    ]);
  });
});
