// Current status per product, derived from open incidents and maintenance in progress.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportInput } from '#src/history-import/schema.ts';
import { loadCurrentHealth } from '#src/products/current-health.ts';
import { drivers, seededDatabase, type TestDatabase } from '../support/databases.ts';

const now = new Date('2026-11-25T14:00:00Z');

const history: ImportInput = {
  outages: [
    // Ongoing since 14:30 CET, no incident opened for it: connectivity is down now.
    { id: 'nms-open', product: 'connectivity', start: '2026-11-25T14:30:00+01:00', impact: 'major_outage' },
    // Ended before now (15:00 CET): no longer shown.
    { id: 'nms-over', product: 'voipnow', start: '2026-11-25T13:00:00+01:00', end: '2026-11-25T14:00:00+01:00', impact: 'major_outage' },
  ],
  incidents: [
    {
      id: 'resolved-voipnow',
      title: 'Storing VOIPNOW',
      category: 2,
      reportedAt: '2026-11-20T10:00:00+01:00',
      updates: [
        { at: '2026-11-20T10:10:00+01:00', status: 'investigating', message: 'We onderzoeken het.', impacts: { voipnow: 'major_outage' } },
        { at: '2026-11-20T11:00:00+01:00', status: 'resolved', message: 'Opgelost.' },
      ],
    },
    {
      id: 'open-3cx',
      title: 'Gesprekken naar mobiel vallen weg',
      category: 1,
      reportedAt: '2026-11-25T13:00:00+01:00',
      updates: [
        { at: '2026-11-25T13:05:00+01:00', status: 'investigating', message: 'Onderzoek.', impacts: { '3cx': 'major_outage', voizplus: 'degraded_performance' } },
        { at: '2026-11-25T14:00:00+01:00', status: 'identified', message: 'Oorzaak gevonden.', impacts: { '3cx': 'partial_outage' } },
      ],
    },
  ],
  maintenances: [
    {
      id: 'now-voizplus',
      type: 'emergency',
      title: 'Spoedonderhoud voizplus',
      products: ['voizplus', 'voizapps'],
      announcedAt: '2026-11-25T14:30:00+01:00',
      start: '2026-11-25T14:30:00+01:00',
      end: '2026-11-25T16:00:00+01:00',
    },
    {
      id: 'later-teams',
      type: 'necessary',
      title: 'Onderhoud Teams',
      products: ['teams-dr'],
      announcedAt: '2026-11-24T10:00:00+01:00',
      start: '2026-11-25T19:00:00+01:00',
      end: '2026-11-25T21:00:00+01:00',
    },
  ],
};

describe.each(drivers)('current health on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it('shows the worst open impact, maintenance in progress, and operational otherwise', async () => {
    const seeded = await seededDatabase(driver, { catalogueAt: new Date('2025-01-01T00:00:00Z'), history, now });
    database = seeded;
    const { db } = database.handle;
    expect(seeded.imported?.ok).toBe(true);

    const health = await loadCurrentHealth(db, now);
    const status = Object.fromEntries(health.groups.flatMap((g) => g.products.map((p) => [p.slug, p.status])));
    expect(status).toEqual({
      voipnow: 'operational', // its incident is resolved
      '3cx': 'partial_outage', // the latest update lowered major to partial
      'teams-dr': 'operational', // its maintenance starts at 19:00, after now (15:00 CET)
      connectivity: 'major_outage', // the recorded outage without an end
      voizplus: 'degraded_performance', // kept from the first update; outranks the maintenance
      voizapps: 'under_maintenance', // emergency window 14:30-16:00 CET holds now
    });
    expect(health.overall).toBe('major_outage');
    expect(health.groups.map((g) => g.products.length)).toEqual([3, 1, 2]);
  });
});
