// The history import format (docs/import.md): what the network management
// system or a previous status page hands over. Parsed with zod so every error carries its
// JSON path and the rule broken. Times are ISO 8601 with an offset; items carry an external
// `id` so importing the same file twice changes nothing.
import { z } from 'zod';
import {
  callSetupSeconds,
  callSuccessRatio,
  externalId,
  impact,
  impacts,
  incidentCategory,
  incidentStatus,
  instant,
  maintenanceType,
  month,
  slug,
  text,
  worseThanOperational,
} from '#src/commands/fields.ts';
import { INCIDENT_STATUSES, OUTAGE_SOURCES, type IncidentStatus } from '#src/domain/vocabulary.ts';

// Zod skips an object's cross-field rules as soon as any of its fields is wrong, and an
// array's rules as soon as any item is: a file would then show its problems a few at a
// time. These conditions run a rule whenever what it reads parsed, so one attempt
// reports every problem. (Fields that failed keep their raw value in the payload.)
const issuePaths = (payload: z.core.ParsePayload) => payload.issues.map((issue) => issue.path ?? []);
/** An object rule reading `fields` runs when the value is an object and those fields parsed. */
const whenParsed = (...fields: string[]) => ({
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !issuePaths(payload).some((path) => path.length === 0 || fields.includes(String(path[0]))),
});
/** An array rule runs whenever the value is an array, whatever its items hold. */
const whenArray = { when: (payload: z.core.ParsePayload) => Array.isArray(payload.value) };

const outage = z
  .object({
    id: externalId,
    product: slug,
    start: instant,
    end: instant.optional(),
    impact: worseThanOperational,
    source: z.enum(OUTAGE_SOURCES).default('import'),
    note: z.string().max(2000).optional(),
  })
  .refine((o) => !o.end || o.end > o.start, { path: ['end'], message: 'must be later than start', ...whenParsed('start', 'end') });

const maintenance = z
  .object({
    id: externalId,
    type: maintenanceType,
    title: text(200),
    titleEn: text(200).optional(),
    description: z.string().max(5000).default(''),
    descriptionEn: z.string().max(5000).optional(),
    products: z.array(slug).min(1, 'must name at least one product'),
    announcedAt: instant.optional(),
    start: instant,
    end: instant,
    expectedImpact: impact.default('major_outage'),
    cancelled: z.boolean().default(false),
    cancelReason: text(1000).optional(),
    /** When the cancellation was announced; defaults to the announcement itself. */
    cancelledAt: instant.optional(),
    completed: z.boolean().optional(),
    overrideReason: text(1000).optional(),
  })
  .refine((m) => m.end > m.start, { path: ['end'], message: 'must be later than start', ...whenParsed('start', 'end') })
  .refine((m) => m.type === 'unannounced' || m.announcedAt, {
    path: ['announcedAt'],
    message: 'is required for announced maintenance (regular, necessary, emergency)',
    ...whenParsed('type', 'announcedAt'),
  })
  .refine((m) => m.type !== 'unannounced' || !m.announcedAt, {
    path: ['announcedAt'],
    message: 'must be absent for unannounced maintenance',
    ...whenParsed('type', 'announcedAt'),
  })
  .refine((m) => m.cancelled || m.cancelledAt === undefined, {
    path: ['cancelledAt'],
    message: 'is only for a cancelled maintenance',
    ...whenParsed('cancelled', 'cancelledAt'),
  })
  .refine((m) => !m.cancelledAt || !m.announcedAt || m.cancelledAt >= m.announcedAt, {
    path: ['cancelledAt'],
    message: 'must not be before announcedAt',
    ...whenParsed('cancelledAt', 'announcedAt'),
  })
  .refine((m) => !(m.cancelled && m.completed), {
    path: ['completed'],
    message: 'cannot be true for a cancelled maintenance',
    ...whenParsed('cancelled', 'completed'),
  });

const update = z.object({
  at: instant,
  status: incidentStatus,
  message: text(10_000),
  messageEn: text(10_000).optional(),
  impacts: impacts.default({}),
});

/**
 * The published report (reason for outage) of a resolved incident. Only published ones:
 * a draft is the NOC's unfinished text, finished and published in the console (which
 * tells subscribers). Strict, so that `"published": false` is refused rather than
 * silently published.
 */
