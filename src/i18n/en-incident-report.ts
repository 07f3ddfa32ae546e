// English words of an incident's report and its SLA facts (incident-report-types.ts).
import type { IncidentReportWords } from './incident-report-types.ts';

const unit = (hours: number, office: boolean) => `${office ? 'office ' : ''}${hours === 1 ? 'hour' : 'hours'}`;

export const enIncidentReport: IncidentReportWords = {
  heading: 'Incident report (reason for outage)',
  published: (time) => `Published ${time}`,
  edited: (time) => `updated ${time}`,
  factsHeading: 'Facts under the SLA',
  factsIntro: 'Computed from the timeline above with the same formulas as the availability figures; not typed in by the NOC.',
  category: 'Category',
  reported: 'Reported',
  response: 'First response',
  resolution: 'Resolved',
  after: (duration, office) => `after ${duration}${office ? ' of office time' : ''}`,
  within: (hours, office) => `target: within ${hours} ${unit(hours, office)}${office ? '' : ', 24/7'}`,
  under: (percent, hours, office) => `${percent} % mark: within ${hours} ${unit(hours, office)}`,
  metBy: (duration) => `met, ${duration} to spare`,
  missedBy: (duration) => `missed by ${duration}`,
  metExactly: 'met, exactly at the deadline',
  productsHeading: 'Effect per product',
  downtime: (impact, unplanned, planned) => `${impact}; downtime ${unplanned} unplanned, ${planned} planned`,
  month: (month, without, withIt, soFar) => `${month}${soFar ? ' (so far)' : ''}: ${without} without this incident → ${withIt}`,
  target: (target, met) => `target ${target} %: ${met ? 'met' : 'missed'}`,
  bestEffort: 'best effort, no target',
  feedTitle: (title) => `Report: ${title}`,
};
