// The incident report (reason for outage) as the NOC writes it: refused while the incident
// is open, a draft that the public does not see, its publication, a correction that marks
// it edited and keeps every version in the audit log, no way back to a draft, and a write
// of the same text that changes nothing. Versions and refusals as for every command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { readDataVersion } from '#src/commands/data-version.ts';
import { createIncident } from '#src/incidents/commands/create.ts';
import { postIncidentUpdate } from '#src/incidents/commands/post-update.ts';
import { writeIncidentReport } from '#src/incidents/commands/write-report.ts';
import { loadIncident } from '#src/incidents/queries.ts';
import { incidentResource } from '#src/incidents/resource.ts';
import { drivers, type TestDatabase } from '../../support/databases.ts';
import { context, databaseWithProducts, refusedWithoutWriting, trail, userActor, type UserActor } from '../../support/commands.ts';

const SITE = 'https://status.example.nl';
/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = new Date('2026-03-10T10:00:00Z');
const minutes = (n: number) => new Date(+T0 + n * 60_000);
const opening = { title: 'Storing VOIPNOW', category: 2, message: 'We onderzoeken het.', impacts: { voipnow: 'major_outage' } };
const draft = { body: 'Oorzaak: een defecte switch.\n\nWe vervangen hem.', published: false };

describe.each(drivers)('the incident report on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  let id: number;
  const as = (now: Date) => context(db, noc, now);

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['incidents'] });
    ({ id } = await createIncident(as(T0), opening));
  });
  afterEach(() => database?.drop());

  it('is refused while the incident is open, and accepted once it is resolved', async () => {
    const open = await refusedWithoutWriting(db, () => writeIncidentReport(as(minutes(5)), { id }, draft));
    expect(open.code).toBe('conflict');
    expect(open.message).toContain('not resolved');
    await postIncidentUpdate(as(minutes(30)), { id }, { status: 'resolved', message: 'Opgelost.' });
    expect(await writeIncidentReport(as(minutes(40)), { id }, draft)).toEqual({ id, change: 'drafted' });
  });

  describe('of a resolved incident', () => {
    beforeEach(async () => {
      await postIncidentUpdate(as(minutes(30)), { id }, { status: 'resolved', message: 'Opgelost.' });
    });

    it('is a draft the public does not see, then published, then corrected and marked edited', async () => {
      // Versions: create 1, resolve 2, draft 3, publish 4, correct 5.
      await writeIncidentReport(as(minutes(40)), { id, expectedVersion: 2 }, draft);
      expect((await loadIncident(db, id))!.report).toBeNull();
      expect((await incidentResource(db, id, SITE))!).toMatchObject({
        version: 3,
        postmortem: { body: draft.body, bodyEn: null, published: false, publishedAt: null, editedAt: null, updatedAt: minutes(40), url: `${SITE}/incidents/${id}#report` },
      });

      expect(await writeIncidentReport(as(minutes(50)), { id, expectedVersion: 3 }, { ...draft, bodyEn: 'Cause: a faulty switch.', published: true })).toEqual({ id, change: 'published' });
      expect((await loadIncident(db, id))!.report).toEqual({ body: draft.body, bodyEn: 'Cause: a faulty switch.', publishedAt: minutes(50), editedAt: null });

      const corrected = 'Oorzaak: een defecte switch in Amsterdam.\n\nVervangen op 11 maart.';
      expect(await writeIncidentReport(as(minutes(90)), { id, expectedVersion: 4 }, { body: corrected, bodyEn: null, published: true })).toEqual({ id, change: 'corrected' });
      // The first publication stays the publication; the correction is its edit.
      expect((await loadIncident(db, id))!.report).toEqual({ body: corrected, bodyEn: null, publishedAt: minutes(50), editedAt: minutes(90) });
      expect((await incidentResource(db, id, SITE))!.version).toBe(5);

      // Every version in the audit log: the draft, the published text, the correction.
      const { rows } = await trail(db, 2);
      expect(rows.map((r) => [r.action, r.entityId])).toEqual([
        ['incident.report-draft', String(id)],
        ['incident.report-publish', String(id)],
        ['incident.report-correct', String(id)],
      ]);
      expect(rows[0]!.before).toBeNull();
      expect(rows[2]!.before).toMatchObject({ report: { body: draft.body, bodyEn: 'Cause: a faulty switch.' }, version: 4 });
      expect(rows[2]!.after).toMatchObject({ report: { body: corrected, bodyEn: null, editedAt: minutes(90).toISOString() }, version: 5 });
    });

    it('changes nothing when the same text and state are written again', async () => {
      await writeIncidentReport(as(minutes(40)), { id }, { ...draft, published: true });
      const before = await trail(db);
      expect(await writeIncidentReport(as(minutes(45)), { id }, { ...draft, bodyEn: null, published: true })).toEqual({ id, change: null });
      expect(await trail(db)).toEqual(before);
      expect((await readDataVersion(db)).version).toBe(3);
      expect((await loadIncident(db, id))!.report).toMatchObject({ publishedAt: minutes(40), editedAt: null });
    });

    it('never goes back to a draft once published, and refuses a stale version, bad input and a missing scope', async () => {
      await writeIncidentReport(as(minutes(40)), { id }, { ...draft, published: true });
      const withdraw = await refusedWithoutWriting(db, () => writeIncidentReport(as(minutes(41)), { id }, draft));
      expect(withdraw).toMatchObject({ code: 'conflict', fields: [{ path: 'published' }] });

      // The incident is at version 3 (create, resolve, publish).
      const stale = await refusedWithoutWriting(db, () => writeIncidentReport(as(minutes(41)), { id, expectedVersion: 2 }, { ...draft, published: true, body: 'Anders.' }));
      expect(stale.code).toBe('stale');

      const invalid = await refusedWithoutWriting(db, () => writeIncidentReport(as(minutes(41)), { id }, { body: '  ', bodyEn: 3, extra: true }));
      expect(invalid.code).toBe('invalid');
      expect(invalid.fields.map((f) => [f.path, f.message]).sort()).toEqual([
        ['(body)', 'is not a field here: extra'],
        ['body', 'must not be empty'],
        ['bodyEn', 'must be a string'],
        ['published', 'must be true or false'],
      ]);

      const unknown = await refusedWithoutWriting(db, () => writeIncidentReport(as(minutes(41)), { id: id + 1 }, draft));
      expect(unknown.code).toBe('not_found');

      const maintenanceOnly = { ...noc, token: { ...noc.token!, scopes: ['maintenance' as const] } };
      const forbidden = await refusedWithoutWriting(db, () => writeIncidentReport(context(db, maintenanceOnly, minutes(41)), { id }, draft));
      expect(forbidden.code).toBe('forbidden');
    });
  });
});
