// The demo history can be seen and removed: while it is in the database it is recognised
// (every page shows a notice), and removing it deletes it and nothing else, in one
// transaction, on both drivers; start-up does not put it back.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, monthlyKpis, products } from '#db/schema.ts';
import { generateDemoHistory } from '#src/demo/history.ts';
import { holdsDemoHistory } from '#src/demo/presence.ts';
import { demoWasRemoved, removeDemoHistory } from '#src/demo/remove.ts';
import { importHistory } from '#src/history-import/write.ts';
import { readCatalogue } from '#src/products/catalogue.ts';
import { seedDemoHistory } from '#src/server/boot.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';
import { dumpTables } from '../support/table-dump.ts';

const catalogueAt = new Date('2024-06-01T00:00:00Z');
const seededAt = new Date('2026-11-25T10:00:00+01:00');
const removedAt = new Date('2026-11-26T09:00:00+01:00');
const demo = generateDemoHistory(seededAt);
const demoKpis = demo.kpis!;

// What an operator imported besides the demo: an incident, an outage, a maintenance, the
// KPIs of one demo month corrected with real figures and of one month the demo has not.
const real = {
  outages: [{ id: 'nms-1', product: '3cx', start: '2026-11-20T10:00:00+01:00', end: '2026-11-20T10:30:00+01:00', impact: 'major_outage' as const }],
  maintenances: [
    {
      id: 'chg-1',
      type: 'necessary' as const,
      title: 'Echt onderhoud',
      products: ['voipnow'],
      announcedAt: '2026-11-18T09:00:00+01:00',
      start: '2026-11-19T19:00:00+01:00',
      end: '2026-11-19T20:00:00+01:00',
    },
  ],
  incidents: [
    {
      id: 'inc-1',
      title: 'Echte storing',
      category: 2 as const,
      reportedAt: '2026-11-21T08:00:00+01:00',
      updates: [
        { at: '2026-11-21T08:10:00+01:00', status: 'investigating' as const, message: 'We kijken.', impacts: { voizplus: 'partial_outage' as const } },
        { at: '2026-11-21T09:00:00+01:00', status: 'resolved' as const, message: 'Opgelost.' },
      ],
    },
  ],
  kpis: [
    { month: demoKpis[0]!.month, callSetupSeconds: 1.5, callSuccessRatio: 99.5 },
    { month: '2020-01', callSetupSeconds: 1.7, callSuccessRatio: 99.3 },
  ],
};

describe.each(drivers)('demo history on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it('is recognised, and removed whole without touching anything else, once', async () => {
    database = await seededDatabase(driver, { catalogueAt });
    const { db } = database.handle;
    expect(await holdsDemoHistory(db)).toBe(false);
    const before = await dumpTables(db);

    // Alone, the demo history comes out entirely: the database is as it was.
    await seedDemoHistory(db, seededAt);
    expect(await holdsDemoHistory(db)).toBe(true);
    const alone = await removeDemoHistory(db, readCatalogue('db/catalogue.json'), catalogueAt);
    expect(alone).toMatchObject({ incidents: demo.incidents!.length, maintenances: demo.maintenances!.length, outages: demo.outages!.length, kpis: demoKpis.length, products: 6 });
    expect(await holdsDemoHistory(db)).toBe(false);
    const after = await dumpTables(db);
    // The audit log keeps both events, and the published state's version rose with each (seed, removal).
    expect({ ...after, audit_log: [], data_version: [] }).toEqual({ ...before, audit_log: [], data_version: [] });
    expect(after.data_version!.map((row) => JSON.parse(row).version)).toEqual([2]);
    expect(await demoWasRemoved(db)).toBe(true);
  });

  it('keeps what was imported besides it, and figures an import has corrected', async () => {
    database = await seededDatabase(driver, { catalogueAt });
    const { db } = database.handle;
    await seedDemoHistory(db, seededAt);
    expect(await importHistory(db, real, { now: seededAt })).toMatchObject({ ok: true });
    const withReal = await dumpTables(db);

    const gone = await removeDemoHistory(db, readCatalogue('db/catalogue.json'), removedAt);
    // The corrected KPI month stays: it no longer holds the demo's figures.
    expect(gone.kpis).toBe(demoKpis.length - 1);
    const after = await dumpTables(db);
    for (const table of ['incidents', 'maintenances', 'outages'] as const) {
      const kept = withReal[table]!.filter((row) => !JSON.parse(row).externalId.startsWith('demo-'));
      expect(after[table], table).toEqual(kept);
      expect(kept.length, table).toBe(1);
    }
    const kpis = await db.select().from(monthlyKpis).orderBy(monthlyKpis.month);
    expect(kpis).toEqual([
      { month: '2020-01', callSetupSeconds: 1.7, callSuccessRatio: 99.3 },
      { month: demoKpis[0]!.month, callSetupSeconds: 1.5, callSuccessRatio: 99.5 },
    ]);
    // The products the demo measured from its first month are measured from the removal on.
    const since = await db.select({ slug: products.slug, measuredSince: products.measuredSince }).from(products);
    for (const product of since) expect(+product.measuredSince, product.slug).toBe(+removedAt);
    const [removal] = await db.select().from(auditLog).where(eq(auditLog.action, 'remove'));
    expect(removal).toMatchObject({ actor: 'demo', entityType: 'history', after: gone });
    expect(await holdsDemoHistory(db)).toBe(false);
  });
});
