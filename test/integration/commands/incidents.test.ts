// The incident commands as the NOC uses them: open, post updates (impacts as a delta),
// resolve, edit, correct a published update; versions, concurrent writers, audit rows and
// the data version. Every expected value is worked out by hand in the comments.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { readDataVersion } from '#src/commands/data-version.ts';
import { correctIncidentUpdate } from '#src/incidents/commands/correct-update.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { editIncident } from '#src/incidents/commands/edit.ts';
import { postIncidentUpdate } from '#src/incidents/commands/post-update.ts';
import { incidentResource } from '#src/incidents/resource.ts';
import { drivers, type TestDatabase } from '../../support/databases.ts';
import { auditRows, context, databaseWithProducts, refusal, refusedWithoutWriting, trail, userActor, type UserActor } from '../../support/commands.ts';

const SITE = 'https://status.example.nl';
/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = new Date('2026-03-10T10:00:00Z');
const minutes = (n: number) => new Date(+T0 + n * 60_000);

const opening = { title: 'Storing VOIPNOW', titleEn: 'VOIPNOW outage', category: 2, message: 'We onderzoeken het.', impacts: { voipnow: 'major_outage' } };

describe.each(drivers)('incident commands on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  const as = (now: Date) => context(db, noc, now);
  const resource = async (id: number) => (await incidentResource(db, id, SITE))!;

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['incidents'] });
  });
  afterEach(() => database?.drop());

  it('opens an incident reported now, investigating, with its first update published now', async () => {
    const { id } = await createIncident(as(T0), opening);
    const incident = await resource(id);
    expect(incident).toMatchObject({ id, version: 1, url: `${SITE}/incidents/${id}`, title: 'Storing VOIPNOW', category: 2, status: 'investigating', reportedAt: T0, resolvedAt: null });
    expect(incident.impacts).toEqual({ voipnow: 'major_outage' });
    expect(incident.updates).toEqual([{ id: expect.any(Number), at: T0, status: 'investigating', message: 'We onderzoeken het.', messageEn: null, impacts: { voipnow: 'major_outage' }, editedAt: null }]);
  });

  it('takes an earlier reportedAt for a late report; the first update still goes out now', async () => {
    // 09:15 CET is 08:15 UTC, 1 h 45 min before now.
    const { id } = await createIncident(as(T0), { ...opening, reportedAt: '2026-03-10T09:15:00+01:00' });
    const incident = await resource(id);
    expect(incident.reportedAt).toEqual(new Date('2026-03-10T08:15:00Z'));
    expect(incident.updates.map((u) => u.at)).toEqual([T0]);
  });

  it('refuses a future report, an unknown product, no product and a missing scope, writing nothing', async () => {
    // 11:01 CET is one minute after now.
    const future = await refusedWithoutWriting(db, () => createIncident(as(T0), { ...opening, reportedAt: '2026-03-10T11:01:00+01:00' }));
    expect(future).toMatchObject({ code: 'rule_broken', fields: [{ path: 'reportedAt' }] });

    const unknown = await refusedWithoutWriting(db, () => createIncident(as(T0), { ...opening, impacts: { voipnow: 'major_outage', voipnowx: 'partial_outage' } }));
    expect(unknown).toMatchObject({ code: 'invalid', fields: [{ path: 'impacts.voipnowx' }] });
    expect(unknown.fields).toHaveLength(1);

    const none = await refusedWithoutWriting(db, () => createIncident(as(T0), { ...opening, impacts: {} }));
    expect(none).toMatchObject({ code: 'invalid', fields: [{ path: 'impacts' }] });

    const resolved = await refusedWithoutWriting(db, () => createIncident(as(T0), { ...opening, status: 'resolved' }));
    expect(resolved).toMatchObject({ code: 'invalid', fields: [{ path: 'status' }] });

    const maintenanceToken = { ...noc, token: { ...noc.token!, scopes: ['maintenance' as const] } };
    const forbidden = await refusedWithoutWriting(db, () => createIncident(context(db, maintenanceToken, T0), opening));
    expect(forbidden.code).toBe('forbidden');
  });

  it('applies an update\'s impacts as a delta, ends them all at the resolution, and accepts nothing after it', async () => {
    const { id } = await createIncident(as(T0), opening);
    await postIncidentUpdate(as(minutes(10)), { id }, { status: 'identified', message: 'Ook 3CX.', impacts: { '3cx': 'partial_outage' } });
    expect((await resource(id)).impacts).toEqual({ voipnow: 'major_outage', '3cx': 'partial_outage' });

    await postIncidentUpdate(as(minutes(20)), { id }, { status: 'monitoring', message: 'VOIPNOW herstelt.', impacts: { voipnow: 'degraded_performance' } });
    expect((await resource(id)).impacts).toEqual({ voipnow: 'degraded_performance', '3cx': 'partial_outage' });

    await postIncidentUpdate(as(minutes(30)), { id }, { status: 'resolved', message: 'Opgelost.' });
    const resolved = await resource(id);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: minutes(30), version: 4 });
    expect(resolved.impacts).toEqual({ voipnow: 'operational', '3cx': 'operational' });
    expect(resolved.updates.map((u) => [u.status, u.at])).toEqual([
      ['resolved', minutes(30)],
      ['monitoring', minutes(20)],
      ['identified', minutes(10)],
      ['investigating', T0],
    ]);

    const after = await refusedWithoutWriting(db, () => postIncidentUpdate(as(minutes(40)), { id }, { status: 'monitoring', message: 'Toch niet.', impacts: { voipnow: 'major_outage' } }));
    expect(after.code).toBe('conflict');
  });

  it('refuses an update dated in the future or before the previous one, and an unknown incident', async () => {
    const { id } = await createIncident(as(T0), opening);
    const future = await refusedWithoutWriting(db, () => postIncidentUpdate(as(minutes(10)), { id }, { status: 'identified', message: 'x', at: minutes(11).toISOString() }));
    expect(future).toMatchObject({ code: 'rule_broken', fields: [{ path: 'at' }] });
    // The first update went out at T0; one minute earlier is before it.
    const early = await refusedWithoutWriting(db, () => postIncidentUpdate(as(minutes(10)), { id }, { status: 'identified', message: 'x', at: minutes(-1).toISOString() }));
    expect(early).toMatchObject({ code: 'rule_broken', fields: [{ path: 'at' }] });
    const unknown = await refusedWithoutWriting(db, () => postIncidentUpdate(as(minutes(10)), { id: id + 1 }, { status: 'identified', message: 'x' }));
    expect(unknown.code).toBe('not_found');
    const unknownProduct = await refusedWithoutWriting(db, () => postIncidentUpdate(as(minutes(10)), { id }, { status: 'identified', message: 'x', impacts: { '4cx': 'major_outage' } }));
    expect(unknownProduct).toMatchObject({ code: 'invalid', fields: [{ path: 'impacts.4cx' }] });
  });

  it('raises the version by one per write and refuses a stale expectedVersion without writing', async () => {
    const { id } = await createIncident(as(T0), opening);
    expect((await resource(id)).version).toBe(1);
    await postIncidentUpdate(as(minutes(5)), { id, expectedVersion: 1 }, { status: 'identified', message: 'Oorzaak gevonden.' });
    expect((await resource(id)).version).toBe(2);
    await editIncident(as(minutes(6)), { id, expectedVersion: 2 }, { category: 1 });
    expect((await resource(id)).version).toBe(3);

    // Someone else saw version 2; the incident is at 3 now.
    const update = await refusedWithoutWriting(db, () => postIncidentUpdate(as(minutes(7)), { id, expectedVersion: 2 }, { status: 'monitoring', message: 'x' }));
    expect(update.code).toBe('stale');
    const edit = await refusedWithoutWriting(db, () => editIncident(as(minutes(7)), { id, expectedVersion: 1 }, { title: 'x' }));
    expect(edit.code).toBe('stale');
    const updateId = (await resource(id)).updates[0]!.id;
    const correct = await refusedWithoutWriting(db, () => correctIncidentUpdate(as(minutes(7)), { id, updateId, expectedVersion: 2 }, { message: 'x' }));
    expect(correct.code).toBe('stale');
    expect((await resource(id)).version).toBe(3);
  });

  it('edits the title and category, and removes the English title with null', async () => {
    const { id } = await createIncident(as(T0), opening);
    await editIncident(as(minutes(5)), { id }, { title: 'Storing VOIPNOW en 3CX', category: 1 });
    expect(await resource(id)).toMatchObject({ title: 'Storing VOIPNOW en 3CX', titleEn: 'VOIPNOW outage', category: 1, status: 'investigating', version: 2 });
    await editIncident(as(minutes(6)), { id }, { titleEn: null });
    expect((await resource(id)).titleEn).toBeNull();
    const [, first, second] = await auditRows(db);
    expect(first!.before).toMatchObject({ title: 'Storing VOIPNOW', category: 2 });
    expect(first!.after).toMatchObject({ title: 'Storing VOIPNOW en 3CX', category: 1 });
    expect(second!.after).toMatchObject({ titleEn: null });
    const nothing = await refusedWithoutWriting(db, () => editIncident(as(minutes(7)), { id }, {}));
    expect(nothing.code).toBe('invalid');
    const category = await refusedWithoutWriting(db, () => editIncident(as(minutes(7)), { id }, { category: 3 }));
    expect(category).toMatchObject({ code: 'invalid', fields: [{ path: 'category' }] });
  });

  it('corrects an update\'s text and time, marks it edited, keeps the old text in the audit and the thread in order', async () => {
    // Reported 11:00 CET (10:00Z); first update 11:00 CET is T0 + 60 min; then +80 and +100 (resolved).
    const { id } = await createIncident(as(minutes(60)), { ...opening, reportedAt: T0.toISOString() });
    await postIncidentUpdate(as(minutes(80)), { id }, { status: 'identified', message: 'Oorzaak gevonden.' });
    await postIncidentUpdate(as(minutes(100)), { id }, { status: 'resolved', message: 'Opgelost.' });
    const [third, second, first] = (await resource(id)).updates;
    const now = minutes(120);

    await correctIncidentUpdate(as(now), { id, updateId: second!.id }, { message: 'Oorzaak gevonden: een defecte switch.' });
    const updates = (await resource(id)).updates;
    expect(updates[1]).toMatchObject({ id: second!.id, message: 'Oorzaak gevonden: een defecte switch.', at: minutes(80), editedAt: now });
    expect(updates[0]!.editedAt).toBeNull();
    const audit = (await auditRows(db)).at(-1)!;
    expect(audit.action).toBe('incident.correct-update');
    expect(audit.before).toMatchObject({ update: { id: second!.id, message: 'Oorzaak gevonden.' } });
    expect(audit.after).toMatchObject({ update: { id: second!.id, message: 'Oorzaak gevonden: een defecte switch.' } });

    // Between its neighbours (60 and 100) is fine; the resolution's new time becomes resolvedAt.
    await correctIncidentUpdate(as(now), { id, updateId: second!.id }, { at: minutes(70).toISOString() });
    await correctIncidentUpdate(as(now), { id, updateId: third!.id }, { at: minutes(95).toISOString() });
    const corrected = await resource(id);
    expect(corrected.updates.map((u) => u.at)).toEqual([minutes(95), minutes(70), minutes(60)]);
    expect(corrected).toMatchObject({ status: 'resolved', resolvedAt: minutes(95), version: 6 });

    const refuse = async (updateId: number, at: Date, says: string) => {
      const error = await refusedWithoutWriting(db, () => correctIncidentUpdate(as(now), { id, updateId }, { at: at.toISOString() }));
      expect(error).toMatchObject({ code: 'rule_broken', fields: [{ path: 'at' }] });
      expect(error.message).toContain(says);
    };
    await refuse(second!.id, minutes(59), 'previous update'); // before the first update (60)
    await refuse(second!.id, minutes(96), 'next update'); // after the resolution (95)
    await refuse(first!.id, minutes(-1), 'report'); // before the report (0)
    await refuse(third!.id, minutes(121), 'future'); // now is 120
    const missing = await refusedWithoutWriting(db, () => correctIncidentUpdate(as(now), { id, updateId: third!.id + 1 }, { message: 'x' }));
    expect(missing.code).toBe('not_found');
  });

  it('stores all of 20 parallel updates to one incident: none lost, version 21', async () => {
    const { id } = await createIncident(as(T0), opening);
    const messages = Array.from({ length: 20 }, (_, n) => `Update ${n + 1}`);
    await Promise.all(messages.map((message) => postIncidentUpdate(as(minutes(5)), { id }, { status: 'identified', message })));
    const incident = await resource(id);
    expect(incident.version).toBe(21);
    expect(incident.updates).toHaveLength(21);
    expect(incident.updates.slice(0, 20).map((u) => u.message).sort()).toEqual([...messages].sort());
    expect((await auditRows(db)).map((r) => r.after)).toEqual(
      expect.arrayContaining(Array.from({ length: 20 }, (_, n) => expect.objectContaining({ version: n + 2 }))),
    );
    expect((await readDataVersion(db)).version).toBe(21);
  });

  it('leaves exactly one audit row per write, by the user and token, and bumps the data version by one', async () => {
    expect((await readDataVersion(db)).version).toBe(0);
    const expectOneRow = async (before: number, action: string, at: Date, entityId: number) => {
      const { rows, version } = await trail(db, before);
      expect(rows).toEqual([
        expect.objectContaining({ userId: noc.userId, actor: `user:${noc.userId}`, tokenPrefix: 'vzs_test0001', action, entityType: 'incident', entityId: String(entityId), at }),
      ]);
      expect(version).toBe(before + 1);
      expect((await readDataVersion(db)).changedAt).toEqual(at);
    };
    const { id } = await createIncident(as(T0), opening);
    await expectOneRow(0, 'incident.create', T0, id);
    const { updateId } = await postIncidentUpdate(as(minutes(10)), { id }, { status: 'identified', message: 'Oorzaak.' });
    await expectOneRow(1, 'incident.update', minutes(10), id);
    await editIncident(as(minutes(11)), { id }, { title: 'Storing VOIPNOW (SBC)' });
    await expectOneRow(2, 'incident.edit', minutes(11), id);
    await correctIncidentUpdate(as(minutes(12)), { id, updateId }, { messageEn: 'Cause found.' });
    await expectOneRow(3, 'incident.correct-update', minutes(12), id);
    await postIncidentUpdate(as(minutes(20)), { id }, { status: 'resolved', message: 'Opgelost.' });
    await expectOneRow(4, 'incident.resolve', minutes(20), id);
    // A refused write leaves no row and no bump.
    await refusal(postIncidentUpdate(as(minutes(21)), { id }, { status: 'monitoring', message: 'x' }));
    expect(await trail(db, 5)).toMatchObject({ rows: [], version: 5 });
  });
});
