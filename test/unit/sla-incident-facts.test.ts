// The SLA facts of an incident report (src/sla/incident-facts.ts), every figure worked out
// by hand in the comments: SLA §4 deadlines with their margins on the category's clock,
// weighted downtime per product (planned and unplanned apart), and the month's
// availability without and with the incident (docs/sla.md#availability).
import { describe, expect, it } from 'vitest';
import { incidentFacts, monthsTouched, type FactsInput } from '#src/sla/incident-facts.ts';
import { HOUR_MS, MINUTE_MS } from '#src/time/units.ts';

const at = (text: string) => Date.parse(text);
const PRODUCTS = [
  { slug: 'voipnow', target: 99.95, measuredSince: at('2025-01-01T00:00:00Z') },
  { slug: '3cx', target: 99.9, measuredSince: at('2025-01-01T00:00:00Z') },
  { slug: 'teams-dr', target: 99.9, measuredSince: at('2025-01-01T00:00:00Z') },
  { slug: 'connectivity', target: null, measuredSince: at('2025-01-01T00:00:00Z') },
];

describe('a category 2 incident (24/7 clock) in December 2026', () => {
  // Reported Tuesday 8 December 10:00 CET; first update 10:12 (VOIPNOW major, 3CX partial);
  // 10:30 VOIPNOW degraded; resolved 11:40. An announced VOIPNOW window 10:25–10:35, and an
  // NMS outage of VOIPNOW on the 20th, 03:00–03:03 (3 min major).
  const input: FactsInput = {
    incident: {
      category: 2,
      reportedAt: at('2026-12-08T10:00:00+01:00'),
      updates: [
        { publishedAt: at('2026-12-08T10:12:00+01:00'), status: 'investigating', impacts: { voipnow: 'major_outage', '3cx': 'partial_outage' } },
        { publishedAt: at('2026-12-08T10:30:00+01:00'), status: 'identified', impacts: { voipnow: 'degraded_performance', '3cx': 'partial_outage' } },
        { publishedAt: at('2026-12-08T11:40:00+01:00'), status: 'resolved', impacts: { voipnow: 'operational', '3cx': 'operational' } },
      ],
    },
    products: PRODUCTS,
    otherImpacts: [{ product: 'voipnow', start: at('2026-12-20T03:00:00+01:00'), end: at('2026-12-20T03:03:00+01:00'), impact: 'major_outage' }],
    maintenance: [{ start: at('2026-12-08T10:25:00+01:00'), end: at('2026-12-08T10:35:00+01:00'), products: ['voipnow'] }],
    now: at('2027-01-05T12:00:00+01:00'),
  };
  const facts = incidentFacts(input);

  it('judges the first response and the resolution against SLA §4, with the margins', () => {
    expect(facts).toMatchObject({ category: 2, clock: 'continuous', reportedAt: at('2026-12-08T10:00:00+01:00'), resolvedAt: at('2026-12-08T11:40:00+01:00') });
    // Within 1 hour: due 11:00, answered 10:12 after 12 min, 48 min to spare.
    expect(facts.response).toEqual({ allowedHours: 1, due: at('2026-12-08T11:00:00+01:00'), at: at('2026-12-08T10:12:00+01:00'), met: true, marginMs: 48 * MINUTE_MS });
    expect(facts.responseElapsedMs).toBe(12 * MINUTE_MS);
    // Resolved after 1 h 40 min: < 4 h (due 14:00, 2 h 20 min to spare), < 12 h (due 22:00, 10 h 20 min).
    expect(facts.resolutionElapsedMs).toBe(100 * MINUTE_MS);
    expect(facts.resolution80).toEqual({ allowedHours: 4, due: at('2026-12-08T14:00:00+01:00'), at: at('2026-12-08T11:40:00+01:00'), met: true, marginMs: 140 * MINUTE_MS });
    expect(facts.resolution95).toMatchObject({ allowedHours: 12, due: at('2026-12-08T22:00:00+01:00'), met: true, marginMs: 620 * MINUTE_MS });
  });

  it('gives the downtime per affected product, planned and unplanned apart, and only for affected products', () => {
    expect(facts.products.map((p) => p.slug)).toEqual(['voipnow', '3cx']);
    // VOIPNOW: major 10:12–10:30 = 18 min, of which 10:25–10:30 = 5 min in the window;
    // degraded 10:30–11:40 weighs 0.
    const [voipnow, cx] = facts.products;
    expect(voipnow).toMatchObject({ worstImpact: 'major_outage', plannedMinutes: 5 });
    expect(voipnow!.unplannedMinutes).toBeCloseTo(13, 9);
    // 3CX: partial 10:12–11:40 = 88 min × 0.3 = 26.4 min, no window of its own.
    expect(cx).toMatchObject({ worstImpact: 'partial_outage', plannedMinutes: 0 });
    expect(cx!.unplannedMinutes).toBeCloseTo(26.4, 9);
  });

  it("gives the month's availability without and with the incident against the target", () => {
    // December has 31 × 1440 = 44,640 min. Without: D = 3 (the NMS outage), Dp = 0:
    // 44,637 / 44,640 = 99.99327957 %. With: D = 18 + 3 = 21, Dp = 5:
    // (44,640 − 21) / (44,640 − 5) = 44,619 / 44,635 = 99.96415369 % ≥ 99.95: met.
    const [month] = facts.products[0]!.months;
    expect(month).toMatchObject({ month: '2026-12', partial: false, target: 99.95, met: true });
    expect(month!.without).toBeCloseTo(99.99327957, 7);
    expect(month!.with).toBeCloseTo(99.96415369, 7);
    // 3CX: (44,640 − 26.4) / 44,640 = 99.94086022 % ≥ 99.9, and 100 % without.
    const [cxMonth] = facts.products[1]!.months;
    expect(cxMonth).toMatchObject({ without: 100, met: true });
    expect(cxMonth!.with).toBeCloseTo(99.94086022, 7);
  });

  it('counts a month in progress up to now', () => {
    // On 8 December 12:00 the month has run 7 days 12 hours = 10,800 min; the NMS outage
    // has not happened yet. With: (10,800 − 18) / (10,800 − 5) = 10,782 / 10,795 = 99.879574 %.
    const early = incidentFacts({ ...input, now: at('2026-12-08T12:00:00+01:00') });
    const [month] = early.products[0]!.months;
    expect(month).toMatchObject({ partial: true, without: 100, met: false });
    expect(month!.with).toBeCloseTo(99.879573877, 7);
  });

  it('gives a best-effort product no verdict', () => {
    const connectivity = incidentFacts({
      ...input,
      incident: { ...input.incident, updates: input.incident.updates.map((u) => ({ ...u, impacts: { connectivity: u.status === 'resolved' ? 'operational' : 'major_outage' } })) },
    });
    expect(connectivity.products).toHaveLength(1);
    expect(connectivity.products[0]!.months[0]).toMatchObject({ target: null, met: null });
  });
});

