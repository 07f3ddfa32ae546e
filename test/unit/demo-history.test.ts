// The demo history generator (src/demo/history.ts): a valid import document, the same for
// every moment of one UTC day, 13 months long, with incidents, maintenance and outages
// that follow the SLA rules (docs/sla.md#maintenance, docs/sla.md#incidents). Wall-clock checks use Intl directly, not
// the project's zone helpers, so they are an independent reading. Run under two process
// time zones by the test script.
import { describe, expect, it } from 'vitest';
import { generateDemoHistory } from '#src/demo/history.ts';
import { DEMO_ID_PREFIX, demoDayOf, openIncidentId } from '#src/demo/marker.ts';
import { importDocument } from '#src/history-import/schema.ts';
import type { ImportDocument } from '#src/history-import/schema.ts';
import { availabilityReport } from '#src/sla/availability.ts';
import { foldDeltaUpdates, incidentImpactIntervals } from '#src/sla/incident-timelines.ts';
import { incidentTimers } from '#src/sla/incident-timers.ts';
import { checkMaintenance } from '#src/sla/maintenance-rules.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SLUGS = ['voipnow', '3cx', 'teams-dr', 'connectivity', 'voizplus', 'voizapps'];
const TARGETS: Record<string, number | null> = { voipnow: 99.95, '3cx': 99.9, 'teams-dr': 99.9, connectivity: null, voizplus: 99.8, voizapps: 99.8 };

// Ordinary days, month starts and ends, DST switch days, a leap day.
const MOMENTS = [
  '2026-11-25T03:00:00Z',
  '2026-01-01T00:00:00Z',
  '2026-03-29T01:30:00Z',
  '2026-10-25T23:59:59Z',
  '2026-05-31T12:00:00Z',
  '2027-02-14T18:45:00Z',
  '2028-02-29T09:00:00Z',
  '2027-07-01T00:20:00Z',
].map((iso) => new Date(iso));

function generate(now: Date): ImportDocument {
  const parsed = importDocument.safeParse(generateDemoHistory(now));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 5)));
  return parsed.data;
}

const wallFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** What a clock in Amsterdam shows: weekday "Fri", date "YYYY-MM-DD", minutes since midnight. */
function wall(date: Date): { weekday: string; date: string; minutes: number } {
  const part = Object.fromEntries(wallFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return { weekday: part.weekday!, date: `${part.year}-${part.month}-${part.day}`, minutes: Number(part.hour) * 60 + Number(part.minute) };
}

const isOpen = (incident: ImportDocument['incidents'][number]) => incident.updates.at(-1)!.status !== 'resolved';

describe.each(MOMENTS.map((now) => [now.toISOString(), now] as const))('demo history at %s', (_, now) => {
  const doc = generate(now);

  it('parses as an import document and names only catalogue products', () => {
    const named = [
      ...doc.products.map((p) => p.slug),
      ...doc.outages.map((o) => o.product),
      ...doc.maintenances.flatMap((m) => m.products),
      ...doc.incidents.flatMap((i) => i.updates.flatMap((u) => Object.keys(u.impacts))),
    ];
    expect(new Set(named)).toEqual(new Set(SLUGS));
    expect(doc.outages.every((o) => o.source === 'nms')).toBe(true);
  });

  it('spans 13 complete months and the month in progress', () => {
    const since = doc.products[0]!.measuredSince;
    expect(doc.products.map((p) => p.slug).sort()).toEqual([...SLUGS].sort());
    expect(doc.products.every((p) => +p.measuredSince === +since)).toBe(true);
    const start = wall(since);
    expect(start.date.endsWith('-01') && start.minutes === 0).toBe(true);
    const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
    const today = now.toISOString().slice(0, 10);
    expect(monthIndex(today) - monthIndex(start.date)).toBe(13);
    expect(doc.kpis.map((k) => monthIndex(`${k.month}-01`))).toEqual(Array.from({ length: 13 }, (_, n) => monthIndex(start.date) + n));
    const firstEvents = [...doc.incidents.map((i) => +i.reportedAt), ...doc.outages.map((o) => +o.start)];
    expect(Math.min(...firstEvents)).toBeGreaterThanOrEqual(+since);
    expect(Math.min(...firstEvents)).toBeLessThan(+since + 31 * DAY);
  });

  it('has incidents of both categories with 2–6 updates, impacts changing between updates', () => {
    expect(new Set(doc.incidents.map((i) => i.category))).toEqual(new Set([1, 2]));
    for (const incident of doc.incidents) expect(incident.updates.length).toBeGreaterThanOrEqual(2);
    for (const incident of doc.incidents) expect(incident.updates.length).toBeLessThanOrEqual(6);
    const changing = doc.incidents.filter((incident) => {
      const snapshots = foldDeltaUpdates(incident.updates.map((u) => ({ publishedAt: +u.at, status: u.status, impacts: u.impacts })));
      const unresolved = snapshots.filter((s) => s.status !== 'resolved').map((s) => JSON.stringify(s.impacts));
      return new Set(unresolved).size > 1;
    });
    expect(changing.length).toBeGreaterThan(0);
  });

  it('has exactly one open incident, reported a few hours before the day began', () => {
    const open = doc.incidents.filter(isOpen);
    expect(open).toHaveLength(1);
    const incident = open[0]!;
    const dayStart = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
    expect(+incident.reportedAt).toBeGreaterThan(dayStart - 6 * HOUR);
    expect(+incident.reportedAt).toBeLessThan(dayStart - HOUR);
    expect(['identified', 'monitoring']).toContain(incident.updates.at(-1)!.status);
    const [current] = foldDeltaUpdates(incident.updates.map((u) => ({ publishedAt: +u.at, status: u.status, impacts: u.impacts }))).slice(-1);
    const impacts = Object.values(current!.impacts);
    expect(impacts).toHaveLength(1);
    expect(['degraded_performance', 'partial_outage']).toContain(impacts[0]);
  });

  it('has maintenance of every type, upcoming, cancelled and overrun', () => {
    expect(new Set(doc.maintenances.map((m) => m.type))).toEqual(new Set(['regular', 'necessary', 'emergency', 'unannounced']));
    const upcoming = doc.maintenances.filter((m) => m.start > now && !m.cancelled);
    const inDays = (m: (typeof upcoming)[number]) => (+m.start - +now) / DAY;
    expect(upcoming.some((m) => m.type === 'regular' && inDays(m) >= 14 && inDays(m) <= 22)).toBe(true);
    expect(upcoming.some((m) => m.type === 'necessary' && inDays(m) >= 1 && inDays(m) <= 6)).toBe(true);
    const cancelled = doc.maintenances.filter((m) => m.cancelled);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((m) => (m.cancelReason ?? '').length > 10)).toBe(true);
    const overruns = doc.maintenances.filter(
      (m) =>
        !m.cancelled &&
        m.type !== 'unannounced' &&
        doc.outages.some((o) => m.products.includes(o.product) && o.start >= m.start && o.start < m.end && o.end! > m.end),
    );
    expect(overruns.length).toBeGreaterThan(0);
    for (const m of doc.maintenances) {
      expect(m.title && m.titleEn && m.description && m.descriptionEn).toBeTruthy();
      expect(m.expectedImpact).not.toBe('operational');
    }
  });

  it('gives regular and necessary maintenance their notice and windows (Amsterdam wall clock)', () => {
    for (const m of doc.maintenances) {
      const start = wall(m.start);
      const end = wall(m.end);
      const notice = m.announcedAt ? +m.start - +m.announcedAt : null;
      if (m.type === 'regular') {
        expect(notice).toBeGreaterThanOrEqual(14 * DAY);
        expect(start.weekday).toBe('Fri');
        expect(start.minutes).toBeGreaterThanOrEqual(20 * 60);
        expect(end.weekday === 'Sat' ? end.minutes <= 3 * 60 : end.weekday === 'Fri').toBe(true);
        expect(+m.end - +m.start).toBeLessThanOrEqual(7 * HOUR);
      } else if (m.type === 'necessary') {
        expect(notice).toBeGreaterThanOrEqual(DAY);
        expect(end.date).toBe(start.date);
        expect(start.minutes).toBeGreaterThanOrEqual(19 * 60);
        expect(end.minutes).toBeLessThanOrEqual(23 * 60);
      } else if (m.type === 'emergency') {
        expect(notice).toBeGreaterThanOrEqual(0);
        expect(notice).toBeLessThanOrEqual(HOUR);
      } else {
        expect(m.announcedAt).toBeUndefined();
        expect(+m.end - +m.start).toBeLessThan(60_000);
      }
      expect(checkMaintenance({ type: m.type, announcedAt: m.announcedAt ? +m.announcedAt : null, start: +m.start, end: +m.end })).toEqual([]);
    }
  });

  it('keeps everything but upcoming maintenance at or before now', () => {
    const instants = [
      ...doc.incidents.flatMap((i) => [i.reportedAt, ...i.updates.map((u) => u.at)]),
      ...doc.outages.flatMap((o) => [o.start, o.end!]),
      ...doc.maintenances.flatMap((m) => (m.start > now ? [m.announcedAt!] : [m.start, m.end, ...(m.announcedAt ? [m.announcedAt] : [])])),
    ];
    const late = instants.filter((instant) => instant > now).map((instant) => instant.toISOString());
    expect(late).toEqual([]);
  });

  it('keeps availability realistic: most product-months meet their target, a couple miss', () => {
    const impacts = [
      ...doc.outages.map((o) => ({ product: o.product, start: +o.start, end: +o.end!, impact: o.impact })),
      ...doc.incidents.flatMap((i) =>
        incidentImpactIntervals(foldDeltaUpdates(i.updates.map((u) => ({ publishedAt: +u.at, status: u.status, impacts: u.impacts })))),
      ),
    ];
    const months = [...doc.kpis.map((k) => k.month), now.toISOString().slice(0, 7)];
    const report = availabilityReport({
      products: doc.products.map((p) => ({ slug: p.slug, target: TARGETS[p.slug] ?? null, measuredSince: +p.measuredSince })),
      impacts,
      maintenance: doc.maintenances.filter((m) => !m.cancelled && m.type !== 'unannounced').map((m) => ({ start: +m.start, end: +m.end, products: m.products })),
      months,
      now: +now,
    });
    const figures = [...report.values()].flat().map((row) => row.monthly.met).filter((met) => met !== null);
    const misses = figures.filter((met) => !met).length;
    expect(misses).toBeGreaterThanOrEqual(1);
    expect(misses).toBeLessThanOrEqual(4);
  });
});

