// Dutch words of an incident's report and its SLA facts (incident-report-types.ts).
import type { IncidentReportWords } from './incident-report-types.ts';

const unit = (hours: number, office: boolean) => (office ? (hours === 1 ? 'kantooruur' : 'kantooruren') : 'uur');

export const nlIncidentReport: IncidentReportWords = {
  heading: 'Rapport: oorzaak en afhandeling',
  published: (time) => `Gepubliceerd ${time}`,
  edited: (time) => `bijgewerkt ${time}`,
  factsHeading: 'Feiten volgens de SLA',
  factsIntro: 'Berekend uit de tijdlijn hierboven, met dezelfde formules als de beschikbaarheidscijfers; niet ingevuld door het NOC.',
  category: 'Categorie',
  reported: 'Gemeld',
  response: 'Eerste reactie',
  resolution: 'Opgelost',
  after: (duration, office) => `na ${duration}${office ? ' kantoortijd' : ''}`,
  within: (hours, office) => `norm: binnen ${hours} ${unit(hours, office)}${office ? '' : ', 24/7'}`,
  under: (percent, hours, office) => `${percent} %-termijn: binnen ${hours} ${unit(hours, office)}`,
  metBy: (duration) => `gehaald, ${duration} binnen de termijn`,
  missedBy: (duration) => `niet gehaald, ${duration} te laat`,
  metExactly: 'gehaald, precies op de termijn',
  productsHeading: 'Gevolgen per dienst',
  downtime: (impact, unplanned, planned) => `${impact}; onbeschikbaarheid ${unplanned} ongepland, ${planned} gepland`,
  month: (month, without, withIt, soFar) => `${month}${soFar ? ' (tot nu)' : ''}: ${without} zonder deze storing → ${withIt}`,
  target: (target, met) => `norm ${target} %: ${met ? 'gehaald' : 'niet gehaald'}`,
  bestEffort: 'best effort, geen norm',
  feedTitle: (title) => `Rapport: ${title}`,
};
