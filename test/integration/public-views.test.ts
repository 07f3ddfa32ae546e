// What the public reads of one hand-made December 2026, through a real database (PGlite and,
// with TEST_DATABASE_URL, PostgreSQL): a published incident report everywhere (the incident
// page's SLA facts as the engine computes them from the stored history, hand-computed below
// as in test/unit/sla-incident-facts.test.ts; the Statuspage JSON with status postmortem and
// the postmortem keys; the incident feed of an affected product and not of another; the
// monthly report), a draft nowhere; and the badges of the same history.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { incidents } from '#db/schema.ts';
import { loadBadge } from '#src/badges/load.ts';
import { DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import { buildIncidentFeed } from '#src/feeds/incident-feed.ts';
import { loadIncidentFeedData } from '#src/feeds/load-incidents.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { writeIncidentReport } from '#src/incidents/commands/write-report.ts';
import { loadIncidentPage } from '#src/incidents/queries.ts';
import { loadMonthlyReport } from '#src/report/load.ts';
import { renderReportText } from '#src/report/text.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { loadIncidentsDocument } from '#src/statuspage/load.ts';
import { context, userActor, type UserActor } from '../support/commands.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';
import { parseRss } from '../support/feed-parsers.ts';
import { expectValid } from '../support/statuspage-schema.ts';

const SITE = 'https://status.voizxl.test';
const settings: SlaSettings = { weights: DEFAULT_IMPACT_WEIGHTS, officeHours: { start: '08:00', end: '17:00', holidays: [] } };
const NOW = new Date('2027-01-05T12:00:00+01:00');
const PUBLISHED = new Date('2026-12-09T10:00:00+01:00');
const CORRECTED = new Date('2026-12-10T09:30:00+01:00');

// Category 2, reported Tuesday 8 December 2026 10:00 CET: VOIPNOW major and 3CX partial
// from 10:12, VOIPNOW degraded from 10:30, resolved 11:40; VOIPNOW's emergency window
// 10:25–10:35; an NMS outage of VOIPNOW on the 20th 03:00–03:03.
const history: ImportInput = {
  products: ['voipnow', '3cx', 'teams-dr', 'connectivity', 'voizplus', 'voizapps'].map((slug) => ({ slug, measuredSince: '2025-01-01T00:00:00+01:00' })),
  outages: [{ id: 'nms-1', product: 'voipnow', start: '2026-12-20T03:00:00+01:00', end: '2026-12-20T03:03:00+01:00', impact: 'major_outage', source: 'nms' }],
  maintenances: [
    {
      id: 'mnt-1',
      type: 'emergency',
      title: 'Spoedonderhoud SBC',
      products: ['voipnow'],
      announcedAt: '2026-12-08T10:20:00+01:00',
      start: '2026-12-08T10:25:00+01:00',
      end: '2026-12-08T10:35:00+01:00',
      completed: true,
    },
  ],
  incidents: [
    {
      id: 'inc-1',
      title: 'Storing VOIPNOW en 3CX',
      titleEn: 'VOIPNOW and 3CX outage',
      category: 2,
      reportedAt: '2026-12-08T10:00:00+01:00',
      updates: [
        { at: '2026-12-08T10:12:00+01:00', status: 'investigating', message: 'We onderzoeken het.', impacts: { voipnow: 'major_outage', '3cx': 'partial_outage' } },
        { at: '2026-12-08T10:30:00+01:00', status: 'identified', message: 'Oorzaak gevonden.', impacts: { voipnow: 'degraded_performance' } },
        { at: '2026-12-08T11:40:00+01:00', status: 'resolved', message: 'Opgelost.' },
      ],
    },
  ],
};

describe.each(drivers)('a published incident report on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  let id: number;
  const read = { get db() { return db; }, now: NOW, sla: settings };
  beforeAll(async () => {
    const seeded = await seededDatabase(driver, { catalogueAt: new Date('2025-01-01T00:00:00+01:00'), history, now: NOW });
    database = seeded;
    if (!seeded.imported?.ok) throw new Error(`import refused: ${JSON.stringify(seeded.imported)}`);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['incidents'] });
    [{ id }] = (await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.externalId, 'inc-1'))) as [{ id: number }];
    await writeIncidentReport(context(db, noc, new Date('2026-12-08T15:00:00+01:00')), { id }, { body: 'Concept.', published: false });
  });
  afterAll(() => database?.drop());

  it('shows nowhere while it is a draft', async () => {
    expect((await loadIncidentPage(read, String(id)))!.facts).toBeNull();
    const document = (await loadIncidentsDocument(db, { siteUrl: SITE, locale: 'nl', settings, now: NOW })).document;
    expect(document.incidents[0]).toMatchObject({ status: 'resolved', postmortem_body: null, postmortem_published_at: null });
    expect((await loadIncidentFeedData(db, { productSlug: null, now: NOW }))!.reports).toEqual([]);
    expect((await loadMonthlyReport(db, '2026-12', NOW, settings, SITE)).incidents.reports).toEqual([]);
  });

  describe('once published and corrected', () => {
    beforeAll(async () => {
      await writeIncidentReport(context(db, noc, PUBLISHED), { id }, { body: 'Een defecte switch.\n\nVervangen.', bodyEn: 'A faulty switch.', published: true });
      await writeIncidentReport(context(db, noc, CORRECTED), { id }, { body: 'Een defecte switch in Amsterdam.\n\nVervangen.', bodyEn: 'A faulty switch.', published: true });
    });

    it("gives the incident page the SLA facts from the stored history: margins, downtime, the month's availability", async () => {
      const page = (await loadIncidentPage(read, String(id)))!;
      expect(page.incident.report).toEqual({ body: 'Een defecte switch in Amsterdam.\n\nVervangen.', bodyEn: 'A faulty switch.', publishedAt: PUBLISHED, editedAt: CORRECTED });
      const facts = page.facts!;
      // 12 min to the first update (48 to spare); resolved after 1 h 40 min (2 h 20 min before the 4 h mark).
      expect(facts.response).toMatchObject({ met: true, marginMs: 48 * 60_000 });
      expect(facts.resolution80).toMatchObject({ met: true, marginMs: 140 * 60_000 });
      const [voipnow, cx] = facts.products;
      // VOIPNOW: 18 min major, 5 of them in the window. December: 44,640 min; without the
      // incident D = 3 → 99.99327957 %; with it D = 21, Dp = 5 → 44,619 / 44,635 = 99.96415369 %.
      expect(voipnow).toMatchObject({ slug: 'voipnow', worstImpact: 'major_outage', plannedMinutes: 5 });
      expect(voipnow!.unplannedMinutes).toBeCloseTo(13, 9);
      expect(voipnow!.months).toHaveLength(1);
      expect(voipnow!.months[0]).toMatchObject({ month: '2026-12', partial: false, target: 99.95, met: true });
      expect(voipnow!.months[0]!.without).toBeCloseTo(99.99327957, 7);
      expect(voipnow!.months[0]!.with).toBeCloseTo(99.96415369, 7);
      // 3CX: 88 min partial × 0.3 = 26.4 min → 99.94086022 %.
      expect(cx!.unplannedMinutes).toBeCloseTo(26.4, 9);
      expect(cx!.months[0]!.with).toBeCloseTo(99.94086022, 7);
    });

    it("makes the Statuspage incident 'postmortem' with the report as its newest update", async () => {
      const scope = { siteUrl: SITE, locale: 'en' as const, settings, now: NOW };
      const { document } = await loadIncidentsDocument(db, scope);
      expectValid('incidents', document);
      const [incident] = document.incidents;
      expect(incident).toMatchObject({
        status: 'postmortem',
        resolved_at: '2026-12-08T11:40:00.000+01:00',
        postmortem_body: 'A faulty switch.',
        postmortem_published_at: '2026-12-09T10:00:00.000+01:00',
        postmortem_body_last_updated_at: '2026-12-10T09:30:00.000+01:00',
        postmortem_ignored: false,
        postmortem_notified_subscribers: true,
        updated_at: '2026-12-10T09:30:00.000+01:00',
      });
      expect(incident!.incident_updates.map((u) => u.status)).toEqual(['postmortem', 'resolved', 'identified', 'investigating']);
      expect(incident!.incident_updates[0]).toMatchObject({ id: `incident-${id}-postmortem`, body: 'A faulty switch.', display_at: '2026-12-09T10:00:00.000+01:00' });
    });

    it("puts one item in the feeds of the affected products' and of all products, none in another product's", async () => {
      for (const productSlug of [null, '3cx']) {
        const data = (await loadIncidentFeedData(db, { productSlug, now: NOW }))!;
        expect(data.reports.map((r) => r.products.map((p) => p.slug))).toEqual([['voipnow', '3cx']]);
        const feed = parseRss(buildIncidentFeed({ locale: 'nl', siteUrl: SITE, ...data }));
        expect(feed.items[0]).toMatchObject({ title: 'Rapport: Storing VOIPNOW en 3CX', link: `${SITE}/incidents/${id}#report`, pubDate: PUBLISHED.toUTCString() });
        expect(feed.items).toHaveLength(4);
      }
      expect((await loadIncidentFeedData(db, { productSlug: 'teams-dr', now: NOW }))!.reports).toEqual([]);
      // Before its publication the report was not in the feed.
      expect((await loadIncidentFeedData(db, { productSlug: null, now: new Date(+PUBLISHED - 1) }))!.reports).toEqual([]);
    });

    it('is listed in the monthly report of the month the incident was reported in', async () => {
      const report = await loadMonthlyReport(db, '2026-12', NOW, settings, SITE);
      expect(report.incidents.reports).toEqual([
        {
          id,
          title: 'Storing VOIPNOW en 3CX',
          titleEn: 'VOIPNOW and 3CX outage',
          category: 2,
          reportedAt: '2026-12-08T09:00:00.000Z',
          publishedAt: '2026-12-09T09:00:00.000Z',
          editedAt: '2026-12-10T08:30:00.000Z',
          url: `${SITE}/incidents/${id}`,
          urlEn: `${SITE}/en/incidents/${id}`,
        },
      ]);
      const text = renderReportText(report, 'en');
      expect(text).toContain('Incident reports (reason for outage)\nCategory 2 · VOIPNOW and 3CX outage: published 9 December 2026 at 10:00 CET, updated 10 December 2026 at 09:30 CET');
      expect(text).toContain(`  ${SITE}/en/incidents/${id}\n`);
      expect((await loadMonthlyReport(db, '2026-11', NOW, settings, SITE)).incidents.reports).toEqual([]);
    });
  });

  it('gives the badges: the state, a product, and the rolling 12 months rounded down against the target', async () => {
    expect(await loadBadge(read, 'nl', { kind: 'status' })).toEqual({ label: 'voizXL status', message: 'Werkt normaal', tone: 'ok' });
    expect(await loadBadge(read, 'en', { kind: 'product', slug: '3cx' })).toEqual({ label: '3CX', message: 'Operational', tone: 'ok' });
    // 1 February 2026 00:00 to 5 January 2027 12:00 CET: 338.5 days = 487,440 min; D = 21, Dp = 5:
    // 487,419 / 487,435 = 99.996717… %, shown 99,996 % ≥ 99.95.
    expect(await loadBadge(read, 'nl', { kind: 'availability', slug: 'voipnow' })).toEqual({ label: 'VOIPNOW beschikbaarheid', message: '99,996 % (12 mnd)', tone: 'ok' });
    // Connectivity is best effort: its figure, no verdict.
    expect(await loadBadge(read, 'en', { kind: 'availability', slug: 'connectivity' })).toEqual({ label: 'Connectivity availability', message: '100.000 % (12 mo)', tone: 'info' });
    expect(await loadBadge(read, 'nl', { kind: 'product', slug: 'voipnow2' })).toBeNull();
    expect(await loadBadge(read, 'nl', { kind: 'availability', slug: 'voipnow2' })).toBeNull();
  });
});
