// The maintenance commands and the SLA rules they enforce (docs/sla.md#maintenance, all times
// Europe/Amsterdam): regular Friday 20:00 – Saturday 03:00 with 14 days' notice, necessary
// 19:00 – 23:00 with 24 hours, emergency announced no later than 1 hour after the start.
// Windows are written with the Amsterdam offset of that date (+01:00 CET, +02:00 CEST);
// 2026's clocks go forward on 29 March and back on Sunday 25 October (03:00 CEST → 02:00 CET).
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { maintenanceRevisions } from '#db/schema.ts';
import { cancelMaintenance } from '#src/maintenance/commands/cancel.ts';
import { completeMaintenance } from '#src/maintenance/commands/complete.ts';
import { editMaintenance } from '#src/maintenance/commands/edit.ts';
import { scheduleMaintenance } from '#src/maintenance/commands/schedule.ts';
import { maintenanceResource } from '#src/maintenance/resource.ts';
import { drivers, type TestDatabase } from '../../support/databases.ts';
import { context, databaseWithProducts, refusedWithoutWriting, trail, userActor, type UserActor } from '../../support/commands.ts';

const SITE = 'https://status.example.nl';
/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = '2026-03-10T10:00:00Z';

const window = (type: string, start: string, end: string, extra: Record<string, unknown> = {}) => ({
  type,
  title: 'Onderhoud SBC',
  titleEn: 'SBC maintenance',
  products: ['voipnow', '3cx'],
  start,
  end,
  ...extra,
});
/** Friday 20 March 2026 20:00 CET (19:00Z) to Saturday 03:00 CET (02:00Z). */
const MARCH = window('regular', '2026-03-20T20:00:00+01:00', '2026-03-21T03:00:00+01:00');

