// The zod inputs of the incident commands: the JSON API and the console forms parse with
// these, and the OpenAPI document is generated from them. Field names follow the import.
import { z } from 'zod';
import { externalId, impacts, incidentCategory, incidentStatus, instant, text } from '#src/commands/fields.ts';

const message = text(10_000);

export const createIncidentInput = z.strictObject({
  title: text(200),
  titleEn: text(200).optional(),
  category: incidentCategory,
  /** When the problem was reported; earlier than now for a late report. Default: now. */
  reportedAt: instant.optional(),
  status: incidentStatus.exclude(['resolved']).default('investigating'),
  message,
  messageEn: message.optional(),
  impacts: impacts.refine((v) => Object.keys(v).length > 0, 'must name at least one product'),
  externalId: externalId.optional(),
});

export const postUpdateInput = z.strictObject({
  status: incidentStatus,
  message,
  messageEn: message.optional(),
  /** A delta: only the products named change their impact; resolved ends every impact. */
  impacts: impacts.default({}),
  /** When the update went out; default now. Not before the previous update. */
  at: instant.optional(),
});

export const editIncidentInput = z
  .strictObject({
    title: text(200).optional(),
    /** null removes the English title. */
    titleEn: text(200).nullable().optional(),
    category: incidentCategory.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'must change at least one of title, titleEn, category');

export const correctUpdateInput = z
  .strictObject({
    message: message.optional(),
    messageEn: message.nullable().optional(),
    at: instant.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'must change at least one of message, messageEn, at');

/** The report (reason for outage) of a resolved incident: PUT /api/v1/incidents/{id}/postmortem. */
export const writeReportInput = z.strictObject({
  /** Plain text; a blank line starts a new paragraph. */
  body: text(50_000),
  /** null or absent: no English text (the page shows the Dutch one). */
  bodyEn: text(50_000).nullable().optional(),
  /** false keeps a draft (not public); true publishes it, or corrects the published report. */
  published: z.boolean({ error: 'must be true or false' }),
});

export type CreateIncidentInput = z.input<typeof createIncidentInput>;