describe('a category 1 incident (office clock)', () => {
  // Reported Friday 5 June 2026 16:30 CEST (office closes 17:00); first update Monday 08:45;
  // resolved Monday 16:00. Teams (DR) degraded throughout.
  const facts = incidentFacts({
    incident: {
      category: 1,
      reportedAt: at('2026-06-05T16:30:00+02:00'),
      updates: [
        { publishedAt: at('2026-06-08T08:45:00+02:00'), status: 'investigating', impacts: { 'teams-dr': 'degraded_performance' } },
        { publishedAt: at('2026-06-08T16:00:00+02:00'), status: 'resolved', impacts: { 'teams-dr': 'operational' } },
      ],
    },
    products: PRODUCTS,
    otherImpacts: [],
    maintenance: [],
    now: at('2026-07-01T12:00:00+02:00'),
  });

  it('measures the margins in office hours', () => {
    expect(facts.clock).toBe('office');
    // 1 office hour: 30 min on Friday, 30 min on Monday → due Mon 08:30; answered 08:45: 15 min late.
    expect(facts.response).toMatchObject({ due: at('2026-06-08T08:30:00+02:00'), met: false, marginMs: -15 * MINUTE_MS });
    // Office time to the answer: 30 min Friday + 45 min Monday.
    expect(facts.responseElapsedMs).toBe(75 * MINUTE_MS);
    // Resolved after 0.5 h + 8 h = 8.5 office hours: the 8 h mark (Mon 15:30) missed by 30 min;
    // the 16 h mark (Tue 14:30) met with 1 h (Monday) + 6.5 h (Tuesday) = 7.5 office hours to spare.
    expect(facts.resolutionElapsedMs).toBe(8.5 * HOUR_MS);
    expect(facts.resolution80).toMatchObject({ due: at('2026-06-08T15:30:00+02:00'), met: false, marginMs: -30 * MINUTE_MS });
    expect(facts.resolution95).toMatchObject({ due: at('2026-06-09T14:30:00+02:00'), met: true, marginMs: 7.5 * HOUR_MS });
  });

  it('counts degraded performance as no downtime (weight 0)', () => {
    expect(facts.products).toEqual([
      {
        slug: 'teams-dr',
        worstImpact: 'degraded_performance',
        unplannedMinutes: 0,
        plannedMinutes: 0,
        months: [{ month: '2026-06', partial: false, target: 99.9, without: 100, with: 100, met: true }],
      },
    ]);
  });
});

describe('the months an incident touches', () => {
  it('are both months when it runs over midnight of the 1st, one when it ends exactly then', () => {
    expect(monthsTouched(at('2026-11-30T23:50:00+01:00'), at('2026-12-01T00:20:00+01:00'))).toEqual(['2026-11', '2026-12']);
    expect(monthsTouched(at('2026-11-30T23:50:00+01:00'), at('2026-12-01T00:00:00+01:00'))).toEqual(['2026-11']);
    expect(monthsTouched(at('2026-10-31T12:00:00+01:00'), at('2027-01-02T12:00:00+01:00'))).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
  });
});
