// Every string the pages show, per language: the type lives here, the texts in nl.ts and
// en.ts. Dutch is the default at /…; English lives at /en/….
import type { Impact, IncidentStatus, MaintenanceState, ProductStatus } from '#src/domain/vocabulary.ts';
import type { IncidentSlaTerms } from '#src/sla/incident-timers.ts';
import type { OverallStatus } from '#src/sla/product-status.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Messages {
  siteTitle: string;
  skipToContent: string;
  /** Shown on every page while the database holds demo history. */
  demoNotice: { label: string; text: string };
  nav: { home: string; history: string; maintenance: string; availability: string; subscribe: string; label: string };
  otherLanguage: string;
  otherLanguageLabel: string;
  overall: Record<OverallStatus, string>;
  status: Record<ProductStatus, string>;
  impact: Record<Impact, string>;
  incidentStatus: Record<IncidentStatus, string>;
  maintenanceState: Record<MaintenanceState, string>;
  noData: string;
  times: { note: string; toViewer: string; toAmsterdam: string };
  updatedAt: (time: string) => string;
  target: (percent: string) => string;
  bestEffort: string;
  home: {
    productsHeading: string;
    activeIncidents: string;
    noActiveIncidents: string;
    latestUpdate: string;
    nextUpdateBy: (time: string) => string;
    nextUpdateOverdue: (time: string) => string;
    maintenanceHeading: string;
    noMaintenance: string;
    thisMonth: (month: string) => string;
    barLabel: (product: string, days: number) => string;
    barSummary: (operational: number, days: number) => string;
    dayTip: (day: string, status: string, availability: string) => string;
    targetMet: string;
    targetMissed: string;
    subscribeHeading: string;
    subscribeText: string;
  };
  incident: {
    category: (n: number) => string;
    categoryMeaning: Record<1 | 2, string>;
    /** The category's SLA times in words, from INCIDENT_SLA (src/sla/incident-timers.ts). */
    categoryTerms: (terms: IncidentSlaTerms) => string;
    reported: string;
    resolved: string;
    unresolved: string;
    duration: string;
    affected: string;
    timeline: string;
    permalink: string;
    slaHeading: string;
    response: string;
    resolution80: string;
    resolution95: string;
    due: (time: string) => string;
    met: string;
    missed: string;
    pending: string;
    backToHistory: string;
  };
  history: {
    title: string;
    intro: (months: number) => string;
    filterLabel: string;
    allProducts: string;
    apply: string;
    none: string;
    page: (page: number, pages: number) => string;
    newer: string;
    older: string;
  };
  maintenance: {
    title: string;
    inProgress: string;
    upcoming: string;
    past: string;
    cancelled: string;
    none: string;
    window: string;
    announced: string;
    notice: string;
    noticeAfterStart: (duration: string) => string;
    unannounced: string;
    products: string;
    expectedImpact: string;
    state: string;
    rule: string;
    breaches: string;
    override: string;
    cancelReason: string;
    addToCalendar: string;
  };
  availability: {
    title: string;
    intro: string;
    month: string;
    monthly: string;
    rolling12: string;
    target: string;
    met: string;
    unplanned: string;
    planned: string;
    yes: string;
    no: string;
    chartLabel: (product: string) => string;
    formulaHeading: string;
    formula: string[];
    weights: (partial: string) => string;
    kpiHeading: string;
    kpiSetup: string;
    kpiSuccess: string;
    kpiNone: string;
    bestEffortShort: string;
  };
  product: { incidents: string; maintenance: string; feeds: string };
  subscribe: {
    title: string;
    intro: string;
    calendarHeading: string;
    feedsHeading: string;
    allProducts: string;
    calendar: string;
    calendarFile: string;
    incidentsFeed: string;
    maintenanceFeed: string;
    google: string;
    apple: string;
    outlook: string;
  };
  notFound: { title: string; text: string; home: string };
}

export const messages: Record<Locale, Messages> = { nl, en };

/** The path of a page in a language: Dutch at /…, English at /en/…. */
export function localePath(locale: Locale, path: string): string {
  return locale === 'nl' ? path : path === '/' ? '/en/' : `/en${path}`;
}

/** The English text when asked for and present, else the Dutch one (the NOC writes Dutch). */
export function localized(nl: string, en: string | null, locale: Locale): string {
  return locale === 'en' && en ? en : nl;
}
