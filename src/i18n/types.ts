// The shape of every message catalogue (nl.ts, en.ts): every string the pages, the feeds,
// the rule sentences and the console use, per language. Only types here; the catalogues import this
// file and nothing imports them but messages.ts.
import type { Impact, IncidentStatus, MaintenanceChange, MaintenanceState, MaintenanceType, ProductStatus } from '#src/domain/vocabulary.ts';
import type { IncidentSlaTerms } from '#src/sla/incident-timers.ts';
import type { OverallStatus } from '#src/sla/product-status.ts';
import type { ConsoleWords } from './console-types.ts';
import type { NotificationWords } from './notification-types.ts';
import type { IncidentReportWords } from './incident-report-types.ts';
import type { ReportWords } from './report-types.ts';
import type { ShareWords } from './share-types.ts';

/** The words of the feeds and calendars; `product` is the name of the product a feed is for, or null for all. */
export interface FeedWords {
  calendarName: (product: string | null) => string;
  calendarDescription: (product: string | null) => string;
  incidentsTitle: (product: string | null) => string;
  incidentsDescription: (product: string | null) => string;
  maintenanceTitle: (product: string | null) => string;
  maintenanceDescription: (product: string | null) => string;
  change: Record<MaintenanceChange, string>;
  labels: {
    type: string;
    moreInformation: string;
    timeRange: (from: string, to: string) => string;
  };
  /** The body of a 404 for a product slug that does not exist. */
  unknownProduct: string;
}

/**
 * The SLA's maintenance rules in words (src/i18n/maintenance-rules.ts puts them together
 * from the codes and figures of src/sla/maintenance-rules.ts).
 */
export interface MaintenanceRuleWords {
  typeName: Record<MaintenanceType, string>;
  /** The notice as the SLA words it ("24 hours", not "1 day"). */
  notice: Record<MaintenanceType, string>;
  /** Monday first. */
  weekdays: readonly string[];
  /** January first. */
  months: readonly string[];
  /** "Friday 12 June 2026 21:00 CEST". */
  moment: (weekday: string, day: number, month: string, year: number, time: string, zone: string) => string;
  slotOvernight: (openDay: string, opens: string, closeDay: string, closes: string) => string;
  slotSameDay: (opens: string, closes: string) => string;
  announcedNone: string;
  announcedAhead: (notice: string) => string;
  announcedAfterStart: (notice: string) => string;
  takesPlace: (slot: string, zone: string) => string;
  anyTime: string;
  /** The rule of a type in one sentence. */
  rule: (type: string, announced: string, when: string) => string;
  emptyWindow: string;
  demandAhead: (type: string, notice: string) => string;
  demandAfterStart: (type: string, notice: string) => string;
  notAnnounced: (demand: string) => string;
  givenAhead: (duration: string) => string;
  givenAfterStart: (duration: string) => string;
  announcedLate: (demand: string, given: string) => string;
  outsideWindow: (type: string, slot: string, zone: string, from: string, to: string) => string;
  downtime: (type: string, allowed: string, actual: string) => string;
}

export interface DurationWords {
  /** Singular and plural, largest first. */
  units: { day: readonly [string, string]; hour: readonly [string, string]; minute: readonly [string, string]; second: readonly [string, string] };
  lessThanASecond: string;
}

/**
 * Each page's meta description (what a search engine shows under the title): one entry per
 * page, a sentence or two of at most about 160 characters. A new page adds one here and
 * passes it to the layout as `description`.
 */
export interface PageDescriptions {
  home: string;
  history: string;
  incident: (title: string) => string;
  maintenanceList: string;
  maintenance: (title: string) => string;
  calendar: (month: string) => string;
  availability: string;
  product: (name: string) => string;
  subscribe: string;
  subscription: string;
  notFound: string;
  /** The embeddable status for another site's frame (/embed). */
  embed: string;
}

export interface Messages {
  notifications: NotificationWords;
  descriptions: PageDescriptions;
  incidentReport: IncidentReportWords;
  share: ShareWords;
  /** The NOC console (/admin), console-types.ts. */
  console: ConsoleWords;
  /** The monthly SLA report (npm run report), report-types.ts. */
  report: ReportWords;
  siteTitle: string;
  feeds: FeedWords;
  maintenanceRules: MaintenanceRuleWords;
  durations: DurationWords;
  skipToContent: string;
  /** Shown on every page while the database holds demo history. */
  demoNotice: { label: string; text: string };
  /** Shown when the page is the last good render because the database does not answer. */
  staleNotice: { label: string; text: (asOf: string) => string };
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
    /** The heading of the key to the bars' colours and patterns. */
    /** A day of the bar without anything to tell (operational all day, 100 %): short, 500 of them are on the home page. */
    calmDay: (day: string, status: string) => string;
    legend: string;
    /** In the banner: one affected product and its status, e.g. "VOIPNOW: ernstige storing". */
    affected: (product: string, status: string) => string;
    /** In the banner, after an open incident's title. */
    lastUpdate: (time: string) => string;
    /** Said by the refresh island when the state on the page changed (aria-live). */
    liveChanged: string;
    /** What to do with a day of the bar (tap or focus it). */
    barHint: string;
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
    /** Beside an update the NOC corrected after publishing it. */
    edited: (time: string) => string;
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
    categoriesHeading: string;
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
    chartSummary: (from: string, to: string, target: string | null, met: number, measured: number) => string;
    kpiCharts: { setup: string; success: string };
    formulaHeading: string;
    formula: string[];
    weights: (partial: string) => string;
    kpiHeading: string;
    /** With the SLA §3.2 target (KPI_TARGETS). */
    kpiSetup: (seconds: string) => string;
    kpiSuccess: (percent: string) => string;
    kpiNone: string;
    bestEffortShort: string;
  };
  product: {
    incidents: string;
    maintenance: string;
    feeds: string;
    /** Beside an incident of the product that is not resolved yet. */
    open: string;
  };
  calendar: {
    /** "Onderhoudskalender november 2026". */
    title: (month: string) => string;
    /** The link to the calendar from other pages. */
    link: string;
    intro: string;
    week: (n: number) => string;
    previous: (month: string) => string;
    next: (month: string) => string;
    monthNav: string;
    none: string;
    /** Beside a window's part on a day when the window goes on past midnight, or began the day before. */
    continues: string;
    continued: string;
    allowedHeading: string;
    ics: (month: string) => string;
  };
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
  /** What the server says in one line when it cannot answer a public address (src/http/errors.ts). */
  requests: RequestWords;
}

export interface RequestWords {
  /** A query parameter whose value breaks its rule: 400. */
  badParameter: (name: string, value: string, rule: string) => string;
  /** Each rule a parameter can break, as "must …". */
  rules: { wholeNumber: string; month: string; slug: string; text: string };
  /** An address that cannot be read (a broken %-escape): 400. */
  badAddress: string;
  /** A feed or a one-line route that does not exist: 404. */
  notFound: string;
  methodNotAllowed: (allow: string) => string;
  notImplemented: (method: string) => string;
  /** A write while the database does not answer: 503. */
  writesUnavailable: string;
  /** A page without a copy to show while the database does not answer: 503. */
  noEarlierCopy: string;
}
