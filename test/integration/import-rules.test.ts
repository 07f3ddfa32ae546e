// What an import file may not claim: events after the time of the import (they would
// show before they happened) and text PostgreSQL cannot store. Refused with the path,
// nothing written.
import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { incidents, maintenanceRevisions, maintenances, outages } from '#db/schema.ts';
import { importHistory } from '#src/history-import/write.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe.each(drivers)('import rules on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  async function prepared() {
    database = await seededDatabase(driver, { catalogueAt: new Date('2026-01-01T00:00:00Z') });
    return database.handle.db;
  }

  it('refuses what is dated after the import, but accepts maintenance windows ahead', async () => {
    const db = await prepared();
    const result = await importHistory(
      db,
      {
        outages: [{ id: 'o1', product: '3cx', start: '2026-11-25T14:00:00+01:00', impact: 'major_outage' }],
        maintenances: [
          { id: 'm1', type: 'necessary', title: 'Later', products: ['3cx'], announcedAt: '2026-11-26T10:00:00+01:00', start: '2026-11-27T19:00:00+01:00', end: '2026-11-27T20:00:00+01:00' },
        ],
        incidents: [
          {
            id: 'i1',
            title: 'Storing',
            category: 2,
            reportedAt: '2026-11-25T12:00:00+01:00',
            updates: [{ at: '2026-11-25T13:30:00+01:00', status: 'resolved', message: 'Opgelost.' }],
          },
        ],
      },
      { now },
    );
    // now is 13:00 CET: 14:00 CET, tomorrow's announcement and 13:30 CET lie after it.
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'outages[0].start', message: 'must not be later than the time of the import (2026-11-25T12:00:00.000Z)' },
        { path: 'maintenances[0].announcedAt', message: 'must not be later than the time of the import (2026-11-25T12:00:00.000Z)' },
        { path: 'incidents[0].updates[0].at', message: 'must not be later than the time of the import (2026-11-25T12:00:00.000Z)' },
      ],
    });
    const counts = await Promise.all([outages, maintenances, incidents].map((t) => db.select({ n: count() }).from(t)));
    expect(counts.map(([c]) => c!.n)).toEqual([0, 0, 0]);

    const ahead = await importHistory(
      db,
      { maintenances: [{ id: 'm2', type: 'necessary', title: 'Gepland', products: ['3cx'], announcedAt: '2026-11-25T10:00:00+01:00', start: '2026-11-27T19:00:00+01:00', end: '2026-11-27T20:00:00+01:00' }] },
      { now },
    );
    expect(ahead.ok).toBe(true);
  });

  it('refuses a NUL character anywhere, naming where', async () => {
    const db = await prepared();
    const result = await importHistory(
      db,
      { outages: [{ id: 'o1', product: '3cx', start: '2026-11-25T10:00:00+01:00', end: '2026-11-25T10:10:00+01:00', impact: 'major_outage', note: 'kabel\u0000breuk' }] },
      { now },
    );
    expect(result).toEqual({ ok: false, problems: [{ path: 'outages[0].note', message: 'must not contain a NUL character' }] });
  });

  it('records a cancellation at its own time, after the announcement', async () => {
    const db = await prepared();
    const result = await importHistory(
      db,
      {
        maintenances: [
          {
            id: 'm3',
            type: 'regular',
            title: 'Vervalt',
            products: ['voipnow'],
            announcedAt: '2026-11-01T10:00:00+01:00',
            start: '2026-11-20T20:00:00+01:00',
            end: '2026-11-20T22:00:00+01:00',
            cancelled: true,
            cancelledAt: '2026-11-10T09:00:00+01:00',
            cancelReason: 'Leverancier heeft de update teruggetrokken.',
          },
        ],
      },
      { now },
    );
    expect(result.ok).toBe(true);
    const revisions = await db.select().from(maintenanceRevisions).orderBy(maintenanceRevisions.revision);
    expect(revisions.map((r) => [r.revision, r.change, r.changedAt.toISOString(), r.state, r.note])).toEqual([
      [1, 'announced', '2026-11-01T09:00:00.000Z', 'scheduled', null],
      [2, 'cancelled', '2026-11-10T08:00:00.000Z', 'cancelled', 'Leverancier heeft de update teruggetrokken.'],
    ]);
  });
});
