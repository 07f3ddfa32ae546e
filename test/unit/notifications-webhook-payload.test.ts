// The webhook body (src/notifications/channels/webhook/payload.ts), shaped like Atlassian
// Statuspage's webhooks: meta, page (indicator from the worst product status), the
// incident with its updates newest first and Statuspage's impact words, a maintenance
// with its windows, a component_update; times in Amsterdam with their offset.
import { describe, expect, it } from 'vitest';
import { webhookBody } from '#src/notifications/channels/webhook/payload.ts';
import { ids } from '#src/statuspage/mapping.ts';
import { incidentOpened, maintenanceRescheduled, reportPublished, SITE } from '../support/notification-events.ts';

const generated = new Date('2026-03-10T10:05:01.000Z');

describe('the webhook body', () => {
  it('carries an incident as Statuspage does', () => {
    const body = JSON.parse(webhookBody(incidentOpened, SITE, generated));
    expect(body.meta).toEqual({ event: 'incident.opened', generated_at: '2026-03-10T11:05:01.000+01:00', documentation: `${SITE}/subscribe` });
    expect(body.page).toEqual({ id: ids.page(SITE), url: SITE, status_indicator: 'critical', status_description: 'Major Service Outage' });
    expect(body.incident).toEqual({
      id: 'incident-12',
      name: 'Storing 3CX',
      name_en: '3CX outage',
      status: 'investigating',
      impact: 'critical',
      category: 2,
      created_at: '2026-03-10T11:00:00.000+01:00',
      updated_at: '2026-03-10T11:05:00.000+01:00',
      resolved_at: null,
      shortlink: `${SITE}/incidents/12`,
      components: [{ id: 'product-3cx', name: '3CX', status: 'major_outage' }],
      incident_updates: [
        {
          id: 'incident-update-31',
          incident_id: 'incident-12',
          status: 'investigating',
          body: 'We onderzoeken een storing.',
          body_en: 'We are investigating.',
          created_at: '2026-03-10T11:05:00.000+01:00',
          display_at: '2026-03-10T11:05:00.000+01:00',
          affected_components: [{ code: 'product-3cx', new_status: 'major_outage' }],
        },
      ],
    });
    expect(body.maintenance).toBeUndefined();
  });

  it('carries a published incident report as Statuspage does: status postmortem and the postmortem keys', () => {
    const body = JSON.parse(webhookBody(reportPublished, SITE, generated));
    expect(body.meta.event).toBe('incident.report_published');
    expect(body.incident).toMatchObject({
      id: 'incident-12',
      status: 'postmortem',
      resolved_at: '2026-03-10T11:40:00.000+01:00',
      postmortem_body: 'Oorzaak: een defecte voeding.',
      postmortem_body_en: 'Cause: a failed power supply.',
      postmortem_published_at: '2026-03-10T14:00:00.000+01:00',
    });
    expect(JSON.parse(webhookBody(incidentOpened, SITE, generated)).incident).not.toHaveProperty('postmortem_body');
  });

  it('carries a rescheduled maintenance with its earlier window', () => {
    const body = JSON.parse(webhookBody(maintenanceRescheduled, SITE, generated));
    expect(body.page.status_indicator).toBe('none');
    expect(body.maintenance).toMatchObject({
      id: 'maintenance-7',
      type: 'regular',
      status: 'scheduled',
      scheduled_for: '2026-03-27T20:00:00.000+01:00',
      scheduled_until: '2026-03-27T23:00:00.000+01:00',
      previously_scheduled: { for: '2026-03-20T20:00:00.000+01:00', until: '2026-03-20T23:00:00.000+01:00' },
      expected_impact: 'partial_outage',
      shortlink: `${SITE}/maintenance/7`,
      components: [{ id: 'product-voizplus', name: 'voizplus' }],
    });
  });

  it('carries a product status change as component_update', () => {
    const payload = { kind: 'component.updated' as const, products: [{ id: 1, slug: 'voipnow', name: { nl: 'VOIPNOW', en: 'VOIPNOW' } }], overall: 'partial_outage' as const, component: { slug: 'voipnow', oldStatus: 'operational' as const, newStatus: 'partial_outage' as const } };
    const body = JSON.parse(webhookBody(payload, SITE, generated));
    expect(body.component_update).toEqual({ created_at: '2026-03-10T11:05:01.000+01:00', old_status: 'operational', new_status: 'partial_outage', component_id: 'product-voipnow' });
    expect(body.component).toEqual({ id: 'product-voipnow', name: 'VOIPNOW', status: 'partial_outage' });
    expect(body.page.status_indicator).toBe('major');
  });
});
