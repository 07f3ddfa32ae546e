// The webhook body, shaped like Atlassian Statuspage's webhooks so existing receivers
// understand it: `meta`, `page` (status_indicator, status_description) and `incident` with
// its `incident_updates` (newest first), or `maintenance` for maintenance events. Pure; the
// Statuspage words come from src/statuspage/mapping.ts, the one place that maps them.
import { IMPACTS, STATUS_RANK, type Impact } from '#src/domain/vocabulary.ts';
import { COMPONENT_STATUS, INCIDENT_IMPACT, ids, INDICATOR, INDICATOR_DESCRIPTION, timestamp } from '#src/statuspage/mapping.ts';
import type { EventPayload, IncidentSnapshot, MaintenanceSnapshot } from '#src/outbox/events.ts';

const worstImpact = (incident: IncidentSnapshot): Impact =>
  incident.updates.flatMap((u) => Object.values(u.impacts)).reduce<Impact>((worst, i) => (STATUS_RANK[i] > STATUS_RANK[worst] ? i : worst), IMPACTS[0]);

function incidentBody(incident: IncidentSnapshot, payload: EventPayload, siteUrl: string) {
  const last = incident.updates.at(-1)!;
  return {
    id: ids.incident(incident.id),
    name: incident.title,
    name_en: incident.titleEn,
    status: payload.report ? 'postmortem' : incident.status,
    impact: INCIDENT_IMPACT[worstImpact(incident)],
    category: incident.category,
    created_at: timestamp(new Date(incident.reportedAt)),
    updated_at: timestamp(new Date(last.publishedAt)),
    resolved_at: incident.resolvedAt ? timestamp(new Date(incident.resolvedAt)) : null,
    shortlink: `${siteUrl}/incidents/${incident.id}`,
    ...(payload.report && {
      postmortem_body: payload.report.body,
      postmortem_body_en: payload.report.bodyEn,
      postmortem_published_at: timestamp(new Date(payload.report.publishedAt)),
    }),
    components: payload.products.map((p) => ({ id: ids.product(p.slug), name: p.name.en, status: payload.statuses?.[p.slug] ?? null })),
    incident_updates: [...incident.updates].reverse().map((u) => ({
      id: ids.incidentUpdate(u.id),
      incident_id: ids.incident(incident.id),
      status: u.status,
      body: u.message,
      body_en: u.messageEn,
      created_at: timestamp(new Date(u.publishedAt)),
      display_at: timestamp(new Date(u.publishedAt)),
      affected_components: Object.entries(u.impacts).map(([slug, impact]) => ({ code: ids.product(slug), new_status: impact })),
    })),
  };
}

function maintenanceBody(maintenance: MaintenanceSnapshot, payload: EventPayload, siteUrl: string) {
  return {
    id: ids.maintenance(maintenance.id),
    name: maintenance.title,
    name_en: maintenance.titleEn,
    type: maintenance.type,
    status: maintenance.state,
    description: maintenance.description,
    description_en: maintenance.descriptionEn,
    scheduled_for: timestamp(new Date(maintenance.start)),
    scheduled_until: timestamp(new Date(maintenance.end)),
    previously_scheduled: maintenance.previous ? { for: timestamp(new Date(maintenance.previous.start)), until: timestamp(new Date(maintenance.previous.end)) } : null,
    expected_impact: maintenance.expectedImpact,
    cancel_reason: maintenance.cancelReason,
    shortlink: `${siteUrl}/maintenance/${maintenance.id}`,
    components: payload.products.map((p) => ({ id: ids.product(p.slug), name: p.name.en })),
  };
}

/** Statuspage's component_update: the product and its status before and after. */
function componentBody(payload: EventPayload, at: Date) {
  const { slug, oldStatus, newStatus } = payload.component!;
  const product = payload.products[0]!;
  return {
    component_update: { created_at: timestamp(at), old_status: COMPONENT_STATUS[oldStatus], new_status: COMPONENT_STATUS[newStatus], component_id: ids.product(slug) },
    component: { id: ids.product(slug), name: product.name.en, status: COMPONENT_STATUS[newStatus] },
  };
}

export function webhookBody(payload: EventPayload, siteUrl: string, generatedAt: Date): string {
  const indicator = INDICATOR[payload.overall ?? 'operational'];
  return JSON.stringify({
    meta: { event: payload.kind, generated_at: timestamp(generatedAt), documentation: `${siteUrl}/subscribe` },
    page: { id: ids.page(siteUrl), url: siteUrl, status_indicator: indicator, status_description: INDICATOR_DESCRIPTION[indicator] },
    ...(payload.incident && { incident: incidentBody(payload.incident, payload, siteUrl) }),
    ...(payload.maintenance && { maintenance: maintenanceBody(payload.maintenance, payload, siteUrl) }),
    ...(payload.component && componentBody(payload, generatedAt)),
  });
}