const report = z
  .strictObject({
    body: text(50_000),
    bodyEn: text(50_000).optional(),
    publishedAt: instant,
    /** The latest correction; without it, a changed text is marked edited at the import. */
    editedAt: instant.optional(),
  })
  .refine((r) => !r.editedAt || r.editedAt > r.publishedAt, { path: ['editedAt'], message: 'must be later than publishedAt', ...whenParsed('publishedAt', 'editedAt') });

const incident = z
  .object({
    id: externalId,
    title: text(200),
    titleEn: text(200).optional(),
    category: incidentCategory,
    reportedAt: instant,
    updates: z.array(update).min(1, 'must hold at least one update'),
    report: report.optional(),
  })
  .superRefine(
    (i, ctx) => {
      // Runs even when some update is wrong: an update's time is compared only when it
      // (and the time it is compared with) parsed, i.e. became a Date.
      const parsedAt = (value: unknown) => (value instanceof Date ? value : null);
      i.updates.forEach((u, n) => {
        const at = parsedAt(u?.at);
        const reportedAt = parsedAt(i.reportedAt);
        if (at && reportedAt && at < reportedAt)
          ctx.addIssue({ code: 'custom', path: ['updates', n, 'at'], message: 'must not be before reportedAt' });
        const previous = i.updates[n - 1];
        const previousAt = parsedAt(previous?.at);
        if (at && previousAt && at < previousAt)
          ctx.addIssue({ code: 'custom', path: ['updates', n, 'at'], message: 'must not be before the previous update' });
        if (previous?.status === 'resolved')
          ctx.addIssue({ code: 'custom', path: ['updates', n], message: 'must not follow an update with status resolved' });
      });
      // A report is written after the resolution: about a resolved incident, dated after it.
      const last = i.updates.at(-1);
      if (!i.report || !INCIDENT_STATUSES.includes(last?.status as IncidentStatus)) return;
      if (last!.status !== 'resolved') {
        ctx.addIssue({ code: 'custom', path: ['report'], message: 'is only for a resolved incident (its last update has status resolved)' });
        return;
      }
      const publishedAt = parsedAt(i.report.publishedAt);
      const resolvedAt = parsedAt(last!.at);
      if (publishedAt && resolvedAt && publishedAt < resolvedAt)
        ctx.addIssue({ code: 'custom', path: ['report', 'publishedAt'], message: `must not be before the resolution (updates[${i.updates.length - 1}].at)` });
    },
    {
      when: (payload) =>
        typeof payload.value === 'object' &&
        payload.value !== null &&
        Array.isArray((payload.value as { updates?: unknown }).updates) &&
        !issuePaths(payload).some((path) => path.length === 0 || (path[0] === 'updates' && path.length === 1)),
    },
  );

const kpi = z.object({ month, callSetupSeconds, callSuccessRatio });

/** Items repeating the string `field` of an earlier item; items whose field is no string are left to their own errors. */
const uniqueBy = (field: string) => (items: unknown[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, n) => {
    const k = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined;
    if (typeof k !== 'string') return;
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [n], message: `repeats the ${field} "${k}"` });
    seen.add(k);
  });
};

export const importDocument = z.strictObject({
  $comment: z.string().optional(),
  products: z.array(z.object({ slug, measuredSince: instant })).default([]).superRefine(uniqueBy('slug'), whenArray),
  outages: z.array(outage).default([]).superRefine(uniqueBy('id'), whenArray),
  maintenances: z.array(maintenance).default([]).superRefine(uniqueBy('id'), whenArray),
  incidents: z.array(incident).default([]).superRefine(uniqueBy('id'), whenArray),
  kpis: z.array(kpi).default([]).superRefine(uniqueBy('month'), whenArray),
});

/** What import files contain, before parsing (dates as strings). */
export type ImportInput = z.input<typeof importDocument>;
/** A parsed import document (dates as Date). */
export type ImportDocument = z.output<typeof importDocument>;
export type ImportIncident = ImportDocument['incidents'][number];
export type ImportMaintenance = ImportDocument['maintenances'][number];
export type ImportReport = NonNullable<ImportIncident['report']>;

export interface ImportProblem {
  /** JSON path, e.g. "incidents[0].updates[2].at". */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
