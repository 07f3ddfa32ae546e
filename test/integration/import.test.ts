// The history import and the monthly SLA report through a real database, on PGlite and
// (with TEST_DATABASE_URL) PostgreSQL: the hand-made March 2026 fixture imports, and the
// report's figures equal the hand computation by docs/sla.md#the-formula (test/fixtures/history-expected.ts)
// to 0.0001 percentage points; re-imports are idempotent (a bad file: import-rules.test.ts).
// The pure-module cases (DST, weights, windows…) have unit tests; these go through SQL.
import { readFileSync } from 'node:fs';
import { asc, eq, ne } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incidentUpdateImpacts, incidentUpdates, incidents, maintenanceRevisions, maintenances, products } from '#db/schema.ts';
import { DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { importHistory, type ImportResult } from '#src/history-import/write.ts';
import { loadMonthlyReport } from '#src/report/load.ts';
import type { MonthlyReport, ProductMonth, SlaSettings } from '#src/report/monthly-report.ts';
import {
  AFTER_MARCH,
  FIXTURE,
  FIXTURE_COUNTS,
  MARCH_2026,
  MARCH_2026_INCIDENTS,
  MARCH_2026_KPIS,
  expectFigures,
} from '../fixtures/history-expected.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';
import { countRows, dumpTables } from '../support/table-dump.ts';

const settings: SlaSettings = { weights: DEFAULT_IMPACT_WEIGHTS, officeHours: { start: '08:00', end: '17:00', holidays: [] } };
const fixture = (): ImportInput => JSON.parse(readFileSync(FIXTURE, 'utf8'));
/** When the catalogue was first synced: every product is measured from then until the fixture moves it. */
const catalogueCreated = new Date('2025-01-01T00:00:00+01:00');

function figures(report: MonthlyReport, slug: string): ProductMonth {
  return report.products.find((p) => p.slug === slug)!;
}

function expectOk(result: ImportResult) {
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problems, null, 2)}`);
  return result.summary;
}

describe.each(drivers)('history import and monthly report on %s', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await seededDatabase(driver, { catalogueAt: catalogueCreated });
  });
  afterEach(() => database?.drop());

  it('imports the fixture: every item once, incident impacts folded from deltas into snapshots', async () => {
    const { db } = database.handle;
    const summary = expectOk(await importHistory(db, fixture(), { now: AFTER_MARCH }));
    // changed: voizApps' measured-since moves (the other five already hold 2025-01-01),
    // plus 14 outages, 4 maintenances, 3 incidents and 2 KPI months created = 24.
    expect(summary).toEqual({ products: 6, outages: 14, maintenances: 4, incidents: 3, kpis: 2, changed: 1 + 14 + 4 + 3 + 2 });

    const rows = await countRows(db);
    expect(rows.outages).toBe(FIXTURE_COUNTS.outages);
    expect(rows.maintenances).toBe(FIXTURE_COUNTS.maintenances);
    // One revision per maintenance, and a second (cancelled) for the cancelled one.
    expect(rows.maintenance_revisions).toBe(FIXTURE_COUNTS.maintenances + 1);
    expect(rows.incidents).toBe(FIXTURE_COUNTS.incidents);
    expect(rows.incident_updates).toBe(FIXTURE_COUNTS.incidentUpdates);
    expect(rows.monthly_kpis).toBe(FIXTURE_COUNTS.kpis);
    // One audit row per item created or changed, as the API writes one per command.
    expect(rows.audit_log).toBe(summary.changed);

    const [voizapps] = await db.select().from(products).where(eq(products.slug, 'voizapps'));
    expect(voizapps!.measuredSince.toISOString()).toBe('2026-03-15T23:00:00.000Z');

    // Stored snapshots of the VOIPNOW incident: the second update names only voipnow, so
    // 3cx keeps partial_outage; 'resolved' sets every product named so far to operational.
    const [incident] = await db.select().from(incidents).where(eq(incidents.externalId, 'inc-2026-03-voipnow'));
    expect(incident).toMatchObject({ category: 2, status: 'resolved' });
    expect(incident!.resolvedAt!.toISOString()).toBe('2026-03-04T09:50:00.000Z');
    const snapshot = await db
      .select({ at: incidentUpdates.publishedAt, product: products.slug, impact: incidentUpdateImpacts.impact })
      .from(incidentUpdates)
      .innerJoin(incidentUpdateImpacts, eq(incidentUpdateImpacts.updateId, incidentUpdates.id))
      .innerJoin(products, eq(products.id, incidentUpdateImpacts.productId))
      .where(eq(incidentUpdates.incidentId, incident!.id))
      .orderBy(asc(incidentUpdates.publishedAt), asc(products.position));
    expect(snapshot.map((s) => [s.at.toISOString().slice(11, 16), s.product, s.impact])).toEqual([
      ['09:00', 'voipnow', 'major_outage'],
      ['09:00', '3cx', 'partial_outage'],
      ['09:16', 'voipnow', 'degraded_performance'],
      ['09:16', '3cx', 'partial_outage'],
      ['09:50', 'voipnow', 'operational'],
      ['09:50', '3cx', 'operational'],
    ]);

    const states = await db.select({ id: maintenances.externalId, state: maintenances.state, revision: maintenances.revision }).from(maintenances).orderBy(asc(maintenances.externalId));
    // Stored is what the file states; that a window has passed is read off the clock.
    // The cancelled one has two revisions: announced, then cancelled.
    expect(states).toEqual([
      { id: 'mnt-3cx-cancelled', state: 'cancelled', revision: 2 },
      { id: 'mnt-connectivity-emergency', state: 'scheduled', revision: 1 },
      { id: 'mnt-teams-unannounced', state: 'scheduled', revision: 1 },
      { id: 'mnt-voizplus-regular', state: 'scheduled', revision: 1 },
    ]);
  });

  it('reports March 2026 as computed by hand (test/fixtures/history-expected.ts)', async () => {
    const { db } = database.handle;
    expectOk(await importHistory(db, fixture(), { now: AFTER_MARCH }));
    const report = await loadMonthlyReport(db, '2026-03', AFTER_MARCH, settings);

    expect(report).toMatchObject({ month: '2026-03', timezone: 'Europe/Amsterdam', partial: false });
    expect(report.impactWeights.partial_outage).toBe(0.3);
    expectFigures(report.products, MARCH_2026);
    expect(report.incidents.categories).toEqual(MARCH_2026_INCIDENTS);
    expect(report.kpis).toEqual(MARCH_2026_KPIS);
  });

  it('counts the month in progress only up to now', async () => {
    const { db } = database.handle;
    expectOk(await importHistory(db, fixture(), { now: AFTER_MARCH }));
    // now = Fri 20 Mar 12:00 CET. P = 1 Mar 00:00 → 20 Mar 12:00 CET = 19.5 days = 468 h
    // = 28,080 min (the DST switch is still ahead). Rolling: 2025-04-01 00:00 CEST → now =
    // 353 days + 12 h, plus 1 h because the start is CEST and now CET = 8,485 h = 509,100 min.
    const now = new Date('2026-03-20T12:00:00+01:00');
    const report = await loadMonthlyReport(db, '2026-03', now, settings);
    expect(report.partial).toBe(true);
    const [P, R] = [28_080, 509_100];
    expectFigures(report.products, [
      // Everything of VOIPNOW (4 Mar) lies before now: D = 22.3.
      { slug: 'voipnow', target: 99.95, periodMinutes: P, unplannedMinutes: 22.3, plannedMinutes: 0, availability: ((P - 22.3) / P) * 100, met: false, rolling12: ((R - 22.3) / R) * 100, rolling12Met: true },
      // 3CX without the DST outage of 29 Mar: D = 15 + 45 + 39 = 99. (28,080 − 99) / 28,080 = 99.647436 %.
      { slug: '3cx', target: 99.9, periodMinutes: P, unplannedMinutes: 99, plannedMinutes: 0, availability: ((P - 99) / P) * 100, met: false, rolling12: ((R - 99) / R) * 100, rolling12Met: true },
      // Teams: 30 (1 Mar) + 0.5 (18 Mar) = 30.5; rolling adds 60 + 45 = 135.5. 99.891382 % < 99.9.
      { slug: 'teams-dr', target: 99.9, periodMinutes: P, unplannedMinutes: 30.5, plannedMinutes: 0, availability: ((P - 30.5) / P) * 100, met: false, rolling12: ((R - 135.5) / R) * 100, rolling12Met: true },
      // Connectivity: the planned 30 min (20 Mar 10:00–10:30) only; the 31 Mar outage is
      // still ahead. D = Dp = 30: (28,080 − 30) / (28,080 − 30) = 100 %.
      { slug: 'connectivity', target: null, periodMinutes: P, unplannedMinutes: 0, plannedMinutes: 30, availability: 100, met: null, rolling12: 100, rolling12Met: null },
      // voizplus: D = 90, Dp = 60. (28,080 − 90) / (28,080 − 60) = 99.892934 %.
      { slug: 'voizplus', target: 99.8, periodMinutes: P, unplannedMinutes: 30, plannedMinutes: 60, availability: ((P - 90) / (P - 60)) * 100, met: true, rolling12: ((R - 90) / (R - 60)) * 100, rolling12Met: true },
      // voizApps: 16 Mar 00:00 → 20 Mar 12:00 = 4.5 days = 6,480 min; D = 30. 99.537037 %.
      { slug: 'voizapps', target: 99.8, periodMinutes: 6_480, unplannedMinutes: 30, plannedMinutes: 0, availability: ((6_480 - 30) / 6_480) * 100, met: false, rolling12: ((6_480 - 30) / 6_480) * 100, rolling12Met: false },
    ]);
    // Only what had happened by now: the two category 1 incidents are reported after it.
    expect(report.incidents.categories.map((c) => [c.category, c.reported, c.resolved])).toEqual([
      [1, 0, 0],
      [2, 1, 1],
    ]);
  });

  it('counts an ongoing outage (no end) up to now, and its end once a later import gives it', async () => {
    const { db } = database.handle;
    expectOk(await importHistory(db, fixture(), { now: AFTER_MARCH }));
    const ongoing = { id: 'out-voizplus-ongoing', product: 'voizplus', start: '2026-04-10T12:00:00+02:00', impact: 'major_outage' as const };
    expect(expectOk(await importHistory(db, { outages: [ongoing] }, { now: new Date('2026-04-10T13:30:00+02:00') })).changed).toBe(1);

    // now = 10 Apr 13:30 CEST. P = 1 Apr 00:00 → 10 Apr 13:30 CEST = 9 days 13.5 h =
    // 229.5 h = 13,770 min. voizplus: 12:00 → now = 90 min. (13,770 − 90) / 13,770 = 99.346405 %.
    const april = await loadMonthlyReport(db, '2026-04', new Date('2026-04-10T13:30:00+02:00'), settings);
    expect(figures(april, 'voizplus').periodMinutes).toBeCloseTo(13_770, 6);
    expect(figures(april, 'voizplus').unplannedMinutes).toBeCloseTo(90, 6);
    expect(figures(april, 'voizplus').availability).toBeCloseTo(((13_770 - 90) / 13_770) * 100, 4);
    // Connectivity: the April part of the 31 Mar outage, 00:00–00:20 = 20 min. 99.854757 %.
    expect(figures(april, 'connectivity').availability).toBeCloseTo(((13_770 - 20) / 13_770) * 100, 4);
    // Half an hour later the same outage counts 120 min: P = 13,800, (13,800 − 120) / 13,800.
    const later = await loadMonthlyReport(db, '2026-04', new Date('2026-04-10T14:00:00+02:00'), settings);
    expect(figures(later, 'voizplus').availability).toBeCloseTo(((13_800 - 120) / 13_800) * 100, 4);

    // The NOC sends the end (14:00): the same row is updated, counted once as changed.
    const ended = { ...ongoing, end: '2026-04-10T14:00:00+02:00' };
    expect(expectOk(await importHistory(db, { outages: [ended] }, { now: new Date('2026-04-10T15:00:00+02:00') })).changed).toBe(1);
    expect((await countRows(db)).outages).toBe(FIXTURE_COUNTS.outages + 1);
    // now = 15:00: P = 13,860 min; D = 12:00–14:00 = 120, not 180. (13,860 − 120) / 13,860 = 99.134199 %.
    const closed = await loadMonthlyReport(db, '2026-04', new Date('2026-04-10T15:00:00+02:00'), settings);
    expect(figures(closed, 'voizplus').unplannedMinutes).toBeCloseTo(120, 6);
    expect(figures(closed, 'voizplus').availability).toBeCloseTo(((13_860 - 120) / 13_860) * 100, 4);
    // March is not touched by any of it.
    expectFigures((await loadMonthlyReport(db, '2026-03', AFTER_MARCH, settings)).products, MARCH_2026);
  });

  it('takes calendar months in Europe/Amsterdam: October 745 h, February of a leap year 696 h', async () => {
    const { db } = database.handle;
    expectOk(await importHistory(db, fixture(), { now: AFTER_MARCH }));
    // October 2026: 31 × 24 h + 1 h (25 Oct 03:00 CEST → 02:00 CET) = 745 h = 44,700 min.
    // Rolling: 2025-11-01 00:00 CET → 2026-11-01 00:00 CET = 365 days = 525,600 min.
    const october = await loadMonthlyReport(db, '2026-10', new Date('2026-11-15T12:00:00+01:00'), settings);
    expect(figures(october, 'voipnow')).toMatchObject({ periodMinutes: 44_700, unplannedMinutes: 0, availability: 100, met: true });
    // VOIPNOW's 22.3 min of March are in it: (525,600 − 22.3) / 525,600.
    expect(figures(october, 'voipnow').rolling12).toBeCloseTo(((525_600 - 22.3) / 525_600) * 100, 4);
    // Connectivity: March's 50 (30 planned) and April's 20 → (525,600 − 70) / (525,600 − 30) = 99.992389 %.
    expect(figures(october, 'connectivity').rolling12).toBeCloseTo(((525_600 - 70) / (525_600 - 30)) * 100, 4);

    // February 2028 (leap): 29 × 24 h = 696 h = 41,760 min; 60 min down on the 29th.
    expectOk(
      await importHistory(
        db,
        { outages: [{ id: 'out-leap-day', product: 'voipnow', start: '2028-02-29T12:00:00+01:00', end: '2028-02-29T13:00:00+01:00', impact: 'major_outage' }] },
        { now: new Date('2028-03-15T12:00:00+01:00') },
      ),
    );
    const leap = await loadMonthlyReport(db, '2028-02', new Date('2028-03-15T12:00:00+01:00'), settings);
    expect(figures(leap, 'voipnow').periodMinutes).toBe(41_760);
    // (41,760 − 60) / 41,760 = 99.856322 %, below 99.95.
    expect(figures(leap, 'voipnow')).toMatchObject({ unplannedMinutes: 60, met: false });
    expect(figures(leap, 'voipnow').availability).toBeCloseTo(((41_760 - 60) / 41_760) * 100, 4);
    // Rolling: 2027-03-01 → 2028-03-01 holds 29 Feb: 366 days = 527,040 min. 99.988616 %.
    expect(figures(leap, 'voipnow').rolling12).toBeCloseTo(((527_040 - 60) / 527_040) * 100, 4);
  });

  it('changes nothing when the same file is imported again', async () => {
    const { db } = database.handle;
    expectOk(await importHistory(db, fixture(), { now: AFTER_MARCH }));
    const before = await dumpTables(db);
    const ids = async () => ({
      incidents: (await db.select({ id: incidents.id }).from(incidents)).map((r) => r.id).sort(),
      updates: (await db.select({ id: incidentUpdates.id }).from(incidentUpdates)).map((r) => r.id).sort(),
      maintenances: await db.select({ id: maintenances.id, revision: maintenances.revision, updatedAt: maintenances.updatedAt }).from(maintenances).orderBy(asc(maintenances.id)),
    });
    const idsBefore = await ids();

    // A day later, by another actor: still nothing to do.
    const again = expectOk(await importHistory(db, fixture(), { now: new Date('2026-04-16T12:00:00+02:00') }));
    expect(again.changed).toBe(0);
    expect(await ids()).toEqual(idsBefore);
    // Announced once each; the cancelled one also has its cancellation.
    expect(idsBefore.maintenances.map((m) => m.revision).sort()).toEqual([1, 1, 1, 2]);
    // Every table, every row, every column (audit log included) as before.
    expect(await dumpTables(db)).toEqual(before);
  });

  it('raises the revision by one and records "rescheduled" when a window changes on re-import', async () => {
    const { db } = database.handle;
    expectOk(await importHistory(db, fixture(), { now: AFTER_MARCH }));
    const auditBefore = (await countRows(db)).audit_log!;
    const moved = fixture();
    const regular = moved.maintenances!.find((m) => m.id === 'mnt-voizplus-regular')!;
    regular.end = '2026-03-14T00:30:00+01:00';

    const changedAt = new Date('2026-04-16T12:00:00+02:00');
    expect(expectOk(await importHistory(db, moved, { now: changedAt })).changed).toBe(1);
    const [row] = await db.select().from(maintenances).where(eq(maintenances.externalId, 'mnt-voizplus-regular'));
    expect(row!.revision).toBe(2);
    const revisions = await db
      .select()
      .from(maintenanceRevisions)
      .where(eq(maintenanceRevisions.maintenanceId, row!.id))
      .orderBy(asc(maintenanceRevisions.revision));
    expect(revisions.map((r) => [r.revision, r.change, r.windowEnd.toISOString(), r.state])).toEqual([
      [1, 'announced', '2026-03-13T23:00:00.000Z', 'scheduled'],
      [2, 'rescheduled', '2026-03-13T23:30:00.000Z', 'scheduled'],
    ]);
    expect(+revisions[1]!.changedAt).toBe(+changedAt);
    // The other maintenances are untouched.
    const others = await db
      .select({ id: maintenances.externalId, revision: maintenances.revision })
      .from(maintenances)
      .where(ne(maintenances.id, row!.id))
      .orderBy(asc(maintenances.externalId));
    // mnt-3cx-cancelled: announced and cancelled; the other two announced only.
    expect(others.map((o) => [o.id, o.revision])).toEqual([
      ['mnt-3cx-cancelled', 2],
      ['mnt-connectivity-emergency', 1],
      ['mnt-teams-unannounced', 1],
    ]);
    // One audit entry, for the maintenance.
    expect((await countRows(db)).audit_log).toBe(auditBefore + 1);

    // The overrun is inside the longer window now: D = Dp = 90, (44,580 − 90) / (44,580 − 90) = 100 %.
    const report = await loadMonthlyReport(db, '2026-03', AFTER_MARCH, settings);
    expect(figures(report, 'voizplus')).toMatchObject({ availability: 100, unplannedMinutes: 0, plannedMinutes: 90, met: true });
  });
});
