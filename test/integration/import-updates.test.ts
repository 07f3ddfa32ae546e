// Re-importing a changed incident keeps the ids of its updates: their permalinks
// (#update-<id>) and feed guids must not change when the NMS appends or corrects.
import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { incidentUpdateImpacts, incidentUpdates } from '#db/schema.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { importHistory } from '#src/history-import/write.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';

const now = new Date('2026-11-25T12:00:00Z');
const incident = (updates: NonNullable<ImportInput['incidents']>[number]['updates']): ImportInput => ({
  incidents: [{ id: 'nms-77', title: 'Storing 3CX', category: 2, reportedAt: '2026-11-25T10:00:00+01:00', updates }],
});
const first = { at: '2026-11-25T10:05:00+01:00', status: 'investigating' as const, message: 'We onderzoeken het.', impacts: { '3cx': 'major_outage' as const } };
const second = { at: '2026-11-25T10:45:00+01:00', status: 'identified' as const, message: 'Oorzaak gevonden.', impacts: { '3cx': 'partial_outage' as const } };

describe.each(drivers)('re-importing an incident on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it('keeps update ids when an update is appended, corrected or removed', async () => {
    database = await seededDatabase(driver, { catalogueAt: new Date('2026-01-01T00:00:00Z') });
    const { db } = database.handle;
    const ids = async () => (await db.select().from(incidentUpdates).orderBy(asc(incidentUpdates.publishedAt))).map((u) => [u.id, u.message]);

    expect((await importHistory(db, incident([first]), { now })).ok).toBe(true);
    const [[firstId]] = (await ids()) as [[number, string]];

    // Appended: the first update keeps its id.
    const appended = await importHistory(db, incident([first, second]), { now });
    expect(appended.ok && appended.summary.changed).toBe(1);
    const afterAppend = await ids();
    expect(afterAppend[0]).toEqual([firstId, 'We onderzoeken het.']);
    const secondId = afterAppend[1]![0] as number;

    // Corrected in place: both ids stay, the text and the impact change.
    const corrected = { ...second, message: 'Oorzaak gevonden: een defecte SBC.', impacts: { '3cx': 'degraded_performance' as const } };
    await importHistory(db, incident([first, corrected]), { now });
    expect(await ids()).toEqual([
      [firstId, 'We onderzoeken het.'],
      [secondId, 'Oorzaak gevonden: een defecte SBC.'],
    ]);
    const impacts = await db.select().from(incidentUpdateImpacts).where(eq(incidentUpdateImpacts.updateId, secondId));
    expect(impacts.map((i) => i.impact)).toEqual(['degraded_performance']);

    // Removed at the end: the first keeps its id, the second is gone with its impacts.
    await importHistory(db, incident([first]), { now });
    expect(await ids()).toEqual([[firstId, 'We onderzoeken het.']]);
    expect(await db.select().from(incidentUpdateImpacts).where(eq(incidentUpdateImpacts.updateId, secondId))).toEqual([]);
  });
});
