// Outages recorded by hand (record, end, correct), a month's KPIs, and outages from
// Prometheus Alertmanager's webhook (payload version 4): what is written, what is refused,
// and that repeating a write changes nothing (no audit row, no data-version bump).
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { monthlyKpis, outages } from '#db/schema.ts';
import { receiveAlerts, type AlertSettings } from '#src/alertmanager/receive.ts';
import { correctOutage, recordOutage } from '#src/outages/commands.ts';
import { outageResource } from '#src/outages/resource.ts';
import { setMonthKpis } from '#src/kpis/set-month.ts';
import { drivers, type TestDatabase } from '../../support/databases.ts';
import { dumpTables } from '../../support/table-dump.ts';
import { context, databaseWithProducts, refusedWithoutWriting, trail, userActor, type UserActor } from '../../support/commands.ts';

/** Tuesday 10 March 2026, 11:00 CET. */
const T0 = '2026-03-10T10:00:00Z';
const settings: AlertSettings = { productLabel: 'product', severities: { critical: 'major_outage', warning: 'partial_outage' } };

describe.each(drivers)('outages, KPIs and alerts on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let noc: UserActor;
  const as = (now: string) => context(db, noc, now);

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    noc = await userActor(db, { scopes: ['outages', 'kpis', 'alerts'] });
  });
  afterEach(() => database?.drop());

  describe('outages', () => {
    const sbc = { product: 'voipnow', start: '2026-03-10T09:00:00+01:00', impact: 'major_outage', note: 'SBC herstart' };

    it('records an ongoing outage, ends it, corrects it and reopens it, one version and audit row each', async () => {
      const { id } = await recordOutage(as(T0), sbc);
      expect(await outageResource(db, id)).toEqual({ id, externalId: null, version: 1, product: 'voipnow', start: new Date('2026-03-10T08:00:00Z'), end: null, impact: 'major_outage', source: 'manual', note: 'SBC herstart' });
      expect(await trail(db)).toMatchObject({ actions: ['outage.record'], version: 1, rows: [{ entityType: 'outage', entityId: String(id), tokenPrefix: 'vzs_test0001' }] });

      // Ended at 10:45 CET (09:45Z), recorded at 11:00 CET.
      await correctOutage(as(T0), { id, expectedVersion: 1 }, { end: '2026-03-10T10:45:00+01:00' });
      expect(await outageResource(db, id)).toMatchObject({ version: 2, end: new Date('2026-03-10T09:45:00Z') });
      expect(await trail(db, 1)).toMatchObject({ actions: ['outage.end'], version: 2 });

      await correctOutage(as(T0), { id, expectedVersion: 2 }, { impact: 'partial_outage', start: '2026-03-10T09:05:00+01:00', product: '3cx', note: null });
      expect(await outageResource(db, id)).toMatchObject({ version: 3, product: '3cx', impact: 'partial_outage', start: new Date('2026-03-10T08:05:00Z'), end: new Date('2026-03-10T09:45:00Z'), note: null });
      expect(await trail(db, 2)).toMatchObject({ actions: ['outage.correct'], version: 3 });
      expect((await trail(db, 2)).rows[0]!.before).toMatchObject({ impact: 'major_outage', version: 2 });

      await correctOutage(as(T0), { id }, { end: null });
      expect(await outageResource(db, id)).toMatchObject({ version: 4, end: null });
    });

    it('refuses future times, an end before the start, an unknown product and a harmless impact, writing nothing', async () => {
      // 11:30 CET is half an hour after now.
      const future = await refusedWithoutWriting(db, () => recordOutage(as(T0), { ...sbc, start: '2026-03-10T11:30:00+01:00' }));
      expect(future).toMatchObject({ code: 'rule_broken', fields: [{ path: 'start' }] });
      const futureEnd = await refusedWithoutWriting(db, () => recordOutage(as(T0), { ...sbc, end: '2026-03-10T11:30:00+01:00' }));
      expect(futureEnd).toMatchObject({ code: 'rule_broken', fields: [{ path: 'end' }] });
      const backwards = await refusedWithoutWriting(db, () => recordOutage(as(T0), { ...sbc, end: '2026-03-10T08:59:00+01:00' }));
      expect(backwards).toMatchObject({ code: 'invalid', fields: [{ path: 'end' }] });
      const unknown = await refusedWithoutWriting(db, () => recordOutage(as(T0), { ...sbc, product: 'voipnowx' }));
      expect(unknown).toMatchObject({ code: 'invalid', fields: [{ path: 'product' }] });
      const harmless = await refusedWithoutWriting(db, () => recordOutage(as(T0), { ...sbc, impact: 'operational' }));
      expect(harmless).toMatchObject({ code: 'invalid', fields: [{ path: 'impact' }] });

      const { id } = await recordOutage(as(T0), { ...sbc, externalId: 'nms-1' });
      expect((await refusedWithoutWriting(db, () => recordOutage(as(T0), { ...sbc, externalId: 'nms-1' }))).code).toBe('conflict');
      const endBefore = await refusedWithoutWriting(db, () => correctOutage(as(T0), { id }, { end: '2026-03-10T08:30:00+01:00' }));
      expect(endBefore).toMatchObject({ code: 'invalid', fields: [{ path: 'end' }] });
      await correctOutage(as(T0), { id }, { end: '2026-03-10T10:00:00+01:00' });
      const startAfter = await refusedWithoutWriting(db, () => correctOutage(as(T0), { id }, { start: '2026-03-10T10:15:00+01:00' }));
      expect(startAfter).toMatchObject({ code: 'invalid', fields: [{ path: 'start' }] });
      expect((await refusedWithoutWriting(db, () => correctOutage(as(T0), { id, expectedVersion: 1 }, { note: 'x' }))).code).toBe('stale');
      expect((await refusedWithoutWriting(db, () => correctOutage(as(T0), { id: id + 1 }, { note: 'x' }))).code).toBe('not_found');
      expect((await refusedWithoutWriting(db, () => correctOutage(as(T0), { id }, { product: 'x' }))).fields).toEqual([expect.objectContaining({ path: 'product' })]);
    });
  });

  describe('KPIs', () => {
    const figures = { callSetupSeconds: 1.8, callSuccessRatio: 99.2 };
    const stored = () => db.select().from(monthlyKpis).orderBy(asc(monthlyKpis.month));

    it('sets a month, writes nothing when the same figures come again, and records a change', async () => {
      expect(await setMonthKpis(as(T0), '2026-03', figures)).toEqual({ month: '2026-03', created: true });
      expect(await trail(db)).toMatchObject({ actions: ['kpis.set'], version: 1, rows: [{ entityType: 'kpis', entityId: '2026-03', before: null }] });

      const before = await dumpTables(db);
      expect(await setMonthKpis(as('2026-03-10T11:00:00Z'), '2026-03', { ...figures })).toEqual({ month: '2026-03', created: false });
      expect(await dumpTables(db)).toEqual(before);
      expect((await trail(db)).version).toBe(1);

      await setMonthKpis(as('2026-03-10T12:00:00Z'), '2026-03', { callSetupSeconds: 2.1, callSuccessRatio: 99.2 });
      expect(await stored()).toEqual([{ month: '2026-03', callSetupSeconds: 2.1, callSuccessRatio: 99.2 }]);
      expect(await trail(db, 1)).toMatchObject({ actions: ['kpis.set'], version: 2, rows: [{ before: { callSetupSeconds: 1.8 }, after: { callSetupSeconds: 2.1 } }] });
    });

    it('refuses a month that has not begun in Amsterdam, a malformed month and figures out of range', async () => {
      const april = await refusedWithoutWriting(db, () => setMonthKpis(as(T0), '2026-04', figures));
      expect(april).toMatchObject({ code: 'rule_broken', fields: [{ path: 'month' }] });
      // DST began on 29 March: 31 March 21:59:59Z is 23:59:59 CEST, still March; 22:00Z is 1 April 00:00 CEST.
      expect((await refusedWithoutWriting(db, () => setMonthKpis(as('2026-03-31T21:59:59Z'), '2026-04', figures))).code).toBe('rule_broken');
      expect(await setMonthKpis(as('2026-03-31T22:00:00Z'), '2026-04', figures)).toEqual({ month: '2026-04', created: true });

      expect(await refusedWithoutWriting(db, () => setMonthKpis(as(T0), '2026-13', figures))).toMatchObject({ code: 'invalid', fields: [{ path: 'month' }] });
      expect(await refusedWithoutWriting(db, () => setMonthKpis(as(T0), '2026-02', { ...figures, callSuccessRatio: 100.1 }))).toMatchObject({ code: 'invalid', fields: [{ path: 'callSuccessRatio' }] });
      expect(await refusedWithoutWriting(db, () => setMonthKpis(as(T0), '2026-02', { callSetupSeconds: -1, callSuccessRatio: 99 }))).toMatchObject({ code: 'invalid', fields: [{ path: 'callSetupSeconds' }] });
      const noScope = { ...noc, token: { ...noc.token!, scopes: ['outages' as const] } };
      expect((await refusedWithoutWriting(db, () => setMonthKpis(context(db, noScope, T0), '2026-02', figures))).code).toBe('forbidden');
    });
  });

  describe('Alertmanager', () => {
    // As Alertmanager sends them: nanosecond startsAt, and endsAt 0001-01-01 while firing.
    const sbcDown = { status: 'firing', labels: { alertname: 'SbcDown', product: 'voipnow', severity: 'critical' }, annotations: {}, startsAt: '2026-03-10T09:55:00.123456789Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus/graph', fingerprint: 'a1b2c3d4e5f60718' };
    const payload = (...alerts: object[]) => ({ version: '4', groupKey: '{}:{}', truncatedAlerts: 0, status: 'firing', receiver: 'status-page', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://alertmanager', alerts });
    const KEY = 'alertmanager:a1b2c3d4e5f60718:2026-03-10T09:55:00.123Z';
    const byKey = async (externalId: string) => (await db.select().from(outages).where(eq(outages.externalId, externalId)))[0];
    const resource = async (externalId: string) => outageResource(db, (await byKey(externalId))!.id);

    it('opens an outage for a firing alert, changes nothing on a repeat, and ends it at endsAt once resolved', async () => {
      expect(await receiveAlerts(as(T0), settings, payload(sbcDown))).toEqual({ opened: 1, ended: 0, unchanged: 0, skipped: [] });
      expect(await resource(KEY)).toMatchObject({ externalId: KEY, product: 'voipnow', impact: 'major_outage', source: 'alertmanager', start: new Date('2026-03-10T09:55:00.123Z'), end: null, note: 'SbcDown', version: 1 });
      expect(await trail(db)).toMatchObject({ actions: ['alertmanager.receive'], version: 1, rows: [{ actor: `user:${noc.userId}`, tokenPrefix: 'vzs_test0001' }] });

      const before = await dumpTables(db);
      expect(await receiveAlerts(as('2026-03-10T10:01:00Z'), settings, payload(sbcDown))).toEqual({ opened: 0, ended: 0, unchanged: 1, skipped: [] });
      expect(await dumpTables(db)).toEqual(before);

      const resolved = { ...sbcDown, status: 'resolved', endsAt: '2026-03-10T10:20:00Z' };
      expect(await receiveAlerts(as('2026-03-10T10:21:00Z'), settings, payload(resolved))).toEqual({ opened: 0, ended: 1, unchanged: 0, skipped: [] });
      expect(await resource(KEY)).toMatchObject({ end: new Date('2026-03-10T10:20:00Z'), version: 2 });
      expect(await trail(db, 1)).toMatchObject({ actions: ['alertmanager.receive'], version: 2 });
      expect(await receiveAlerts(as('2026-03-10T10:22:00Z'), settings, payload(resolved))).toEqual({ opened: 0, ended: 0, unchanged: 1, skipped: [] });
      expect((await trail(db)).version).toBe(2);
    });

    it('maps severities and the impact label, and reports alerts it cannot place instead of failing', async () => {
      const warning = { ...sbcDown, fingerprint: 'f2', labels: { product: '3cx', severity: 'warning' } };
      const labelled = { ...sbcDown, fingerprint: 'f3', labels: { product: 'teams-dr', severity: 'critical', impact: 'degraded_performance' } };
      const unknown = { ...sbcDown, fingerprint: 'f4', labels: { product: 'voipnowx', severity: 'critical' } };
      const unlabelled = { ...sbcDown, fingerprint: 'f5', labels: { alertname: 'DiskFull', severity: 'critical' } };
      const unmapped = { ...sbcDown, fingerprint: 'f6', labels: { product: 'voizplus', severity: 'info' } };
      const report = await receiveAlerts(as(T0), settings, payload(warning, labelled, unknown, unlabelled, unmapped));
      expect(report).toMatchObject({ opened: 2, ended: 0, unchanged: 0 });
      expect(report.skipped).toEqual([
        { fingerprint: 'f4', reason: '"voipnowx" is not a product of this status page' },
        { fingerprint: 'f5', reason: 'the alert has no "product" label' },
        { fingerprint: 'f6', reason: expect.stringContaining('severity "info" is not mapped') },
      ]);
      expect(await resource('alertmanager:f2:2026-03-10T09:55:00.123Z')).toMatchObject({ product: '3cx', impact: 'partial_outage' });
      expect(await resource('alertmanager:f3:2026-03-10T09:55:00.123Z')).toMatchObject({ product: 'teams-dr', impact: 'degraded_performance' });
      expect(await db.select().from(outages)).toHaveLength(2);

      // Only unplaceable alerts: a 200-style report, nothing written.
      const before = await dumpTables(db);
      expect((await receiveAlerts(as(T0), settings, payload(unknown))).skipped).toHaveLength(1);
      expect(await dumpTables(db)).toEqual(before);
    });

    it('opens and ends at once an alert first seen resolved, takes another product label, and refuses a bad payload or scope', async () => {
      const resolved = { ...sbcDown, status: 'resolved', endsAt: '2026-03-10T09:58:00Z', labels: { service: 'connectivity', severity: 'warning' } };
      expect(await receiveAlerts(as(T0), { ...settings, productLabel: 'service' }, payload(resolved))).toEqual({ opened: 1, ended: 1, unchanged: 0, skipped: [] });
      expect(await resource(KEY)).toMatchObject({ product: 'connectivity', impact: 'partial_outage', end: new Date('2026-03-10T09:58:00Z') });

      expect((await refusedWithoutWriting(db, () => receiveAlerts(as(T0), settings, { ...payload(sbcDown), version: '3' }))).code).toBe('invalid');
      const outagesOnly = { ...noc, token: { ...noc.token!, scopes: ['outages' as const] } };
      expect((await refusedWithoutWriting(db, () => receiveAlerts(context(db, outagesOnly, T0), settings, payload(sbcDown)))).code).toBe('forbidden');
    });
  });
});
