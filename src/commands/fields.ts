// The input fields every writer shares (history import, JSON API, console forms): one
// definition per field, so a rule and its wording exist once.
import { z } from 'zod';
import { isMonthKey } from '#src/time/zone.ts';
import { IMPACTS, INCIDENT_STATUSES, MAINTENANCE_TYPES } from '#src/domain/vocabulary.ts';

// Zod's default wording where no field names its own ("Invalid input: expected string,
// received undefined") reads as a bug to an API user; these say what to do.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') return issue.input === undefined ? 'is required' : `must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    if (issue.code === 'unrecognized_keys') return `is not a field here: ${issue.keys.join(', ')}`;
    return undefined;
  },
});

export const instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, e.g. 2026-03-29T01:30:00+01:00' })
  .transform((value) => new Date(value));
export const externalId = z
  .string()
  .min(1, 'must be a non-empty string')
  .max(200, 'must be at most 200 characters')
  .meta({ description: "The writer's own number (a change ticket, an NMS alarm), unique per kind: an import line with this id updates this row" });
export const slug = z.string().min(1, 'must be a product slug');
export const impact = z.enum(IMPACTS, { error: `must be one of ${IMPACTS.join(', ')}` });
export const worseThanOperational = impact.refine((v) => v !== 'operational', 'must be an impact worse than operational');
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const incidentStatus = z.enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(', ')}` });
export const incidentCategory = z.union([z.literal(1), z.literal(2)], { error: 'must be 1 or 2' });
export const maintenanceType = z.enum(MAINTENANCE_TYPES, { error: `must be one of ${MAINTENANCE_TYPES.join(', ')}` });
/** A calendar month, "2026-03". */
export const month = z.string().refine(isMonthKey, 'must be a month written YYYY-MM');
export const callSetupSeconds = z.number({ error: 'must be a number' }).min(0, 'must be 0 or more');
export const callSuccessRatio = z.number({ error: 'must be a number' }).min(0, 'must be from 0 to 100').max(100, 'must be from 0 to 100');
/** Impacts per product slug. */
export const impacts = z.record(slug, impact);