describe.each(drivers)('maintenance commands on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  const as = (now: string | Date) => context(db, noc, now);
  const resource = async (id: number, now: string | Date = T0) => (await maintenanceResource(db, id, SITE, new Date(now)))!;
  const revisions = (id: number) => db.select().from(maintenanceRevisions).where(eq(maintenanceRevisions.maintenanceId, id)).orderBy(asc(maintenanceRevisions.revision));
  /** The rules a refused schedule names, with their fields. */
  const broken = async (now: string, input: object) => {
    const error = await refusedWithoutWriting(db, () => scheduleMaintenance(as(now), input));
    expect(error.code).toBe('rule_broken');
    return error.fields.map((f) => ({ path: f.path, rule: f.rule }));
  };

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['maintenance'] });
  });
  afterEach(() => database?.drop());

  it('schedules a regular window Friday 20:00 – Saturday 03:00 in March with exactly 14 days of notice', async () => {
    // 14 × 24 h before Friday 20 March 19:00Z is Friday 6 March 19:00Z (20:00 CET).
    const { id } = await scheduleMaintenance(as('2026-03-06T19:00:00Z'), MARCH);
    expect(await resource(id, '2026-03-06T19:00:00Z')).toMatchObject({
      id, version: 1, revision: 1, type: 'regular', state: 'scheduled', products: ['voipnow', '3cx'], expectedImpact: 'major_outage',
      announcedAt: new Date('2026-03-06T19:00:00Z'), start: new Date('2026-03-20T19:00:00Z'), end: new Date('2026-03-21T02:00:00Z'), overrideReason: null, breaches: [],
    });
    expect((await revisions(id)).map((r) => [r.revision, r.change, r.state])).toEqual([[1, 'announced', 'scheduled']]);
    expect(await trail(db)).toMatchObject({ actions: ['maintenance.schedule'], version: 1, rows: [{ actor: `user:${noc.userId}`, tokenPrefix: 'vzs_test0001' }] });
  });

  it('refuses a regular window announced 13 days (or 14 days less 1 ms) ahead: notice_too_short on start', async () => {
    expect(await broken('2026-03-07T19:00:00Z', MARCH)).toEqual([{ path: 'start', rule: 'notice_too_short' }]);
    expect(await broken('2026-03-06T19:00:00.001Z', MARCH)).toEqual([{ path: 'start', rule: 'notice_too_short' }]);
  });

  it('reads the regular slot in CEST before the October DST change and refuses a window ending Sunday 25 October', async () => {
    // Friday 23 October 20:00 CEST is 18:00Z; Saturday 03:00 CEST is 01:00Z.
    const { id } = await scheduleMaintenance(as(T0), window('regular', '2026-10-23T18:00:00Z', '2026-10-24T01:00:00Z'));
    expect((await resource(id)).breaches).toEqual([]);
    // 17:30Z is 19:30 CEST (before the slot); 02:00Z on Saturday is 04:00 CEST (after it).
    // A reading in CET (+01:00) would accept the first and refuse nothing in the second.
    expect(await broken(T0, window('regular', '2026-10-23T17:30:00Z', '2026-10-24T01:00:00Z'))).toEqual([{ path: 'start', rule: 'outside_allowed_window' }]);
    expect(await broken(T0, window('regular', '2026-10-23T18:00:00Z', '2026-10-24T02:00:00Z'))).toEqual([{ path: 'start', rule: 'outside_allowed_window' }]);
    // Saturday 24 October 20:00 CEST (18:00Z) to Sunday 03:00 CET (02:00Z), the night the clocks go back: Saturday is no slot day.
    expect(await broken(T0, window('regular', '2026-10-24T20:00:00+02:00', '2026-10-25T03:00:00+01:00'))).toEqual([{ path: 'start', rule: 'outside_allowed_window' }]);
    // The Friday after the change runs in CET: 30 October 20:00 CET is 19:00Z, Saturday 03:00 CET is 02:00Z.
    await scheduleMaintenance(as(T0), window('regular', '2026-10-30T19:00:00Z', '2026-10-31T02:00:00Z'));
    expect(await broken(T0, window('regular', '2026-10-30T18:00:00Z', '2026-10-31T02:00:00Z'))).toEqual([{ path: 'start', rule: 'outside_allowed_window' }]);
  });

  it('names every broken rule, and with an overrideReason stores it and keeps the breaches visible', async () => {
    // Thursday 26 March 20:00 CET → Friday 03:00, announced 16 days 9 hours ahead: only the slot is wrong.
    const thursday = window('regular', '2026-03-26T20:00:00+01:00', '2026-03-27T03:00:00+01:00');
    expect(await broken(T0, thursday)).toEqual([{ path: 'start', rule: 'outside_allowed_window' }]);
    // Thursday 19 March 20:00 CET (19:00Z) is 9 days 9 hours after T0: both rules.
    const both = window('regular', '2026-03-19T20:00:00+01:00', '2026-03-20T03:00:00+01:00');
    const error = await refusedWithoutWriting(db, () => scheduleMaintenance(as(T0), both));
    expect(error.fields.map((f) => f.rule)).toEqual(['notice_too_short', 'outside_allowed_window']);
    expect(error.fields[0]!.message).toBe('Regular maintenance must be announced at least 14 days ahead; this one was announced 9 days 9 hours ahead.');

    const { id } = await scheduleMaintenance(as(T0), { ...both, overrideReason: 'Leverancier kan alleen donderdag' });
    const stored = await resource(id);
    expect(stored.overrideReason).toBe('Leverancier kan alleen donderdag');
    expect(stored.breaches.map((b) => b.rule)).toEqual(['notice_too_short', 'outside_allowed_window']);
  });

  it('lets an overridden breach stand when only the end moves, but wants a new reason for a new breach', async () => {
    // Friday 20 March 20:00 CET, announced at T0: 10 days 9 hours ahead, overridden.
    const short = window('regular', '2026-03-20T20:00:00+01:00', '2026-03-21T01:00:00+01:00', { overrideReason: 'Beveiligingslek' });
    const { id } = await scheduleMaintenance(as(T0), short);
    // Until 02:00: the same notice breach, already accepted, and still inside the slot.
    await editMaintenance(as('2026-03-12T10:00:00Z'), { id }, { end: '2026-03-21T02:00:00+01:00' });
    expect(await resource(id)).toMatchObject({ version: 2, announcedAt: new Date(T0), overrideReason: 'Beveiligingslek' });
    // Until 04:00 breaks the slot too: a breach the reason did not cover.
    const wider = await refusedWithoutWriting(db, () => editMaintenance(as('2026-03-12T10:00:00Z'), { id }, { end: '2026-03-21T04:00:00+01:00' }));
    expect(wider.fields).toEqual([expect.objectContaining({ path: 'start', rule: 'outside_allowed_window' })]);
    await editMaintenance(as('2026-03-12T10:00:00Z'), { id }, { end: '2026-03-21T04:00:00+01:00', overrideReason: 'Beveiligingslek; migratie duurt langer' });
    expect((await resource(id)).breaches.map((b) => b.rule)).toEqual(['notice_too_short', 'outside_allowed_window']);
  });

  it('holds necessary maintenance to 19:00 – 23:00 with 24 hours of notice', async () => {
    // Wednesday 11 March 19:00 CET is 18:00Z.
    const wednesday = window('necessary', '2026-03-11T19:00:00+01:00', '2026-03-11T23:00:00+01:00');
    expect(await broken('2026-03-10T19:00:00Z', wednesday)).toEqual([{ path: 'start', rule: 'notice_too_short' }]); // 23 h
    await scheduleMaintenance(as('2026-03-10T18:00:00Z'), wednesday); // exactly 24 h
    await scheduleMaintenance(as('2026-03-10T17:00:00Z'), wednesday); // 25 h
    expect(await broken(T0, { ...wednesday, start: '2026-03-11T18:30:00+01:00' })).toEqual([{ path: 'start', rule: 'outside_allowed_window' }]);
    expect(await broken(T0, { ...wednesday, end: '2026-03-11T23:01:00+01:00' })).toEqual([{ path: 'start', rule: 'outside_allowed_window' }]);
    // In summer the slot is in CEST: 19:00 – 23:00 CEST on 10 June is 17:00Z – 21:00Z; 18:00Z – 22:00Z ends at 00:00 CEST.
    await scheduleMaintenance(as(T0), window('necessary', '2026-06-10T17:00:00Z', '2026-06-10T21:00:00Z'));
    expect(await broken(T0, window('necessary', '2026-06-10T18:00:00Z', '2026-06-10T22:00:00Z'))).toEqual([{ path: 'start', rule: 'outside_allowed_window' }]);
  });

  it('lets emergency maintenance be announced up to 1 hour after its start, at any hour', async () => {
    await scheduleMaintenance(as(T0), window('emergency', '2026-03-10T09:30:00Z', '2026-03-10T11:00:00Z')); // 30 min after the start
    await scheduleMaintenance(as(T0), window('emergency', '2026-03-10T09:00:00Z', '2026-03-10T11:00:00Z')); // exactly 1 h after
    await scheduleMaintenance(as(T0), window('emergency', '2026-03-11T02:00:00Z', '2026-03-11T04:00:00Z')); // 03:00 CET on a Wednesday
    const late = await refusedWithoutWriting(db, () => scheduleMaintenance(as(T0), window('emergency', '2026-03-10T08:00:00Z', '2026-03-10T11:00:00Z')));
    expect(late.fields).toEqual([expect.objectContaining({ path: 'start', rule: 'announced_too_late' })]);
    expect(late.fields[0]!.message).toContain('2 hours after the start');
  });

  it('refuses an unknown product, an end before the start and a missing scope, writing nothing', async () => {
    const unknown = await refusedWithoutWriting(db, () => scheduleMaintenance(as(T0), { ...MARCH, type: 'emergency', products: ['voipnow', 'vopnow'] }));
    expect(unknown).toMatchObject({ code: 'invalid', fields: [{ path: 'products[1]' }] });
    const backwards = await refusedWithoutWriting(db, () => scheduleMaintenance(as(T0), window('emergency', '2026-03-10T12:00:00Z', '2026-03-10T11:00:00Z')));
    expect(backwards).toMatchObject({ code: 'invalid', fields: [{ path: 'end' }] });
    const incidentsOnly = { ...noc, token: { ...noc.token!, scopes: ['incidents' as const] } };
    const forbidden = await refusedWithoutWriting(db, () => scheduleMaintenance(context(db, incidentsOnly, T0), window('emergency', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00Z')));
    expect(forbidden.code).toBe('forbidden');
  });

  it('reschedules as a new revision announced now, re-checks the rules, and edits the title as an "edited" revision', async () => {
    // Friday 3 April 20:00 CEST (18:00Z) → Saturday 03:00 CEST (01:00Z), 24 days 8 hours after T0.
    const { id } = await scheduleMaintenance(as(T0), window('regular', '2026-04-03T20:00:00+02:00', '2026-04-04T03:00:00+02:00'));
    // On 11 March, moved to Friday 27 March 20:00 CET (19:00Z) → Saturday 03:00 CET: 16 days 10 hours of notice.
    const moved = '2026-03-11T09:00:00Z';
    await editMaintenance(as(moved), { id, expectedVersion: 1 }, { start: '2026-03-27T20:00:00+01:00', end: '2026-03-28T03:00:00+01:00' });
    expect(await resource(id, moved)).toMatchObject({
      version: 2, revision: 2, announcedAt: new Date(moved), start: new Date('2026-03-27T19:00:00Z'), end: new Date('2026-03-28T02:00:00Z'), breaches: [],
    });
    expect(await trail(db, 1)).toMatchObject({ actions: ['maintenance.reschedule'], version: 2 });

    // On 20 March, a new start is a new announcement: 27 March 20:00Z is then only 7 days 10 hours ahead.
    const tooLate = await refusedWithoutWriting(db, () => editMaintenance(as('2026-03-20T10:00:00Z'), { id }, { start: '2026-03-27T21:00:00+01:00' }));
    expect(tooLate.fields.map((f) => f.rule)).toEqual(['notice_too_short']);
    const stale = await refusedWithoutWriting(db, () => editMaintenance(as(moved), { id, expectedVersion: 1 }, { title: 'Oud' }));
    expect(stale.code).toBe('stale');

    await editMaintenance(as('2026-03-12T09:00:00Z'), { id, expectedVersion: 2 }, { title: 'Onderhoud SBC en proxy' });
    expect(await resource(id)).toMatchObject({ title: 'Onderhoud SBC en proxy', version: 3, revision: 3, announcedAt: new Date(moved) });
    expect((await revisions(id)).map((r) => [r.revision, r.change, r.windowStart.toISOString(), r.changedAt.toISOString()])).toEqual([
      [1, 'announced', '2026-04-03T18:00:00.000Z', '2026-03-10T10:00:00.000Z'],
      [2, 'rescheduled', '2026-03-27T19:00:00.000Z', moved.replace('Z', '.000Z')],
      [3, 'edited', '2026-03-27T19:00:00.000Z', '2026-03-12T09:00:00.000Z'],
    ]);
    expect(await trail(db, 2)).toMatchObject({ actions: ['maintenance.edit'], version: 3 });

    // Moving only the end (an overrun foreseen on 20 March) keeps the announcement of 11 March.
    await editMaintenance(as('2026-03-20T10:00:00Z'), { id, expectedVersion: 3 }, { end: '2026-03-28T02:30:00+01:00' });
    expect(await resource(id, '2026-03-20T10:00:00Z')).toMatchObject({ version: 4, revision: 4, announcedAt: new Date(moved), end: new Date('2026-03-28T01:30:00Z'), breaches: [] });
  });

  it('cancels with a reason once: a second cancel or an edit afterwards is a conflict', async () => {
    const { id } = await scheduleMaintenance(as(T0), window('regular', '2026-03-27T20:00:00+01:00', '2026-03-28T03:00:00+01:00'));
    await cancelMaintenance(as('2026-03-12T08:00:00Z'), { id }, { reason: 'Leverancier heeft de update uitgesteld' });
    expect(await resource(id)).toMatchObject({ state: 'cancelled', cancelReason: 'Leverancier heeft de update uitgesteld', revision: 2, version: 2 });
    expect((await revisions(id)).at(-1)).toMatchObject({ revision: 2, change: 'cancelled', state: 'cancelled', note: 'Leverancier heeft de update uitgesteld', changedAt: new Date('2026-03-12T08:00:00Z') });
    expect(await trail(db, 1)).toMatchObject({ actions: ['maintenance.cancel'], version: 2 });

    expect((await refusedWithoutWriting(db, () => cancelMaintenance(as('2026-03-12T09:00:00Z'), { id }, { reason: 'Nogmaals' }))).code).toBe('conflict');
    expect((await refusedWithoutWriting(db, () => editMaintenance(as('2026-03-12T09:00:00Z'), { id }, { title: 'x' }))).code).toBe('conflict');
    expect((await refusedWithoutWriting(db, () => cancelMaintenance(as(T0), { id: id + 1 }, { reason: 'x' }))).code).toBe('not_found');
    expect((await refusedWithoutWriting(db, () => cancelMaintenance(as(T0), { id }, {}))).fields).toEqual([expect.objectContaining({ path: 'reason' })]);
  });

  it('completes only after the start; early, the window ends at that moment', async () => {
    // Emergency 13:00 – 15:00 CET (12:00Z – 14:00Z), announced at 11:00 CET.
    const { id } = await scheduleMaintenance(as(T0), window('emergency', '2026-03-10T12:00:00Z', '2026-03-10T14:00:00Z'));
    expect((await refusedWithoutWriting(db, () => completeMaintenance(as('2026-03-10T11:00:00Z'), { id }))).code).toBe('conflict');
    expect((await refusedWithoutWriting(db, () => completeMaintenance(as('2026-03-10T12:00:00Z'), { id }))).code).toBe('conflict');

    await completeMaintenance(as('2026-03-10T13:00:00Z'), { id });
    expect(await resource(id, '2026-03-10T13:30:00Z')).toMatchObject({ state: 'completed', start: new Date('2026-03-10T12:00:00Z'), end: new Date('2026-03-10T13:00:00Z'), revision: 2 });
    expect((await revisions(id)).at(-1)).toMatchObject({ change: 'completed', state: 'completed', windowEnd: new Date('2026-03-10T13:00:00Z') });
    expect(await trail(db, 1)).toMatchObject({ actions: ['maintenance.complete'], version: 2 });
    expect((await refusedWithoutWriting(db, () => completeMaintenance(as('2026-03-10T13:10:00Z'), { id }))).code).toBe('conflict');

    // Completed after its planned end, the window keeps that end.
    const later = await scheduleMaintenance(as(T0), window('emergency', '2026-03-10T12:00:00Z', '2026-03-10T14:00:00Z'));
    await completeMaintenance(as('2026-03-10T15:00:00Z'), { id: later.id });
    expect(await resource(later.id, '2026-03-10T15:00:00Z')).toMatchObject({ state: 'completed', end: new Date('2026-03-10T14:00:00Z') });
  });
});
