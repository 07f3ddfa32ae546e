// What the Statuspage import reads of a page's public JSON (docs/statuspage-v2.md): only
// the fields it uses, every other key left alone (real pages add keys over time), each
// time an RFC 3339 instant. A document that does not fit is refused with the path of
// each problem, before anything is converted.
import { z } from 'zod';

const id = z.string().min(1, 'must be a non-empty string');
/** RFC 3339 with an offset or Z, as a Date. */
const time = z.iso.datetime({ offset: true, error: 'must be an RFC 3339 time with an offset' }).transform((value) => new Date(value));

/** A component as listed, or as an incident names it ({ code, name } in affected_components). */
export const component = z.looseObject({ id, name: z.string(), group: z.boolean().optional() });

const affectedComponent = z.looseObject({ code: id, name: z.string(), new_status: z.string() });

export const update = z.looseObject({
  id,
  status: z.string(),
  body: z.string().nullable().default(''),
  created_at: time,
  /** When it was shown: a backfilled update's own moment. */
  display_at: time.nullable().optional(),
  affected_components: z.array(affectedComponent).nullable().optional(),
});

const incidentFields = {
  id,
  name: z.string(),
  status: z.string(),
  impact: z.string().nullable().optional(),
  created_at: time,
  started_at: time.nullable().optional(),
  incident_updates: z.array(update),
  components: z.array(component).nullable().optional(),
};

export const incident = z.looseObject(incidentFields);
export const maintenance = z.looseObject({ ...incidentFields, scheduled_for: time, scheduled_until: time });

export const componentsDocument = z.looseObject({ components: z.array(component) });
export const incidentsDocument = z.looseObject({ incidents: z.array(incident) });
export const maintenancesDocument = z.looseObject({ scheduled_maintenances: z.array(maintenance) });

export type StatuspageComponent = z.output<typeof component>;
export type StatuspageUpdate = z.output<typeof update>;
export type StatuspageIncident = z.output<typeof incident>;
export type StatuspageMaintenance = z.output<typeof maintenance>;

/** A page's public history as the import reads it: each list once per id. */
export interface StatuspageHistory {
  components: StatuspageComponent[];
  incidents: StatuspageIncident[];
  maintenances: StatuspageMaintenance[];
}
