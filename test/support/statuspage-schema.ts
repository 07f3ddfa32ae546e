// The Statuspage API v2 documents as zod schemas, written from docs/statuspage-v2.md
// (not from our code): every required key, its type and its values, and the rules
// consumers rely on (a group has child ids and no parent, the newest update's status is
// the incident's, resolved_at exactly when resolved or completed, string ids, RFC 3339
// times with an offset). Objects are strict: a misspelt key fails as an unknown one.
// Plus our own availability.json.
import { z } from 'zod';

const id = z.string().min(1);
/** RFC 3339 with an offset or Z, e.g. 2026-03-04T10:00:00.000+01:00. */
const time = z.iso.datetime({ offset: true });
const ianaZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
}, 'must be an IANA time zone name');

export const page = z.strictObject({ id, name: z.string().min(1), url: z.url(), time_zone: ianaZone, updated_at: time });

export const indicators = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export const status = z.strictObject({ indicator: z.enum(indicators), description: z.string().min(1) });

export const componentStatuses = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
const componentStatus = z.enum(componentStatuses);

const componentFields = {
  id,
  name: z.string().min(1),
  status: componentStatus,
  created_at: time,
  updated_at: time,
  position: z.number().int(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  page_id: id,
  only_show_if_degraded: z.boolean(),
};
export const component = z.discriminatedUnion('group', [
  z.strictObject({ ...componentFields, group: z.literal(true), group_id: z.null(), components: z.array(id) }),
  z.strictObject({ ...componentFields, group: z.literal(false), group_id: id.nullable() }),
]);
export type SchemaComponent = z.infer<typeof component>;

const affectedComponent = z.strictObject({ code: id, name: z.string().min(1), old_status: componentStatus, new_status: componentStatus });

const update = <S extends readonly [string, ...string[]]>(statuses: S) =>
  z.strictObject({
    id,
    status: z.enum(statuses),
    body: z.string(),
    incident_id: id,
    created_at: time,
    updated_at: time,
    display_at: time,
    affected_components: z.array(affectedComponent).nullable(),
    deliver_notifications: z.boolean(),
    custom_tweet: z.null(),
    tweet_id: z.null(),
  });

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'] as const;
export const unresolvedStatuses = ['investigating', 'identified', 'monitoring'] as const;
export const impacts = ['none', 'minor', 'major', 'critical'] as const;

const incidentFields = {
  id,
  name: z.string().min(1),
  created_at: time,
  updated_at: time,
  monitoring_at: time.nullable(),
  resolved_at: time.nullable(),
  shortlink: z.url(),
  started_at: time,
  page_id: id,
  components: z.array(component),
};

/** Newest first, and the newest one's status is the incident's. */
const newestFirst = (i: { status: string; incident_updates: { status: string; display_at: string; incident_id: string }[] }, ctx: z.RefinementCtx, incidentId: string) => {
  const times = i.incident_updates.map((u) => Date.parse(u.display_at));
  if (times.some((t, n) => n > 0 && t > times[n - 1]!)) ctx.addIssue({ code: 'custom', message: 'incident_updates must be newest first' });
  if (i.incident_updates[0]?.status !== i.status) ctx.addIssue({ code: 'custom', message: "the newest update's status must be the incident's" });
  if (i.incident_updates.some((u) => u.incident_id !== incidentId)) ctx.addIssue({ code: 'custom', message: 'every update must name its incident' });
};

/**
 * The postmortem keys of Statuspage's incident object (its API's Incident model:
 * postmortem_body, postmortem_body_last_updated_at, postmortem_published_at,
 * postmortem_ignored, postmortem_notified_subscribers, postmortem_notified_twitter).
 */
const postmortemFields = {
  postmortem_body: z.string().min(1).nullable(),
  postmortem_body_last_updated_at: time.nullable(),
  postmortem_published_at: time.nullable(),
  postmortem_ignored: z.boolean(),
  postmortem_notified_subscribers: z.boolean(),
  postmortem_notified_twitter: z.boolean(),
};

export const incident = z
  .strictObject({ ...incidentFields, ...postmortemFields, status: z.enum(incidentStatuses), impact: z.enum(impacts), incident_updates: z.array(update(incidentStatuses)).min(1) })
  .superRefine((i, ctx) => {
    newestFirst(i, ctx, i.id);
    const resolved = i.status === 'resolved' || i.status === 'postmortem';
    if (resolved !== (i.resolved_at !== null)) ctx.addIssue({ code: 'custom', message: 'resolved_at must be set exactly when resolved' });
    // A published postmortem is what makes the status 'postmortem', and it has a body and a time.
    const published = i.postmortem_published_at !== null;
    if ((i.status === 'postmortem') !== published) ctx.addIssue({ code: 'custom', message: "status must be 'postmortem' exactly when a postmortem is published" });
    if (published !== (i.postmortem_body !== null) || published !== (i.postmortem_body_last_updated_at !== null)) {
      ctx.addIssue({ code: 'custom', message: 'postmortem_body and its times are set together' });
    }
  });

export const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;

export const scheduledMaintenance = z
  .strictObject({
    ...incidentFields,
    status: z.enum(maintenanceStatuses),
    impact: z.enum([...impacts, 'maintenance']),
    incident_updates: z.array(update(maintenanceStatuses)).min(1),
    scheduled_for: time,
    scheduled_until: time,
  })
  .superRefine((m, ctx) => {
    newestFirst(m, ctx, m.id);
    if ((m.status === 'completed') !== (m.resolved_at !== null)) ctx.addIssue({ code: 'custom', message: 'resolved_at must be set only when completed' });
    if (Date.parse(m.scheduled_until) < Date.parse(m.scheduled_for)) ctx.addIssue({ code: 'custom', message: 'scheduled_until must not be before scheduled_for' });
  });

const onlyStatuses = <T extends { status: string }>(list: readonly string[]) => (items: T[]) => items.every((i) => list.includes(i.status));

/** Groups do not nest; every child id names a component whose group_id is the group. */
const components = z.array(component).superRefine((list, ctx) => {
  const byId = new Map(list.map((c) => [c.id, c]));
  if (byId.size !== list.length) ctx.addIssue({ code: 'custom', message: 'component ids must be unique' });
  for (const c of list) {
    if (c.group) {
      for (const child of c.components) {
        const found = byId.get(child);
        if (!found || found.group || found.group_id !== c.id) ctx.addIssue({ code: 'custom', message: `group ${c.id} lists ${child}, which is not its component` });
      }
    } else if (c.group_id !== null && byId.get(c.group_id)?.group !== true) {
      ctx.addIssue({ code: 'custom', message: `${c.id} names group ${c.group_id}, which is no group here` });
    }
  }
});

const unresolvedIncidents = z.array(incident).refine(onlyStatuses(unresolvedStatuses), 'must hold only unresolved incidents');
const upcoming = z.array(scheduledMaintenance).refine(onlyStatuses(['scheduled']), 'must hold only scheduled maintenance');
const active = z.array(scheduledMaintenance).refine(onlyStatuses(['in_progress', 'verifying']), 'must hold only maintenance in progress');
const upcomingOrActive = z.array(scheduledMaintenance).refine(onlyStatuses(['scheduled', 'in_progress', 'verifying']), 'must hold only upcoming or active maintenance');

export const summaryDocument = z.strictObject({ page, status, components, incidents: unresolvedIncidents, scheduled_maintenances: upcomingOrActive });
export const statusDocument = z.strictObject({ page, status });
export const componentsDocument = z.strictObject({ page, components });
export const incidentsDocument = z.strictObject({ page, incidents: z.array(incident).max(50) });
export const unresolvedDocument = z.strictObject({ page, incidents: unresolvedIncidents });
export const maintenancesDocument = z.strictObject({ page, scheduled_maintenances: z.array(scheduledMaintenance).max(50) });
export const upcomingDocument = z.strictObject({ page, scheduled_maintenances: upcoming });
export const activeDocument = z.strictObject({ page, scheduled_maintenances: active });

const percent = z.number().min(0).max(100);
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const availabilityDocument = z.strictObject({
  page,
  impact_weights: z.strictObject({
    operational: z.literal(0),
    degraded_performance: z.number().min(0).max(1),
    partial_outage: z.number().min(0).max(1),
    major_outage: z.number().min(0).max(1),
  }),
  months: z.array(monthKey).length(12),
  products: z.array(
    z.strictObject({
      id,
      slug: z.string().min(1),
      name: z.string().min(1),
      group_id: id,
      target: percent.nullable(),
      months: z
        .array(
          z.strictObject({
            month: monthKey,
            partial: z.boolean(),
            availability: percent.nullable(),
            target: percent.nullable(),
            met: z.boolean().nullable(),
            unplanned_minutes: z.number().min(0),
            planned_minutes: z.number().min(0),
            rolling_12_months: z.strictObject({ availability: percent.nullable(), met: z.boolean().nullable() }),
          }),
        )
        .length(12),
    }),
  ),
});

/** Each document by its path under /api/v2/, without ".json". */
export const DOCUMENT_SCHEMAS = {
  summary: summaryDocument,
  status: statusDocument,
  components: componentsDocument,
  incidents: incidentsDocument,
  'incidents/unresolved': unresolvedDocument,
  'scheduled-maintenances': maintenancesDocument,
  'scheduled-maintenances/upcoming': upcomingDocument,
  'scheduled-maintenances/active': activeDocument,
  availability: availabilityDocument,
} as const;

export type DocumentName = keyof typeof DOCUMENT_SCHEMAS;

/** Parses a document, failing with every problem and its path. */
export function expectValid(name: DocumentName, json: unknown): void {
  const result = DOCUMENT_SCHEMAS[name].safeParse(json);
  if (!result.success) {
    throw new Error(`${name}.json does not match its schema:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
}
