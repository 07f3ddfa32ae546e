// What an import file may not claim: events after the time of the import (they would
// show before they happened) and text PostgreSQL cannot store. Refused with the path,
// nothing written; a bad file is refused whole, and a row the database refuses rolls the
// whole file back.
import { readFileSync } from 'node:fs';
import { count, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { incidents, maintenanceRevisions, maintenances, outages } from '#db/schema.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { importHistory } from '#src/history-import/write.ts';
import { AFTER_MARCH, BAD_FILE_PROBLEMS, BAD_FIXTURE, FIXTURE } from '../fixtures/history-expected.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';
import { dumpTables } from '../support/table-dump.ts';

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

  it('refuses a bad file with every problem and its JSON path, in the order of the file, and writes nothing', async () => {
    const db = await prepared();
    const bad = JSON.parse(readFileSync(BAD_FIXTURE, 'utf8'));
    // On an empty history and on one that holds the good file: not one row of it.
    for (const history of [null, JSON.parse(readFileSync(FIXTURE, 'utf8'))]) {
      if (history) expect((await importHistory(db, history, { now: AFTER_MARCH })).ok).toBe(true);
      const before = await dumpTables(db);
      // All ten, schema problems and unknown products together, in one answer.
      expect(await importHistory(db, bad, { now: AFTER_MARCH })).toEqual({ ok: false, problems: BAD_FILE_PROBLEMS });
      expect(await dumpTables(db)).toEqual(before);
    }
  });

  it('rolls the whole file back when the database refuses a row mid-way', async () => {
    const db = await prepared();
    // A trigger in this test database refuses KPI rows, the last thing an import writes:
    // the outage and the incident written before them must be rolled back with them.
    await db.execute(sql`create function refuse_kpi() returns trigger language plpgsql as $$ begin raise exception 'refused by test trigger'; end $$`);
    await db.execute(sql`create trigger refuse_kpi before insert on monthly_kpis for each row execute function refuse_kpi()`);
    const before = await dumpTables(db);
    const doc: ImportInput = {
      outages: [{ id: 'out-rollback', product: 'voipnow', start: '2026-04-01T10:00:00+02:00', end: '2026-04-01T11:00:00+02:00', impact: 'major_outage' }],
      incidents: [{ id: 'inc-rollback', title: 'Storing', category: 2, reportedAt: '2026-04-01T10:00:00+02:00', updates: [{ at: '2026-04-01T10:05:00+02:00', status: 'investigating', message: 'Onderzoek.' }] }],
      kpis: [{ month: '2026-04', callSetupSeconds: 1.9, callSuccessRatio: 99.5 }],
    };
    await expect(importHistory(db, doc, { now: AFTER_MARCH })).rejects.toThrow(/Failed query: insert into "monthly_kpis"/);
    expect(await dumpTables(db)).toEqual(before);
  });
});
