// The shape of the NOC console's words (/admin), a part of the one Messages type (types.ts):
// the Dutch in nl-console.ts, the English in en-console.ts. Only types here.

/** The console's words: its pages, forms and their errors. */
export interface ConsoleWords {
  /** The notifications page (/admin/notifications): subscribers, the delivery log, webhooks. */
  notifications: ConsoleNotificationWords;
  /** The report form of a resolved incident (src/console/ReportForm.astro). */
  report: ConsoleReportWords;
  title: string;
  nav: { templates: string; dashboard: string; newIncident: string; newMaintenance: string; outages: string; kpis: string; users: string; account: string; audit: string; signOut: string; publicPage: string; label: string };
  signIn: { heading: string; email: string; password: string; submit: string; failed: string; locked: (seconds: number) => string; signedOut: string };
  setup: { heading: string; intro: string; name: string; submit: string; invalid: string };
  errors: { heading: (n: number) => string; stale: string; csrf: string; forbidden: string };
  saved: string;
  /** A writer's own number for an incident, maintenance or outage (src/commands/external-id.ts). */
  externalId: { label: string; hint: string };
  dashboard: {
    heading: string;
    openIncidents: string;
    none: string;
    reported: string;
    responded: string;
    nextUpdate: string;
    overdue: string;
    inTime: string;
    late: string;
    resolution: string;
    outages: string;
    noOutages: string;
    sinceWithoutIncident: string;
    maintenanceWeek: string;
    noMaintenance: string;
    breaches: string;
    availability: (month: string) => string;
    target: string;
    figure: string;
  };
  incident: {
    newHeading: string;
    title: string;
    titleEn: string;
    category: string;
    categoryOption: (n: 1 | 2) => string;
    reportedAt: string;
    reportedAtHint: string;
    status: string;
    message: string;
    messageEn: string;
    impacts: string;
    unchanged: string;
    open: string;
    updateHeading: string;
    post: string;
    correctHeading: string;
    correct: string;
    at: string;
    editHeading: string;
    edit: string;
    resolvedNote: string;
    thread: string;
    edited: string;
  };
  maintenance: {
    newHeading: string;
    type: string;
    title: string;
    titleEn: string;
    description: string;
    descriptionEn: string;
    products: string;
    start: string;
    end: string;
    timesHint: string;
    expectedImpact: string;
    overrideReason: string;
    overrideHint: string;
    schedule: string;
    rescheduleHeading: string;
    save: string;
    cancelHeading: string;
    reason: string;
    cancel: string;
    complete: string;
    state: string;
    closed: string;
  };
  outages: { heading: string; record: string; product: string; start: string; end: string; impact: string; note: string; ongoing: string; endNow: string; recent: string; source: string };
  kpis: { heading: string; month: string; callSetupSeconds: string; callSuccessRatio: string; save: string };
  users: { heading: string; add: string; email: string; name: string; role: string; password: string; disable: string; disabled: string; tokens: string; tokenName: string; scopes: string; expiresDays: string; create: string; revoke: string; newToken: string; lastUsed: string; never: string };
  account: { heading: string; newPassword: string; change: string };
  totp: { stepHeading: string; code: string; codeHint: string; wrong: string; heading: string; off: string; on: string; start: string; key: string; uri: string; confirm: string; recovery: string; disable: string; required: string; requireAll: string; save: string };
  templates: { heading: string; add: string; name: string; save: string; delete: string; use: string; none: string; apply: string };
  audit: { heading: string; entity: string; user: string; filter: string; when: string; who: string; action: string; before: string; after: string; all: string };
}

/** The words of the console's notifications page (/admin/notifications). */
export interface ConsoleNotificationWords {
  nav: string;
  heading: string;
  countsHeading: string;
  product: string;
  email: string;
  webhook: string;
  allProducts: string;
  pending: (unconfirmed: number, disabled: number) => string;
  logHeading: string;
  /** NOTIFICATION_LOG_DAYS: how long the log keeps an event. */
  kept: (days: number) => string;
  event: string;
  time: string;
  states: { queued: string; sending: string; sent: string; failed: string; dead: string };
  noEvents: string;
  deadHeading: string;
  noDead: string;
  retry: string;
  attempts: (n: number) => string;
  webhookHeading: string;
  webhookChannel: string;
  webhookUrl: string;
  webhookContact: string;
  webhookLocale: string;
  webhookProducts: string;
  webhookAdd: string;
  secretOnce: string;
  csvHeading: string;
  csvIntro: string;
  csvFile: string;
  csvAdd: string;
  csvAdded: (n: number) => string;
  csvLine: (line: number, column: string | null) => string;
  removeHeading: string;
  removeLabel: string;
  removeHint: string;
  remove: string;
}

/** The report (reason for outage) form on a console incident page. */
export interface ConsoleReportWords {
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
