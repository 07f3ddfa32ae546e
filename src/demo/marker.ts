// How demo history is recognised in the database: every external id the demo generator
// writes (incidents, maintenance, outages) begins with this prefix, and its open incident
// carries the UTC date the history was generated for, from which the rest (KPI months,
// measured-since) is generated again when it is removed. A unit test holds the generator
// to this (test/unit/demo-history.test.ts).
export const DEMO_ID_PREFIX = 'demo-';

/** The external id of the demo's open incident for the history of `day` ("YYYY-MM-DD"). */
export function openIncidentId(day: string): string {
  return `${DEMO_ID_PREFIX}inc-${day}-open`;
}

const OPEN_INCIDENT = /^demo-inc-(\d{4}-\d{2}-\d{2})-open$/;

/** The UTC date a demo history was generated for, read off its open incident's id; null for any other id. */
export function demoDayOf(openIncidentExternalId: string): string | null {
  return OPEN_INCIDENT.exec(openIncidentExternalId)?.[1] ?? null;
}