describe('demo history determinism', () => {
  it('gives the same document at any time of the same UTC day', () => {
    const early = generateDemoHistory(new Date('2026-11-25T03:00:00Z'));
    expect(generateDemoHistory(new Date('2026-11-25T21:00:00Z'))).toEqual(early);
    expect(generateDemoHistory(new Date('2026-11-25T00:00:00Z'))).toEqual(early);
  });

  it('gives another document on another date', () => {
    const one = generateDemoHistory(new Date('2026-11-25T03:00:00Z'));
    const next = generateDemoHistory(new Date('2026-11-26T03:00:00Z'));
    expect(next).not.toEqual(one);
    expect(next.incidents).not.toEqual(one.incidents);
  });
});

describe('demo incidents and the SLA clocks', () => {
  it('mostly meet the response and resolution targets, with some misses', () => {
    const tally = { total: 0, responded: 0, within80: 0, within95: 0 };
    for (const now of MOMENTS) {
      for (const incident of generate(now).incidents.filter((i) => !isOpen(i))) {
        const timers = incidentTimers(
          { category: incident.category, reportedAt: +incident.reportedAt, updates: incident.updates.map((u) => ({ publishedAt: +u.at, status: u.status })) },
          +now,
        );
        tally.total++;
        if (timers.responseMet) tally.responded++;
        if (timers.resolution80Met) tally.within80++;
        if (timers.resolution95Met) tally.within95++;
      }
    }
    for (const [count, low] of [[tally.responded, 0.85], [tally.within80, 0.75], [tally.within95, 0.88]] as const) {
      expect(count / tally.total).toBeGreaterThan(low);
      expect(count).toBeLessThan(tally.total);
    }
  });
});

describe('the demo marker', () => {
  it.each(MOMENTS.map((m) => [m.toISOString(), m] as const))('marks every item of the history of %s as demo, and names its day', (_, now) => {
    const doc = generate(now);
    const ids = [...doc.incidents, ...doc.maintenances, ...doc.outages].map((item) => item.id);
    for (const id of ids) expect(id.startsWith(DEMO_ID_PREFIX), id).toBe(true);
    const day = now.toISOString().slice(0, 10);
    expect(ids).toContain(openIncidentId(day));
    expect(demoDayOf(openIncidentId(day))).toBe(day);
    expect(demoDayOf('demo-inc-2026-03-1')).toBeNull();
  });
});
