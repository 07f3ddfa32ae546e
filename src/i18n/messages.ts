// Every string the pages show, per language. Dutch is the default; English lives at /en/.
import type { ProductStatus } from '#src/domain/vocabulary.ts';
import type { OverallStatus } from '#src/sla/product-status.ts';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

interface Messages {
  siteTitle: string;
  skipToContent: string;
  overall: Record<OverallStatus, string>;
  status: Record<ProductStatus, string>;
  productsHeading: string;
  target: (percent: string) => string;
  bestEffort: string;
  updatedAt: (time: string) => string;
  otherLanguage: string;
}

export const messages: Record<Locale, Messages> = {
  nl: {
    siteTitle: 'voizXL status',
    skipToContent: 'Naar de inhoud',
    overall: {
      operational: 'Alle systemen werken normaal',
      degraded_performance: 'Verminderde prestaties',
      partial_outage: 'Gedeeltelijke storing',
      major_outage: 'Ernstige storing',
      under_maintenance: 'Onderhoud bezig',
    },
    status: {
      operational: 'Werkt normaal',
      degraded_performance: 'Verminderde prestaties',
      partial_outage: 'Gedeeltelijke storing',
      major_outage: 'Ernstige storing',
      under_maintenance: 'Onderhoud',
    },
    productsHeading: 'Diensten',
    target: (percent) => `Beschikbaarheidsnorm ${percent} %`,
    bestEffort: 'Best effort, zonder beschikbaarheidsnorm',
    updatedAt: (time) => `Stand van ${time}`,
    otherLanguage: 'English',
  },
  en: {
    siteTitle: 'voizXL status',
    skipToContent: 'Skip to content',
    overall: {
      operational: 'All systems operational',
      degraded_performance: 'Degraded performance',
      partial_outage: 'Partial outage',
      major_outage: 'Major outage',
      under_maintenance: 'Maintenance in progress',
    },
    status: {
      operational: 'Operational',
      degraded_performance: 'Degraded performance',
      partial_outage: 'Partial outage',
      major_outage: 'Major outage',
      under_maintenance: 'Under maintenance',
    },
    productsHeading: 'Services',
    target: (percent) => `Availability target ${percent} %`,
    bestEffort: 'Best effort, no availability target',
    updatedAt: (time) => `As of ${time}`,
    otherLanguage: 'Nederlands',
  },
};
