// The shape of the demo incident texts (scenarios-major.ts, scenarios-minor.ts): a
// collective incident a hosted-VoIP provider really has, with a Dutch NOC update per stage
// and its English version, and the impact per product at each stage (the story improves:
// outage → partial → degraded), and for the category 2 scenarios that can be a month's
// severe incident the report published afterwards. Also the texts of updates that repeat a stage.
// "{since}" in a text is replaced by an Amsterdam clock time shortly before the update.
import type { Impact } from '#src/domain/vocabulary.ts';
import type { DemoProduct } from '#src/demo/products.ts';

export interface Bilingual {
  nl: string;
  en: string;
}

/** Impact at the stages investigating, identified, monitoring. */
export type StageImpacts = readonly [Impact, Impact, Impact];

export interface IncidentScenario {
  category: 1 | 2;
  impacts: Partial<Record<DemoProduct, StageImpacts>>;
  title: Bilingual;
  investigating: Bilingual;
  identified: Bilingual;
  monitoring: Bilingual;
  resolved: Bilingual;
  /** The report (reason for outage) published after a severe incident: what happened, the cause, the measures. */
  report?: Bilingual;
}

export const DOWN_THEN_BETTER: StageImpacts = ['major_outage', 'partial_outage', 'degraded_performance'];
export const PARTIAL_THEN_BETTER: StageImpacts = ['partial_outage', 'degraded_performance', 'degraded_performance'];
export const PARTIAL_THEN_GONE: StageImpacts = ['partial_outage', 'degraded_performance', 'operational'];
export const DEGRADED: StageImpacts = ['degraded_performance', 'degraded_performance', 'degraded_performance'];
export const DEGRADED_THEN_GONE: StageImpacts = ['degraded_performance', 'degraded_performance', 'operational'];

/** Updates that repeat a stage: the work goes on, nothing new to report yet. */
export const PROGRESS_UPDATES: readonly Bilingual[] = [
  { nl: 'Wij werken nog aan een oplossing. Onze excuses voor het ongemak.', en: 'We are still working on a fix. We apologise for the inconvenience.' },
  { nl: 'Het onderzoek loopt nog. Wij houden u via deze pagina op de hoogte.', en: 'The investigation continues. We will keep you informed on this page.' },
  { nl: 'De situatie is ongewijzigd; onze engineers werken aan het herstel.', en: 'The situation is unchanged; our engineers are working on recovery.' },
  { nl: 'Het herstel vordert. Wij verwachten binnen afzienbare tijd een oplossing.', en: 'Recovery is progressing. We expect a fix shortly.' },
];

/** A second update while monitoring, before the incident is closed. */
export const STILL_MONITORING: Bilingual = {
  nl: 'De situatie is stabiel. Wij blijven het platform monitoren voordat wij de storing afsluiten.',
  en: 'The situation is stable. We continue to monitor the platform before closing the incident.',
};
