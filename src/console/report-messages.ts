// The words of the report form on a console incident page (src/console/ReportForm.astro), per language.
import type { Locale } from '#src/i18n/locale.ts';

export interface ReportConsoleWords {
  heading: string;
  intro: string;
  notYet: string;
  draft: (time: string) => string;
  published: (time: string) => string;
  edited: (time: string) => string;
  body: string;
  bodyEn: string;
  hint: string;
  saveDraft: string;
  publish: string;
  correct: string;
  withdrawNote: string;
}

export const reportConsoleWords: Readonly<Record<Locale, ReportConsoleWords>> = {
  nl: {
    heading: 'Rapport (reason for outage)',
    intro: 'De oorzaak en afhandeling, voor de klanten. Op de pagina staan eronder de SLA-feiten, berekend uit de tijdlijn.',
    notYet: 'Het rapport kan worden geschreven zodra de storing is opgelost.',
    draft: (time) => `Concept, niet openbaar; opgeslagen ${time}.`,
    published: (time) => `Gepubliceerd ${time}.`,
    edited: (time) => `Bijgewerkt ${time} (de pagina toont dat).`,
    body: 'Rapport',
    bodyEn: 'Rapport (Engels)',
    hint: 'Platte tekst; een lege regel begint een nieuwe alinea.',
    saveDraft: 'Concept opslaan',
    publish: 'Rapport publiceren',
    correct: 'Gecorrigeerd rapport publiceren',
    withdrawNote: 'Een gepubliceerd rapport wordt gecorrigeerd, niet ingetrokken; elke versie blijft in het auditlog.',
  },
  en: {
    heading: 'Report (reason for outage)',
    intro: 'The cause and how it was handled, for customers. The page shows the SLA facts under it, computed from the timeline.',
    notYet: 'The report can be written once the incident is resolved.',
    draft: (time) => `Draft, not public; saved ${time}.`,
    published: (time) => `Published ${time}.`,
    edited: (time) => `Updated ${time} (the page says so).`,
    body: 'Report (Dutch)',
    bodyEn: 'Report (English)',
    hint: 'Plain text; a blank line starts a new paragraph.',
    saveDraft: 'Save draft',
    publish: 'Publish report',
    correct: 'Publish corrected report',
    withdrawNote: 'A published report is corrected, not withdrawn; every version stays in the audit log.',
  },
};
