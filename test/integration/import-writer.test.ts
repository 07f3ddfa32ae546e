// The import as a writer like any other: it names the rows the API created by their
// external id, moves their versions (so an If-Match from before the import is stale, the
// API's 412), writes the audit rows the API writes (one per entity, same columns, same
// before/after), bumps the data version once, and tells subscribers nothing unless asked.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { incidents, notificationEvents } from '#db/schema.ts';
import { readDataVersion } from '#src/commands/data-version.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { editIncident } from '#src/incidents/commands/edit.ts';
import { incidentAudit } from '#src/incidents/commands/thread.ts';
import { cancelMaintenance } from '#src/maintenance/commands/cancel.ts';
import { scheduleMaintenance } from '#src/maintenance/commands/schedule.ts';
import { correctOutage, recordOutage } from '#src/outages/commands.ts';
import { importHistory, type ImportOptions } from '#src/history-import/write.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { auditRows, context, databaseWithProducts, refusal, refusedWithoutWriting, trail, userActor, type UserActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { dumpTables } from '../support/table-dump.ts';

/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = new Date('2026-03-10T10:00:00Z');
const later = (minutes: number) => new Date(+T0 + minutes * 60_000);

describe.each(drivers)('the import as a writer on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  const imported = async (doc: ImportInput, options: Partial<ImportOptions> = {}) => {
    const result = await importHistory(db, doc, { now: later(60), ...options });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.summary;
  };

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['incidents', 'maintenance', 'outages', 'kpis'] });
  });
  afterEach(() => database?.drop());

  it('updates the rows the API created under the same external ids, moving their versions so an older If-Match is stale', async () => {
    const as = context(db, noc, T0);
    const incident = await createIncident(as, { title: 'Storing 3CX', category: 2, message: 'We onderzoeken het.', impacts: { '3cx': 'major_outage' }, externalId: 'NMS-77' });
    const maintenance = await scheduleMaintenance(as, {
      type: 'emergency',
      title: 'Spoedonderhoud voizplus',
      products: ['voizplus'],
      start: '2026-03-10T12:00:00+01:00',
      end: '2026-03-10T13:00:00+01:00',
      externalId: 'CHG-1234',
    });
    const outage = await recordOutage(context(db, noc, T0), { product: 'voipnow', start: '2026-03-10T10:30:00+01:00', impact: 'major_outage', externalId: 'nms-4711' });
    const versionsBefore = await trail(db);

    // The NMS sends the thread with a second update, the change system the window an hour
    // later, the monitoring the outage's end: each names the row the API created.
    const summary = await imported({
      incidents: [
        {
          id: 'NMS-77',
          title: 'Storing 3CX',
          category: 2,
          reportedAt: T0.toISOString(),
          updates: [
            { at: T0.toISOString(), status: 'investigating', message: 'We onderzoeken het.', impacts: { '3cx': 'major_outage' } },
            { at: later(20).toISOString(), status: 'identified', message: 'Oorzaak gevonden.', impacts: { '3cx': 'partial_outage' } },
          ],
        },
      ],
      maintenances: [
        { id: 'CHG-1234', type: 'emergency', title: 'Spoedonderhoud voizplus', products: ['voizplus'], announcedAt: T0.toISOString(), start: '2026-03-10T13:00:00+01:00', end: '2026-03-10T14:00:00+01:00' },
      ],
      outages: [{ id: 'nms-4711', product: 'voipnow', start: '2026-03-10T10:30:00+01:00', end: '2026-03-10T10:50:00+01:00', impact: 'major_outage', source: 'nms' }],
    });
    expect(summary.changed).toBe(3);
    expect(await db.select({ id: incidents.id }).from(incidents)).toEqual([{ id: incident.id }]);

    // Each moved from version 1 to 2; a client still holding ETag 1 is refused (412 in the API).
    const stale = await refusedWithoutWriting(db, () => editIncident(context(db, noc, later(61)), { id: incident.id, expectedVersion: 1 }, { title: 'Storing 3CX (oud)' }));
    expect(stale).toMatchObject({ code: 'stale', message: `incident ${incident.id} was changed by someone else (version 2, you sent 1): reload and try again` });
    expect(await refusal(cancelMaintenance(context(db, noc, later(61)), { id: maintenance.id, expectedVersion: 1 }, { reason: 'x' }))).toMatchObject({ code: 'stale' });
    expect(await refusal(correctOutage(context(db, noc, later(61)), { id: outage.id, expectedVersion: 1 }, { note: 'x' }))).toMatchObject({ code: 'stale' });
    // With the new version the API writes again.
    await editIncident(context(db, noc, later(61)), { id: incident.id, expectedVersion: 2 }, { title: 'Storing 3CX-platform' });

    // One data version for the whole import, and one audit row per entity it changed.
    const after = await trail(db, versionsBefore.rows.length);
    expect(after.version).toBe(versionsBefore.version + 2);
    expect(after.actions).toEqual(['outage.import', 'maintenance.import', 'incident.import', 'incident.edit']);
  });

  it('writes the audit rows the API writes: who, the entity by its row id, before and after in the same shape', async () => {
    const as = context(db, noc, T0);
    await createIncident(as, { title: 'Storing 3CX', category: 2, message: 'We onderzoeken het.', impacts: { '3cx': 'major_outage' }, externalId: 'NMS-78' });
    await imported(
      {
        incidents: [
          {
            id: 'NMS-78',
            title: 'Storing 3CX',
            category: 1,
            reportedAt: T0.toISOString(),
            updates: [{ at: T0.toISOString(), status: 'investigating', message: 'We onderzoeken het.', impacts: { '3cx': 'major_outage' } }],
          },
        ],
      },
      { actor: noc },
    );
    const [api, fromImport] = await auditRows(db);
    const [row] = await db.select().from(incidents);
    // The same person, token and entity columns; the action says where it came from.
    for (const entry of [api!, fromImport!]) expect(entry).toMatchObject({ userId: noc.userId, actor: `user:${noc.userId}`, tokenPrefix: 'vzs_test0001', entityType: 'incident', entityId: String(row!.id) });
    expect([api!.action, fromImport!.action]).toEqual(['incident.create', 'incident.import']);
    const shape = (value: unknown) => Object.keys(value as object).sort();
    // The incident's columns as incidentAudit records them, with its updates (the import
    // lists every update with its impacts; the API's create has its one update).
    expect(shape(fromImport!.before)).toEqual(shape({ ...incidentAudit(row!), updates: [] }));
    expect(fromImport!.after).toMatchObject({ ...JSON.parse(JSON.stringify(incidentAudit(row!))), category: 1, version: 2 });
    expect(fromImport!.before).toMatchObject({ category: 2, version: 1 });
    expect((fromImport!.after as { updates: object[] }).updates).toEqual([{ ...(api!.after as { updates: object[] }).updates[0], impacts: { '3cx': 'major_outage' } }]);
  });

  it('refuses a token without the scope of every kind it writes, writing nothing', async () => {
    const narrow = await userActor(db, { email: 'nms@example.nl', scopes: ['outages'], prefix: 'vzs_test0002' });
    const result = importHistory(db, { outages: [{ id: 'o1', product: 'voipnow', start: T0.toISOString(), impact: 'major_outage' }] }, { now: later(1), actor: narrow });
    expect(await refusal(result)).toMatchObject({ code: 'forbidden', message: 'not allowed: the token lacks the scope "incidents"' });
  });

  it('refuses an external id another row of its kind holds, naming it (the API answers 409)', async () => {
    await imported({ outages: [{ id: 'nms-9', product: 'voipnow', start: T0.toISOString(), impact: 'major_outage' }] });
    const [row] = (await dumpTables(db)).outages!.map((r) => JSON.parse(r) as { id: number });
    const clash = await refusedWithoutWriting(db, () => recordOutage(context(db, noc, later(61)), { product: '3cx', start: T0.toISOString(), impact: 'major_outage', externalId: 'nms-9' }));
    expect(clash).toMatchObject({ code: 'conflict', message: `externalId "nms-9" is already outage ${row!.id}`, fields: [{ path: 'externalId' }] });
    // Unique per kind: an incident may carry the same number.
    const opening = { title: 'Storing', category: 1, message: 'Onderzoek.', impacts: { voipnow: 'degraded_performance' } };
    await createIncident(context(db, noc, later(61)), { ...opening, externalId: 'nms-9' });
    // Two writers claiming one id at the same moment: one wins, the other meets the unique
    // index and gets the same conflict, not a database error.
    const race = await Promise.allSettled([1, 2].map(() => createIncident(context(db, noc, later(62)), { ...opening, externalId: 'RACE-1' })));
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'conflict', fields: [{ path: 'externalId' }] });
  });

  it('tells subscribers nothing by default; with notify what is still news, once', async () => {
    const doc: ImportInput = {
      incidents: [
        // History: resolved long ago, never told.
        { id: 'old', title: 'Oud', category: 1, reportedAt: '2019-05-01T10:00:00+02:00', updates: [{ at: '2019-05-01T10:05:00+02:00', status: 'resolved', message: 'Opgelost.' }] },
        { id: 'open', title: 'Open', category: 2, reportedAt: later(10).toISOString(), updates: [{ at: later(10).toISOString(), status: 'investigating', message: 'Onderzoek.', impacts: { voipnow: 'major_outage' } }] },
      ],
      maintenances: [
        { id: 'ahead', type: 'necessary', title: 'Gepland', products: ['3cx'], announcedAt: later(30).toISOString(), start: '2026-03-12T19:00:00+01:00', end: '2026-03-12T20:00:00+01:00' },
        { id: 'past', type: 'necessary', title: 'Voorbij', products: ['3cx'], announcedAt: '2026-02-01T10:00:00+01:00', start: '2026-02-03T19:00:00+01:00', end: '2026-02-03T20:00:00+01:00', completed: true },
      ],
    };
    const events = async () => (await db.select({ kind: notificationEvents.kind }).from(notificationEvents)).map((e) => e.kind).sort();
    await imported(doc);
    expect(await events()).toEqual([]);

    // A second database would tell the same; here the open incident gets an update and the
    // maintenance moves, each told as the API's post-update and reschedule would tell it.
    const moved = structuredClone(doc);
    moved.incidents![1]!.updates.push({ at: later(50).toISOString(), status: 'resolved', message: 'Opgelost.' });
    moved.maintenances![0]!.start = '2026-03-13T19:00:00+01:00';
    moved.maintenances![0]!.end = '2026-03-13T20:00:00+01:00';
    await imported(moved, { notify: true });
    // VOIPNOW turns operational again: webhooks hear that as well.
    expect(await events()).toEqual(['component.updated', 'incident.resolved', 'maintenance.rescheduled']);
    const [resolved] = await db.select().from(incidents).where(eq(incidents.externalId, 'open'));
    expect(resolved).toMatchObject({ status: 'resolved', version: 2 });

    // Imported again with notify: nothing changed, nothing told, nothing written.
    const before = await dumpTables(db);
    const again = await imported(moved, { notify: true });
    expect(again.changed).toBe(0);
    expect(await dumpTables(db)).toEqual(before);
    expect((await readDataVersion(db)).version).toBe(2);
  });

  it('with notify tells a new open incident and an announced window ahead, not history', async () => {
    await imported(
      {
        incidents: [
          { id: 'old', title: 'Oud', category: 1, reportedAt: '2019-05-01T10:00:00+02:00', updates: [{ at: '2019-05-01T10:05:00+02:00', status: 'resolved', message: 'Opgelost.' }] },
          { id: 'open', title: 'Open', category: 2, reportedAt: later(10).toISOString(), updates: [{ at: later(10).toISOString(), status: 'investigating', message: 'Onderzoek.', impacts: { voipnow: 'major_outage' } }] },
        ],
        maintenances: [
          { id: 'ahead', type: 'necessary', title: 'Gepland', products: ['3cx'], announcedAt: later(30).toISOString(), start: '2026-03-12T19:00:00+01:00', end: '2026-03-12T20:00:00+01:00' },
          { id: 'past', type: 'necessary', title: 'Voorbij', products: ['3cx'], announcedAt: '2026-02-01T10:00:00+01:00', start: '2026-02-03T19:00:00+01:00', end: '2026-02-03T20:00:00+01:00' },
        ],
      },
      { notify: true },
    );
    const kinds = (await db.select({ kind: notificationEvents.kind }).from(notificationEvents)).map((e) => e.kind).sort();
    // The open incident turns VOIPNOW's status to major outage: webhooks hear that as well.
    expect(kinds).toEqual(['component.updated', 'incident.opened', 'maintenance.announced']);
  });
});
