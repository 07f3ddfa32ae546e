// The shape of the words of an incident's report (reason for outage) and its SLA facts
// (src/components/IncidentReport.astro, the incident feed's report item), a part of the one
// Messages type (types.ts); the texts are in nl-incident-report.ts and en-incident-report.ts.
// Only types here.

export interface IncidentReportWords {
  heading: string;
  published: (time: string) => string;
  /** Beside a published report the NOC corrected afterwards. */
  edited: (time: string) => string;
  factsHeading: string;
  factsIntro: string;
  category: string;
  reported: string;
  response: string;
  resolution: string;
  /** The time it took, on the category's clock (`office`: office hours only). */
  after: (duration: string, office: boolean) => string;
  /** SLA §4's first-response norm. */
  within: (hours: number, office: boolean) => string;
  /** SLA §4's resolution norm of the `percent` mark. */
  under: (percent: number, hours: number, office: boolean) => string;
  metBy: (duration: string) => string;
  missedBy: (duration: string) => string;
  metExactly: string;
  productsHeading: string;
  downtime: (impact: string, unplanned: string, planned: string) => string;
  /** A touched month's availability without this incident and with it. */
  month: (month: string, without: string, withIt: string, soFar: boolean) => string;
  target: (target: string, met: boolean) => string;
  bestEffort: string;
  /** The incident feed's item for a publication. */
  feedTitle: (title: string) => string;
}
