// The public Statuspage v2 documents (src/statuspage) against real databases, on PGlite
// and (with TEST_DATABASE_URL) PostgreSQL, from the hand-made March 2026 fixture as it was
// known at three moments: during the VOIPNOW incident, during Connectivity's emergency
// maintenance, and after the month. Every document passes the schema written from
// docs/statuspage-v2.md, the summary equals the separate documents, and the statuses,
// indicator, impacts, affected components, times and availability figures are the ones
// worked out by hand here and in test/fixtures/history-expected.ts. Also /readyz's check.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { committedMigrations } from '#db/migrate.ts';
import { DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { importHistory } from '#src/history-import/write.ts';
import { readCatalogue, syncCatalogue } from '#src/products/catalogue.ts';
import { checkReadiness } from '#src/server/readiness.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { renderStatuspage, STATUSPAGE_DOCUMENTS, type StatuspageDocument } from '#src/statuspage/serve.ts';
import { monthKeyOf } from '#src/time/zone.ts';
import { AFTER_MARCH, FIXTURE, MARCH_2026 } from '../fixtures/history-expected.ts';
import { drivers, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { DOCUMENT_SCHEMAS, expectValid, type DocumentName } from '../support/statuspage-schema.ts';

const SITE = 'https://status.voizxl.test';
const settings: SlaSettings = { weights: DEFAULT_IMPACT_WEIGHTS, officeHours: { start: '08:00', end: '17:00', holidays: [] } };
const catalogueCreated = new Date('2025-01-01T00:00:00+01:00');
const NAMES = Object.keys(STATUSPAGE_DOCUMENTS) as StatuspageDocument[];

/** Inside incident inc-2026-03-voipnow: its first update (10:00) is out, the next (10:16) is not. */
const DURING_INCIDENT = new Date('2026-03-04T10:10:00+01:00');
/** Connectivity's emergency window runs 10:00–11:00; its outage ended 10:30, voizApps' 10:45. */
const DURING_MAINTENANCE = new Date('2026-03-20T10:50:00+01:00');

/** The fixture as it stood at `now`: what had been reported by then, ongoing what had not ended. */
function knownAt(now: Date): ImportInput {
  const doc: Required<ImportInput> = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const by = (at: string | undefined) => at !== undefined && Date.parse(at) <= +now;
  return {
    products: doc.products,
    outages: doc.outages.filter((o) => by(o.start)).map((o) => (by(o.end) ? o : { ...o, end: undefined })),
    maintenances: doc.maintenances.filter((m) => by(m.announcedAt ?? m.start)),
    incidents: doc.incidents
      .filter((i) => by(i.reportedAt))
      .map((i) => ({ ...i, updates: i.updates.filter((u) => by(u.at)) }))
      .filter((i) => i.updates.length > 0),
    kpis: doc.kpis.filter((k) => k.month < monthKeyOf(+now)),
  };
}

type Documents = { [K in DocumentName]: z.infer<(typeof DOCUMENT_SCHEMAS)[K]> };

/** Every document, each checked against its schema. */
async function renderAll(database: TestDatabase, now: Date): Promise<Documents> {
  const scope = { siteUrl: SITE, locale: 'nl' as const, settings, now };
  const entries = await Promise.all(
    NAMES.map(async (name) => {
      const json: unknown = JSON.parse((await renderStatuspage(database.handle.db, scope, name)).body);
      expectValid(name, json);
      return [name, DOCUMENT_SCHEMAS[name].parse(json)] as const;
    }),
  );
  return Object.fromEntries(entries) as Documents;
}

async function databaseAt(driver: (typeof drivers)[number], now: Date): Promise<TestDatabase> {
  const database = await freshDatabase(driver);
  await syncCatalogue(database.handle.db, readCatalogue('db/catalogue.json'), catalogueCreated);
  const result = await importHistory(database.handle.db, knownAt(now), { now });
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problems)}`);
  return database;
}

const statuses = (docs: Documents) => Object.fromEntries(docs.components.components.map((c) => [c.id, c.status]));

function expectConsistent(docs: Documents): void {
  // The summary is the other documents put together.
  expect(docs.summary.page).toEqual(docs.status.page);
  expect(docs.summary.status).toEqual(docs.status.status);
  expect(docs.summary.components).toEqual(docs.components.components);
  expect(docs.summary.incidents).toEqual(docs['incidents/unresolved'].incidents);
  expect(docs.summary.scheduled_maintenances).toEqual([
    ...docs['scheduled-maintenances/active'].scheduled_maintenances,
    ...docs['scheduled-maintenances/upcoming'].scheduled_maintenances,
  ]);
  for (const name of NAMES) expect(docs[name].page, name).toEqual(docs.summary.page);
  // Every unresolved incident is among the recent ones, the same object.
  for (const open of docs['incidents/unresolved'].incidents) expect(docs.incidents.incidents).toContainEqual(open);
  // Incidents and maintenances carry the components' own objects.
  const byId = new Map(docs.components.components.map((c) => [c.id, c]));
  for (const item of [...docs.incidents.incidents, ...docs['scheduled-maintenances'].scheduled_maintenances]) {
    for (const c of item.components) expect(c).toEqual(byId.get(c.id));
  }
}

/** A copy of `doc` with the value at `path` replaced (undefined: removed). */
function withChange(doc: unknown, path: (string | number)[], value: unknown): unknown {
  type Node = Record<string | number, unknown>;
  const copy = structuredClone(doc) as Node;
  const parent = path.slice(0, -1).reduce<Node>((node, key) => node[key] as Node, copy);
  if (value === undefined) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = value;
  return copy;
}

describe.each(drivers)('Statuspage v2 documents on %s', (driver) => {
  describe('during the VOIPNOW incident (2026-03-04 10:10 CET)', () => {
    let database: TestDatabase;
    let docs: Documents;
    beforeAll(async () => {
      database = await databaseAt(driver, DURING_INCIDENT);
      docs = await renderAll(database, DURING_INCIDENT);
    });
    afterAll(() => database?.drop());

    it('passes the schemas, and the summary equals its parts', () => expectConsistent(docs));

    it('has schemas that refuse what breaks a consumer', () => {
      expect(DOCUMENT_SCHEMAS.summary.safeParse(docs.summary).success).toBe(true);
      const breaks: [string, (string | number)[], unknown][] = [
        ['a number where a string id belongs', ['components', 1, 'id'], 42],
        ['a null indicator', ['status', 'indicator'], null],
        ['a missing impact', ['incidents', 0, 'impact'], undefined],
        ['a time without offset', ['incidents', 0, 'incident_updates', 0, 'created_at'], '2026-03-04T10:00:00'],
        ['an unknown component status', ['components', 1, 'status'], 'down'],
        ['an unknown maintenance status', ['scheduled_maintenances', 0, 'status'], 'cancelled'],
        ['a zone abbreviation', ['page', 'time_zone'], 'CET'],
        ['a nested group', ['components', 0, 'group_id'], 'group-services'],
        ['a misspelt key', ['components', 1, 'groupid'], null],
      ];
      for (const [what, path, value] of breaks) expect(DOCUMENT_SCHEMAS.summary.safeParse(withChange(docs.summary, path, value)).success, what).toBe(false);
    });

    it('shows VOIPNOW in a major outage and 3CX in a partial one, their group at the worst, the page critical', () => {
      expect(statuses(docs)).toEqual({
        'group-voip': 'major_outage',
        // The incident's first update: VOIPNOW major (the NMS outage from 10:05 is only partial), 3CX partial.
        'product-voipnow': 'major_outage',
        'product-3cx': 'partial_outage',
        'product-teams-dr': 'operational',
        'group-connectivity': 'operational',
        'product-connectivity': 'operational',
        'group-services': 'operational',
        'product-voizplus': 'operational',
        'product-voizapps': 'operational',
      });
      expect(docs.status.status).toEqual({ indicator: 'critical', description: 'Major Service Outage' });
    });

    it('names the page, its groups and products from the catalogue and the site title', () => {
      expect(docs.status.page).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        name: 'voizXL status',
        url: SITE,
        time_zone: 'Europe/Amsterdam',
        // The import (the last write) at 10:10; the newest announcement (27 February) is older.
        updated_at: '2026-03-04T10:10:00.000+01:00',
      });
      const [voip, voipnow] = docs.components.components;
      expect(voip).toMatchObject({ name: 'VoIP-service', group: true, group_id: null, position: 1, components: ['product-voipnow', 'product-3cx', 'product-teams-dr'] });
      expect(voipnow).toEqual({
        id: 'product-voipnow',
        name: 'VOIPNOW',
        status: 'major_outage',
        created_at: '2025-01-01T00:00:00.000+01:00',
        // The NMS outage began at 10:05, after the incident's update at 10:00.
        updated_at: '2026-03-04T10:05:00.000+01:00',
        position: 1,
        description: null,
        showcase: true,
        start_date: '2025-01-01',
        group_id: 'group-voip',
        page_id: docs.status.page.id,
        group: false,
        only_show_if_degraded: false,
      });
      const teams = docs.components.components.find((c) => c.id === 'product-teams-dr')!;
      // Its last change: the outage across the February/March boundary ended 00:30.
      expect(teams.updated_at).toBe('2026-03-01T00:30:00.000+01:00');
    });

    it('lists the open incident with its impact, its first update and the components it changed', () => {
      const incident = docs['incidents/unresolved'].incidents[0]!;
      expect(docs['incidents/unresolved'].incidents).toHaveLength(1);
      expect(incident).toMatchObject({
        name: 'Storing VOIPNOW: bellen niet mogelijk',
        status: 'investigating',
        impact: 'critical',
        created_at: '2026-03-04T09:55:00.000+01:00',
        started_at: '2026-03-04T09:55:00.000+01:00',
        updated_at: '2026-03-04T10:00:00.000+01:00',
        monitoring_at: null,
        resolved_at: null,
        shortlink: expect.stringMatching(/^https:\/\/status\.voizxl\.test\/incidents\/\d+$/),
      });
      expect(incident.id).toMatch(/^incident-\d+$/);
      expect(incident.components.map((c) => [c.id, c.status])).toEqual([
        ['product-voipnow', 'major_outage'],
        ['product-3cx', 'partial_outage'],
      ]);
      expect(incident.incident_updates).toEqual([
        {
          id: expect.stringMatching(/^incident-update-\d+$/),
          status: 'investigating',
          body: 'Veel gebruikers kunnen niet bellen. We onderzoeken de oorzaak.',
          incident_id: incident.id,
          created_at: '2026-03-04T10:00:00.000+01:00',
          updated_at: '2026-03-04T10:00:00.000+01:00',
          display_at: '2026-03-04T10:00:00.000+01:00',
          affected_components: [
            { code: 'product-voipnow', name: 'VOIPNOW', old_status: 'operational', new_status: 'major_outage' },
            { code: 'product-3cx', name: '3CX', old_status: 'operational', new_status: 'partial_outage' },
          ],
          deliver_notifications: true,
          custom_tweet: null,
          tweet_id: null,
        },
      ]);
    });

    it("holds voizplus's regular maintenance as upcoming, nothing active", () => {
      expect(docs['scheduled-maintenances/active'].scheduled_maintenances).toEqual([]);
      const upcoming = docs['scheduled-maintenances/upcoming'].scheduled_maintenances[0]!;
      expect(docs['scheduled-maintenances/upcoming'].scheduled_maintenances).toHaveLength(1);
      expect(upcoming).toMatchObject({
        name: 'Regulier onderhoud voizplus',
        status: 'scheduled',
        impact: 'maintenance',
        scheduled_for: '2026-03-13T22:00:00.000+01:00',
        scheduled_until: '2026-03-14T00:00:00.000+01:00',
        created_at: '2026-02-27T09:00:00.000+01:00',
        resolved_at: null,
      });
      expect(upcoming.incident_updates.map((u) => [u.status, u.display_at, u.body])).toEqual([
        ['scheduled', '2026-02-27T09:00:00.000+01:00', 'Update van de applicatieservers.'],
      ]);
      expect(upcoming.components.map((c) => c.id)).toEqual(['product-voizplus']);
    });

    it('renders the same bytes twice, dated at the last change (the import at 10:10; availability: now)', async () => {
      const scope = { siteUrl: SITE, locale: 'nl' as const, settings, now: DURING_INCIDENT };
      for (const name of NAMES) {
        const [a, b] = await Promise.all([renderStatuspage(database.handle.db, scope, name), renderStatuspage(database.handle.db, scope, name)]);
        expect(a.body, name).toBe(b.body);
        expect(a.contentType).toBe('application/json; charset=utf-8');
        expect(a.lastModified, name).toEqual(DURING_INCIDENT);
      }
    });
  });

  describe("during Connectivity's emergency maintenance (2026-03-20 10:50 CET)", () => {
    let database: TestDatabase;
    let docs: Documents;
    beforeAll(async () => {
      database = await databaseAt(driver, DURING_MAINTENANCE);
      docs = await renderAll(database, DURING_MAINTENANCE);
    });
    afterAll(() => database?.drop());

    it('passes the schemas, and the summary equals its parts', () => expectConsistent(docs));

    it('shows Connectivity under maintenance and the page in maintenance, nothing being worse', () => {
      const shown = statuses(docs);
      expect(shown['product-connectivity']).toBe('under_maintenance');
      expect(shown['group-connectivity']).toBe('under_maintenance');
      expect(Object.entries(shown).filter(([, s]) => s !== 'operational').map(([id]) => id)).toEqual(['group-connectivity', 'product-connectivity']);
      expect(docs.status.status).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance' });
    });

    it('lists the maintenance as active, announced and begun, and leaves the cancelled one out', () => {
      const active = docs['scheduled-maintenances/active'].scheduled_maintenances[0]!;
      expect(docs['scheduled-maintenances/active'].scheduled_maintenances).toHaveLength(1);
      expect(active).toMatchObject({
        name: 'Spoedonderhoud core-router',
        status: 'in_progress',
        started_at: '2026-03-20T10:00:00.000+01:00',
        scheduled_for: '2026-03-20T10:00:00.000+01:00',
        scheduled_until: '2026-03-20T11:00:00.000+01:00',
        updated_at: '2026-03-20T10:00:00.000+01:00',
        resolved_at: null,
      });
      expect(active.incident_updates.map((u) => [u.status, u.display_at, u.affected_components])).toEqual([
        ['in_progress', '2026-03-20T10:00:00.000+01:00', [{ code: 'product-connectivity', name: 'Connectivity', old_status: 'operational', new_status: 'under_maintenance' }]],
        ['scheduled', '2026-03-20T09:30:00.000+01:00', [{ code: 'product-connectivity', name: 'Connectivity', old_status: 'operational', new_status: 'operational' }]],
      ]);
      // Recent: newest window first; the cancelled 3CX window (10 March) is not there, the
      // unannounced Teams restart (18 March) is, completed, without an announcement.
      const recent = docs['scheduled-maintenances'].scheduled_maintenances;
      expect(recent.map((m) => [m.name, m.status])).toEqual([
        ['Spoedonderhoud core-router', 'in_progress'],
        ['Herstart Teams-koppeling', 'completed'],
        ['Regulier onderhoud voizplus', 'completed'],
      ]);
      expect(recent[1]!.incident_updates.map((u) => u.status)).toEqual(['completed', 'in_progress']);
      expect(recent[1]!.resolved_at).toBe('2026-03-18T14:01:00.000+01:00');
      // The window opening at 10:00 is the latest clock change; the import (10:50) the latest write.
      expect(docs.status.page.updated_at).toBe('2026-03-20T10:50:00.000+01:00');
    });
  });

  describe('after March 2026 (2026-04-15)', () => {
    let database: TestDatabase;
    let docs: Documents;
    beforeAll(async () => {
      database = await databaseAt(driver, AFTER_MARCH);
      docs = await renderAll(database, AFTER_MARCH);
    });
    afterAll(() => database?.drop());

    it('passes the schemas, and the summary equals its parts', () => expectConsistent(docs));

    it('is all operational with nothing unresolved, active or upcoming', () => {
      expect(new Set(Object.values(statuses(docs)))).toEqual(new Set(['operational']));
      expect(docs.status.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
      expect(docs.summary.incidents).toEqual([]);
      expect(docs.summary.scheduled_maintenances).toEqual([]);
    });

    it('lists the resolved incidents newest first, with their worst impact and every status change', () => {
      const list = docs.incidents.incidents;
      expect(list.map((i) => [i.name, i.status, i.impact])).toEqual([
        ['Enkele bestemmingen onbereikbaar', 'resolved', 'minor'],
        ['Vertraging voicemail-naar-e-mail', 'resolved', 'minor'],
        ['Storing VOIPNOW: bellen niet mogelijk', 'resolved', 'critical'],
      ]);
      const voipnow = list[2]!;
      expect(voipnow.resolved_at).toBe('2026-03-04T10:50:00.000+01:00');
      expect(voipnow.updated_at).toBe('2026-03-04T10:50:00.000+01:00');
      const change = (code: string, name: string, from: string, to: string) => ({ code, name, old_status: from, new_status: to });
      expect(voipnow.incident_updates.map((u) => [u.status, u.display_at, u.affected_components])).toEqual([
        [
          'resolved',
          '2026-03-04T10:50:00.000+01:00',
          [change('product-voipnow', 'VOIPNOW', 'degraded_performance', 'operational'), change('product-3cx', '3CX', 'partial_outage', 'operational')],
        ],
        // Names VOIPNOW only: 3CX keeps its partial outage.
        ['identified', '2026-03-04T10:16:00.000+01:00', [change('product-voipnow', 'VOIPNOW', 'major_outage', 'degraded_performance')]],
        [
          'investigating',
          '2026-03-04T10:00:00.000+01:00',
          [change('product-voipnow', 'VOIPNOW', 'operational', 'major_outage'), change('product-3cx', '3CX', 'operational', 'partial_outage')],
        ],
      ]);
      const destinations = list[0]!;
      // Across the DST switch: CEST from 29 March.
      expect(destinations.monitoring_at).toBe('2026-03-30T12:00:00.000+02:00');
      expect(destinations.resolved_at).toBe('2026-03-31T17:00:00.000+02:00');
      // The monitoring update changes no component.
      expect(destinations.incident_updates.map((u) => u.affected_components?.length ?? null)).toEqual([1, null, 1]);
      expect(destinations.components.map((c) => c.id)).toEqual(['product-connectivity']);
    });

    it('lists the three maintenances that took place, completed at their window ends', () => {
      const recent = docs['scheduled-maintenances'].scheduled_maintenances;
      expect(recent.map((m) => [m.name, m.status, m.resolved_at])).toEqual([
        ['Spoedonderhoud core-router', 'completed', '2026-03-20T11:00:00.000+01:00'],
        ['Herstart Teams-koppeling', 'completed', '2026-03-18T14:01:00.000+01:00'],
        ['Regulier onderhoud voizplus', 'completed', '2026-03-14T00:00:00.000+01:00'],
      ]);
      expect(recent[2]!.incident_updates.map((u) => [u.status, u.display_at])).toEqual([
        ['completed', '2026-03-14T00:00:00.000+01:00'],
        ['in_progress', '2026-03-13T22:00:00.000+01:00'],
        ['scheduled', '2026-02-27T09:00:00.000+01:00'],
      ]);
    });

    it("gives the availability page's figures per product and month: March 2026 as worked out by hand", () => {
      const doc = docs.availability;
      expect(doc.months[0]).toBe('2025-05');
      expect(doc.months.at(-1)).toBe('2026-04');
      expect(doc.impact_weights).toEqual({ operational: 0, degraded_performance: 0, partial_outage: 0.3, major_outage: 1 });
      expect(doc.products.map((p) => p.slug)).toEqual(MARCH_2026.map((e) => e.slug));
      for (const want of MARCH_2026) {
        const product = doc.products.find((p) => p.slug === want.slug)!;
        expect(product.id).toBe(`product-${want.slug}`);
        const march = product.months.find((m) => m.month === '2026-03')!;
        const context = `${want.slug}: ${JSON.stringify(march)}`;
        expect(march.partial, context).toBe(false);
        expect(march.target, context).toBe(want.target);
        expect(march.availability, context).toBeCloseTo(want.availability, 4);
        expect(march.met, context).toBe(want.met);
        expect(march.unplanned_minutes, context).toBeCloseTo(want.unplannedMinutes, 6);
        expect(march.planned_minutes, context).toBeCloseTo(want.plannedMinutes, 6);
        expect(march.rolling_12_months.availability, context).toBeCloseTo(want.rolling12, 4);
        expect(march.rolling_12_months.met, context).toBe(want.rolling12Met);
        expect(product.months.at(-1)!.partial, context).toBe(true);
      }
    });
  });

  describe('readiness', () => {
    it('is ready with the committed migrations applied, not with none, nor once the database is gone', async () => {
      const migrated = await freshDatabase(driver);
      try {
        expect(await checkReadiness(migrated.handle.db, committedMigrations())).toEqual({ ready: true });
        // A build that knows one migration fewer than the database has applied.
        expect(await checkReadiness(migrated.handle.db, committedMigrations().slice(0, -1))).toEqual({
          ready: false,
          reason: `the database has ${committedMigrations().length} migrations applied, this build knows ${committedMigrations().length - 1}`,
        });
        await migrated.handle.db.execute(sql`update drizzle.__drizzle_migrations set hash = 'changed' where id = (select min(id) from drizzle.__drizzle_migrations)`);
        expect(await checkReadiness(migrated.handle.db, committedMigrations())).toEqual({ ready: false, reason: 'migration 1 applied to the database differs from the committed one' });
      } finally {
        await migrated.drop();
      }
      const empty = await freshDatabase(driver, { migrated: false });
      try {
        expect(await checkReadiness(empty.handle.db, committedMigrations())).toEqual({
          ready: false,
          reason: `migrations pending: 0 of ${committedMigrations().length} committed migrations applied`,
        });
      } finally {
        await empty.drop();
      }
      const gone = await freshDatabase(driver);
      await gone.drop();
      expect(await checkReadiness(gone.handle.db, committedMigrations())).toEqual({ ready: false, reason: expect.stringMatching(/^database unavailable: \S/) });
    });
  });
});
