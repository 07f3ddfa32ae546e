// Maintenance as the pages show it: the SLA check of unannounced maintenance uses the
// downtime actually recorded, and announcements dated after now are not shown yet.
import { afterEach, describe, expect, it } from 'vitest';
import { loadMaintenanceLists } from '#src/maintenance/queries.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';

const importedAt = new Date('2026-11-25T12:00:00Z');

describe.each(drivers)('maintenance view on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it('judges unannounced maintenance by its recorded downtime, and hides announcements still to come', async () => {
    const seeded = await seededDatabase(driver, {
      catalogueAt: new Date('2026-01-01T00:00:00Z'),
      now: importedAt,
      history: {
        outages: [
          // 30 s and, overlapping it, 20 s: 40 s of downtime in the first window.
          { id: 'o1', product: 'teams-dr', start: '2026-11-20T14:00:10+01:00', end: '2026-11-20T14:00:40+01:00', impact: 'major_outage' },
          { id: 'o2', product: 'teams-dr', start: '2026-11-20T14:00:30+01:00', end: '2026-11-20T14:00:50+01:00', impact: 'partial_outage' },
          // 90 s in the second window.
          { id: 'o3', product: 'voizplus', start: '2026-11-21T09:00:00+01:00', end: '2026-11-21T09:01:30+01:00', impact: 'major_outage' },
        ],
        maintenances: [
          { id: 'short', type: 'unannounced', title: 'Herstart SBC', products: ['teams-dr'], start: '2026-11-20T14:00:00+01:00', end: '2026-11-20T14:02:00+01:00' },
          { id: 'long', type: 'unannounced', title: 'Herstart portal', products: ['voizplus'], start: '2026-11-21T09:00:00+01:00', end: '2026-11-21T09:05:00+01:00' },
          { id: 'later', type: 'necessary', title: 'Later', products: ['3cx'], announcedAt: '2026-11-25T10:00:00+01:00', start: '2026-11-30T19:00:00+01:00', end: '2026-11-30T20:00:00+01:00' },
        ],
      },
    });
    database = seeded;
    const { db } = database.handle;
    expect(seeded.imported?.ok).toBe(true);

    const lists = await loadMaintenanceLists(db, importedAt, new Date('2026-01-01T00:00:00Z'));
    const byTitle = new Map(lists.past.map((m) => [m.title, m]));
    expect(byTitle.get('Herstart SBC')?.breaches).toEqual([]);
    expect(byTitle.get('Herstart portal')?.breaches.map((b) => b.code)).toEqual(['downtime_too_long']);
    expect(lists.upcoming.map((m) => m.title)).toEqual(['Later']);

    // One hour before the announcement (09:00 UTC is 10:00 CET) it is not shown yet.
    const before = await loadMaintenanceLists(db, new Date('2026-11-25T08:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect(before.upcoming).toEqual([]);
  });
});
