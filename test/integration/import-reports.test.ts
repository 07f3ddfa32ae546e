// Incident reports in an import file: written through the report command's own piece (the
// row, the incident's version, the audit entry), the same file again changes nothing, a
// changed text is a correction marked edited, subscribers hear only a report that is news,
// and every bad report is refused with its path, nothing written.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { incidents, notificationEvents } from '#db/schema.ts';
import { importHistory, type ImportOptions } from '#src/history-import/write.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { writeIncidentReport } from '#src/incidents/commands/write-report.ts';
import { loadIncident } from '#src/incidents/queries.ts';
import { context, databaseWithProducts, trail, userActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';
import { dumpTables } from '../support/table-dump.ts';

/** Category 2 on Tuesday 10 March 2026, 11:00–12:00 CET; its report on Thursday 14:00 CET. */
const RESOLVED = '2026-03-10T11:00:00Z';
const PUBLISHED = '2026-03-12T13:00:00.000Z';
const NOW = new Date('2026-03-13T10:00:00Z');
const later = (days: number) => new Date(+NOW + days * 86_400_000);
type IncidentItem = NonNullable<ImportInput['incidents']>[number];
const incident = (id: string, report?: IncidentItem['report'], updates: IncidentItem['updates'] = []): IncidentItem => ({
  id,
  title: `Storing ${id}`,
  category: 2,
  reportedAt: '2026-03-10T10:00:00Z',
  updates: updates.length > 0 ? updates : [
    { at: '2026-03-10T10:05:00Z', status: 'investigating', message: 'We onderzoeken het.', impacts: { voipnow: 'major_outage' } },
    { at: RESOLVED, status: 'resolved', message: 'Opgelost.' },
  ],
  ...(report && { report }),
});
const report = { body: 'Een defecte switch.\n\nVervangen.', bodyEn: 'A faulty switch.', publishedAt: PUBLISHED };

describe.each(drivers)('incident reports in an import on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  const imported = async (doc: ImportInput, options: Partial<ImportOptions> = {}) => {
    const result = await importHistory(db, doc, { now: NOW, ...options });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.summary.changed;
  };
  const idOf = async (externalId: string) => (await db.select().from(incidents).where(eq(incidents.externalId, externalId)))[0]!;

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
  });
  afterEach(() => database?.drop());

  it('publishes a report as the command writes one; the same file again changes nothing; a changed text is a correction', async () => {
    // The incident and its report are one item: created (version 1), its report (version 2).
    expect(await imported({ incidents: [incident('NMS-5', report)] })).toBe(1);
    const { id, version } = await idOf('NMS-5');
    expect(version).toBe(2);
    expect((await loadIncident(db, id))!.report).toEqual({ body: report.body, bodyEn: report.bodyEn, publishedAt: new Date(PUBLISHED), editedAt: null });
    const first = await trail(db);
    expect(first.actions).toEqual(['incident.import', 'incident.report-import']);
    // The command's shape: the whole text before and after, with the incident's version.
    expect(first.rows[1]).toMatchObject({ entityType: 'incident', entityId: String(id), before: null, after: { report: { ...report, editedAt: null }, version: 2 } });
    expect(first.version).toBe(1);

    const dump = await dumpTables(db);
    expect(await imported({ incidents: [incident('NMS-5', report)] }, { now: later(1) })).toBe(0);
    expect(await dumpTables(db)).toEqual(dump);

    // A changed text without editedAt: marked edited at the import; publication unchanged.
    const corrected = { ...report, body: 'Een defecte switch in Amsterdam.' };
    expect(await imported({ incidents: [incident('NMS-5', corrected)] }, { now: later(2) })).toBe(1);
    expect((await loadIncident(db, id))!.report).toEqual({ body: corrected.body, bodyEn: report.bodyEn, publishedAt: new Date(PUBLISHED), editedAt: later(2) });
    const second = await trail(db, first.rows.length);
    expect(second.actions).toEqual(['incident.report-import']);
    expect(second.rows[0]!.before).toMatchObject({ report: { body: report.body, editedAt: null }, version: 2 });
    expect(second.rows[0]!.after).toMatchObject({ report: { body: corrected.body, editedAt: later(2).toISOString() }, version: 3 });
    expect(second.version).toBe(2);
    expect(await imported({ incidents: [incident('NMS-5', corrected)] }, { now: later(3) })).toBe(0);

    // The file's editedAt is the source's own correction time; a file without the report keeps it.
    await imported({ incidents: [incident('NMS-5', { ...corrected, editedAt: '2026-03-13T08:00:00Z' })] }, { now: later(3) });
    await imported({ incidents: [incident('NMS-5')] }, { now: later(3) });
    expect((await loadIncident(db, id))!.report).toMatchObject({ body: corrected.body, editedAt: new Date('2026-03-13T08:00:00Z') });
    expect((await idOf('NMS-5')).version).toBe(4);
  });

  it('with notify tells a report published after the incident came here, once; not history, not a correction', async () => {
    const events = async () => (await db.select({ kind: notificationEvents.kind }).from(notificationEvents)).map((e) => e.kind);
    // Imported resolved on Wednesday 11 March, before its report existed; the NOC began a draft.
    await imported({ incidents: [incident('NMS-6')] }, { now: new Date('2026-03-11T09:00:00Z'), notify: true });
    const noc = await userActor(db, { scopes: ['incidents', 'maintenance', 'outages', 'kpis'] });
    await writeIncidentReport(context(db, noc, '2026-03-11T10:00:00Z'), { id: (await idOf('NMS-6')).id }, { body: 'Concept.', published: false });
    // The file publishes the report in the draft's place; an incident arriving with its report is history: one event.
    await imported({ incidents: [incident('NMS-6', report), incident('OLD-1', report)] }, { notify: true });
    expect(await events()).toEqual(['incident.report_published']);
    const [event] = await db.select().from(notificationEvents);
    expect(event!.payload).toMatchObject({ incident: { id: (await idOf('NMS-6')).id }, report: { body: report.body, bodyEn: report.bodyEn, publishedAt: PUBLISHED } });
    expect(await trail(db, 1)).toMatchObject({ actions: ['incident.report-draft', 'incident.import', 'incident.report-import', 'incident.report-import'] });
    await imported({ incidents: [incident('NMS-6', { ...report, body: 'Anders.' })] }, { now: later(1), notify: true });
    expect(await events()).toEqual(['incident.report_published']);
  });

  it('refuses every bad report with its path, and a file reopening an incident whose report is published, writing nothing', async () => {
    const open = [{ at: '2026-03-10T10:05:00Z', status: 'investigating' as const, message: 'We onderzoeken het.' }];
    const refused = await importHistory(
      db,
      {
        incidents: [
          incident('a', report, open),
          incident('b', { ...report, publishedAt: '2026-03-10T10:59:00Z' }),
          incident('c', { ...report, editedAt: PUBLISHED }),
          incident('d', { body: ' ', publishedAt: PUBLISHED, published: false } as never),
        ],
      },
      { now: NOW },
    );
    expect(refused).toEqual({
      ok: false,
      problems: [
        { path: 'incidents[0].report', message: 'is only for a resolved incident (its last update has status resolved)' },
        { path: 'incidents[1].report.publishedAt', message: 'must not be before the resolution (updates[1].at)' },
        { path: 'incidents[2].report.editedAt', message: 'must be later than publishedAt' },
        { path: 'incidents[3].report.body', message: 'must not be empty' },
        { path: 'incidents[3].report', message: 'is not a field here: published' },
      ],
    });
    // Dated after the import (checked once the file parses, as every time is).
    expect(await importHistory(db, { incidents: [incident('e', { ...report, publishedAt: '2026-03-13T10:00:01Z' })] }, { now: NOW })).toEqual({
      ok: false,
      problems: [{ path: 'incidents[0].report.publishedAt', message: 'must not be later than the time of the import (2026-03-13T10:00:00.000Z)' }],
    });
    expect(await dumpTables(db)).toMatchObject({ incidents: [], incident_reports: [] });

    await imported({ incidents: [incident('NMS-7', report)] });
    const dump = await dumpTables(db);
    const reopened = await importHistory(db, { incidents: [incident('x', report), incident('NMS-7', undefined, open)] }, { now: NOW });
    expect(reopened).toEqual({
      ok: false,
      problems: [{ path: 'incidents[1].updates[0].status', message: 'must be resolved: the incident has a published report here, which is corrected, never withdrawn' }],
    });
    expect(await dumpTables(db)).toEqual(dump);
  });
});
