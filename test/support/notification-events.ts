// Outbox events as the commands write them (src/outbox/events.ts), for the tests of what
// the channels make of them: an incident on 3CX and a rescheduled maintenance of voizplus,
// on Tuesday 10 March 2026 (CET).
import type { EventPayload } from '#src/outbox/events.ts';
import type { StoredEvent } from '#src/notifications/channels/channel.ts';

export const SITE = 'https://status.example.nl';

/** Opened 11:00 CET, its first update 11:05 CET: 3CX down, VOIPNOW fine. */
export const incidentOpened: EventPayload = {
  kind: 'incident.opened',
  products: [{ id: 2, slug: '3cx', name: { nl: '3CX', en: '3CX' } }],
  overall: 'major_outage',
  statuses: { voipnow: 'operational', '3cx': 'major_outage' },
  incident: {
    id: 12,
    title: 'Storing 3CX',
    titleEn: '3CX outage',
    category: 2,
    status: 'investigating',
    reportedAt: '2026-03-10T10:00:00.000Z',
    resolvedAt: null,
    updates: [{ id: 31, status: 'investigating', message: 'We onderzoeken een storing.', messageEn: 'We are investigating.', publishedAt: '2026-03-10T10:05:00.000Z', impacts: { '3cx': 'major_outage' } }],
  },
};

/** Moved from Friday 20 March to Friday 27 March 2026, 20:00–23:00 CET. */
export const maintenanceRescheduled: EventPayload = {
  kind: 'maintenance.rescheduled',
  products: [{ id: 5, slug: 'voizplus', name: { nl: 'voizplus', en: 'voizplus' } }],
  overall: 'operational',
  statuses: { voizplus: 'operational' },
  maintenance: {
    id: 7,
    type: 'regular',
    title: 'Regulier onderhoud voizplus',
    titleEn: 'Regular maintenance voizplus',
    description: 'Update van de SBC.',
    descriptionEn: 'SBC update.',
    start: '2026-03-27T19:00:00.000Z',
    end: '2026-03-27T22:00:00.000Z',
    state: 'scheduled',
    expectedImpact: 'partial_outage',
    cancelReason: null,
    previous: { start: '2026-03-20T19:00:00.000Z', end: '2026-03-20T22:00:00.000Z' },
  },
};

/** The report of the incident above, resolved at 11:40 CET, published at 14:00 CET. */
export const reportPublished: EventPayload = {
  ...incidentOpened,
  kind: 'incident.report_published',
  incident: { ...incidentOpened.incident!, status: 'resolved', resolvedAt: '2026-03-10T10:40:00.000Z' },
  report: { body: 'Oorzaak: een defecte voeding.', bodyEn: 'Cause: a failed power supply.', publishedAt: '2026-03-10T13:00:00.000Z' },
};

export const stored = (payload: EventPayload, id = 40, createdAt = new Date('2026-03-10T10:05:01.000Z')): StoredEvent => ({ id, kind: payload.kind, payload, createdAt });
