// A collective incident as a Statuspage incident: the NOC's updates newest first, each
// with the components whose status it changed (old and new status, from the stored
// per-update snapshots), the incident's impact from its worst impact on any product, and
// the affected products as full component objects. A published report makes the incident
// 'postmortem', as Statuspage does: its text is the newest update and the postmortem keys. Pure.
import { STATUS_RANK, type Impact, type ProductStatus } from '#src/domain/vocabulary.ts';
import { localePath, localized, type Locale } from '#src/i18n/locale.ts';
import type { IncidentUpdateView, IncidentView, PublishedReport } from '#src/incidents/queries.ts';
import type { AffectedComponent, Component, Incident, IncidentPostmortem, IncidentUpdate } from './documents.ts';
import { COMPONENT_STATUS, INCIDENT_IMPACT, ids, timestamp } from './mapping.ts';

export interface DocumentContext {
  pageId: string;
  siteUrl: string;
  locale: Locale;
  /** The component of each product slug, in catalogue order (components.json's objects). */
  components: ReadonlyMap<string, Component>;
}

export function buildIncident(incident: IncidentView, context: DocumentContext): Incident & IncidentPostmortem {
  const id = ids.incident(incident.id);
  // Updates come newest first; each one's predecessor is the next in the list.
  const updates = incident.updates.map((update, index) => buildUpdate(update, incident.updates[index + 1], id, context));
  const postmortem = incident.report && postmortemUpdate(incident.report, id, context);
  const monitoring = incident.updates.find((u) => u.status === 'monitoring');
  const report = incident.report ? [+incident.report.publishedAt, +(incident.report.editedAt ?? 0)] : [];
  const moments = [+incident.reportedAt, ...report, ...incident.updates.flatMap((u) => [+u.publishedAt, u.editedAt ? +u.editedAt : 0])];
  return {
    id,
    name: localized(incident.title, incident.titleEn, context.locale),
    status: postmortem ? 'postmortem' : incident.status,
    created_at: timestamp(incident.reportedAt),
    updated_at: timestamp(Math.max(...moments)),
    monitoring_at: monitoring ? timestamp(monitoring.publishedAt) : null,
    resolved_at: incident.resolvedAt ? timestamp(incident.resolvedAt) : null,
    impact: INCIDENT_IMPACT[worstImpact(Object.values(incident.worstImpacts))],
    shortlink: `${context.siteUrl}${localePath(context.locale, `/incidents/${incident.id}`)}`,
    started_at: timestamp(incident.reportedAt),
    page_id: context.pageId,
    incident_updates: postmortem ? [postmortem, ...updates] : updates,
    components: componentsOf(
      Object.entries(incident.worstImpacts).filter(([, impact]) => impact !== 'operational').map(([slug]) => slug),
      context,
    ),
    postmortem_body: postmortem?.body ?? null,
    postmortem_body_last_updated_at: postmortem?.updated_at ?? null,
    postmortem_published_at: postmortem?.display_at ?? null,
    postmortem_ignored: false,
    // Subscribers are told of every publication (src/notifications).
    postmortem_notified_subscribers: postmortem !== null,
    postmortem_notified_twitter: false,
  };
}

/** The published report as Statuspage's newest update, status 'postmortem'. */
function postmortemUpdate(report: PublishedReport, incidentId: string, context: DocumentContext): IncidentUpdate {
  return {
    id: `${incidentId}-postmortem`,
    status: 'postmortem',
    body: localized(report.body, report.bodyEn, context.locale),
    incident_id: incidentId,
    created_at: timestamp(report.publishedAt),
    updated_at: timestamp(report.editedAt ?? report.publishedAt),
    display_at: timestamp(report.publishedAt),
    affected_components: null,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

function buildUpdate(update: IncidentUpdateView, previous: IncidentUpdateView | undefined, incidentId: string, context: DocumentContext): IncidentUpdate {
  return {
    id: ids.incidentUpdate(update.id),
    status: update.status,
    body: localized(update.message, update.messageEn, context.locale),
    incident_id: incidentId,
    created_at: timestamp(update.publishedAt),
    updated_at: timestamp(update.editedAt && update.editedAt > update.publishedAt ? update.editedAt : update.publishedAt),
    display_at: timestamp(update.publishedAt),
    affected_components: affectedComponents(previous, update, context),
    // Every update goes out on the page and its feeds.
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** The products whose status this update changed; null when it changed none. */
function affectedComponents(previous: IncidentUpdateView | undefined, update: IncidentUpdateView, context: DocumentContext): AffectedComponent[] | null {
  const before = statusesAfter(previous);
  const after = statusesAfter(update);
  const changed: AffectedComponent[] = [];
  for (const [slug, component] of context.components) {
    const oldStatus = before[slug] ?? 'operational';
    const newStatus = after[slug] ?? 'operational';
    if (oldStatus !== newStatus) changed.push({ code: component.id, name: component.name, old_status: COMPONENT_STATUS[oldStatus], new_status: COMPONENT_STATUS[newStatus] });
  }
  return changed.length > 0 ? changed : null;
}

/** The impacts in force after an update: its snapshot, or nothing once resolved. */
function statusesAfter(update: IncidentUpdateView | undefined): Record<string, ProductStatus> {
  return !update || update.status === 'resolved' ? {} : update.impacts;
}

function worstImpact(impacts: Iterable<Impact>): Impact {
  let worst: Impact = 'operational';
  for (const impact of impacts) if (STATUS_RANK[impact] > STATUS_RANK[worst]) worst = impact;
  return worst;
}

/** Full component objects of the given product slugs, in catalogue order. */
export function componentsOf(slugs: Iterable<string>, context: DocumentContext): Component[] {
  const wanted = new Set(slugs);
  return [...context.components].filter(([slug]) => wanted.has(slug)).map(([, component]) => component);
}
