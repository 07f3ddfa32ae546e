// Announced (and unannounced) maintenance as Statuspage scheduled maintenances: the
// state read off the clock (scheduled, in progress, completed), the window as
// scheduled_for/scheduled_until, and updates for what happened: the announcement, the
// window opening, its end. Cancelled maintenance has no Statuspage state and is left out
// (src/statuspage/mapping.ts). Pure.
import { localePath, localized } from '#src/i18n/locale.ts';
import type { MaintenanceView } from '#src/maintenance/queries.ts';
import type { AffectedComponent, ComponentStatus, IncidentUpdate, MaintenanceStatus, ScheduledMaintenance } from './documents.ts';
import { componentsOf, type DocumentContext } from './incidents.ts';
import { MAINTENANCE_STATUS, ids, timestamp } from './mapping.ts';
import { MAINTENANCE_UPDATE_BODY } from './words.ts';

/**
 * The maintenances that have a Statuspage state, in the order given: not cancelled, and
 * not unannounced maintenance that has not begun (it has nothing to show before then).
 */
export function buildScheduledMaintenances(list: readonly MaintenanceView[], context: DocumentContext): ScheduledMaintenance[] {
  return list.flatMap((m) => {
    if (m.state === 'cancelled' || (m.state === 'scheduled' && !m.announcedAt)) return [];
    return [buildScheduledMaintenance({ ...m, state: m.state }, context)];
  });
}

type ShownMaintenance = MaintenanceView & { state: Exclude<MaintenanceView['state'], 'cancelled'> };

function buildScheduledMaintenance(m: ShownMaintenance, context: DocumentContext): ScheduledMaintenance {
  const id = ids.maintenance(m.id);
  const status = MAINTENANCE_STATUS[m.state];
  const components = componentsOf(m.products, context);
  const words = MAINTENANCE_UPDATE_BODY[context.locale];
  const moved = (from: ComponentStatus, to: ComponentStatus): AffectedComponent[] | null =>
    components.length > 0 ? components.map((c) => ({ code: c.id, name: c.name, old_status: from, new_status: to })) : null;
  const update = (step: Exclude<MaintenanceStatus, 'verifying'>, at: Date, affected: AffectedComponent[] | null): IncidentUpdate<MaintenanceStatus> => ({
    id: ids.maintenanceUpdate(m.id, step),
    status: step,
    body: words[step](localized(m.description, m.descriptionEn, context.locale)),
    incident_id: id,
    created_at: timestamp(at),
    updated_at: timestamp(at),
    display_at: timestamp(at),
    affected_components: affected,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  });
  // Oldest first here, newest first in the document.
  const updates: IncidentUpdate<MaintenanceStatus>[] = [];
  // Unannounced maintenance was never announced: it begins with its window.
  if (m.announcedAt) updates.push(update('scheduled', m.announcedAt, moved('operational', 'operational')));
  if (status !== 'scheduled') updates.push(update('in_progress', m.windowStart, moved('operational', 'under_maintenance')));
  if (status === 'completed') updates.push(update('completed', m.windowEnd, moved('under_maintenance', 'operational')));
  const newest = updates.at(-1)!;
  return {
    id,
    name: localized(m.title, m.titleEn, context.locale),
    status,
    created_at: timestamp(m.announcedAt ?? m.windowStart),
    updated_at: newest.created_at,
    monitoring_at: null,
    // The NOC completing early moves the window's end to that moment.
    resolved_at: status === 'completed' ? timestamp(m.windowEnd) : null,
    impact: 'maintenance',
    shortlink: `${context.siteUrl}${localePath(context.locale, `/maintenance/${m.id}`)}`,
    started_at: timestamp(m.windowStart),
    page_id: context.pageId,
    incident_updates: updates.reverse(),
    components,
    scheduled_for: timestamp(m.windowStart),
    scheduled_until: timestamp(m.windowEnd),
  };
}
