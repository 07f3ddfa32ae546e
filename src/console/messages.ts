// The console's words, Dutch and English: one type, two catalogues. The public pages'
// words stay in src/i18n; these are for the NOC only.
import type { Locale } from '#src/i18n/locale.ts';

export interface ConsoleMessages {
  title: string;
  nav: { templates: string; dashboard: string; newIncident: string; newMaintenance: string; outages: string; kpis: string; users: string; account: string; audit: string; signOut: string; publicPage: string; label: string };
  signIn: { heading: string; email: string; password: string; submit: string; failed: string; locked: (seconds: number) => string; signedOut: string };
  setup: { heading: string; intro: string; name: string; submit: string; invalid: string };
  errors: { heading: (n: number) => string; stale: string; csrf: string; forbidden: string };
  saved: string;
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

const nl: ConsoleMessages = {
  title: 'NOC-console',
  nav: { templates: 'Sjablonen', dashboard: 'Overzicht', newIncident: 'Nieuwe storing', newMaintenance: 'Onderhoud plannen', outages: 'Onderbrekingen', kpis: 'KPI’s', users: 'Gebruikers', account: 'Mijn account', audit: 'Logboek', signOut: 'Afmelden', publicPage: 'Statuspagina', label: 'Console' },
  signIn: { heading: 'Aanmelden', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden', failed: 'E-mailadres of wachtwoord onjuist.', locked: (s) => `Te veel mislukte pogingen. Probeer het over ${Math.ceil(s / 60)} minuten opnieuw.`, signedOut: 'U bent afgemeld.' },
  setup: { heading: 'Eerste beheerder', intro: 'Er is nog geen beheerder. Maak er een aan; deze link werkt één keer en een uur lang.', name: 'Naam', submit: 'Beheerder aanmaken', invalid: 'Deze link is verlopen of al gebruikt. Start de server opnieuw voor een nieuwe.' },
  errors: { heading: (n) => `${n} ${n === 1 ? 'veld moet' : 'velden moeten'} worden verbeterd`, stale: 'Iemand anders heeft dit intussen gewijzigd. Hieronder staat de huidige versie; uw invoer is behouden maar niet opgeslagen.', csrf: 'Het formulier is verlopen. Probeer het opnieuw.', forbidden: 'Dit mag uw rol niet.' },
  saved: 'Opgeslagen en gepubliceerd.',
  dashboard: {
    heading: 'Overzicht',
    openIncidents: 'Open storingen',
    none: 'Geen open storingen.',
    reported: 'Gemeld',
    responded: 'Eerste reactie',
    nextUpdate: 'Volgende update uiterlijk',
    overdue: 'te laat',
    inTime: 'op tijd',
    late: 'te laat',
    resolution: 'Oplossen (80 % / 95 %)',
    outages: 'Lopende onderbrekingen',
    noOutages: 'Geen lopende onderbrekingen.',
    sinceWithoutIncident: 'zonder storingsmelding',
    maintenanceWeek: 'Onderhoud in de komende 7 dagen',
    noMaintenance: 'Geen onderhoud gepland.',
    breaches: 'Wijkt af van de SLA',
    availability: (m) => `Beschikbaarheid ${m}`,
    target: 'Norm',
    figure: 'Tot nu toe',
  },
  incident: {
    newHeading: 'Nieuwe storing',
    title: 'Titel',
    titleEn: 'Titel (Engels)',
    category: 'Categorie',
    categoryOption: (n) => (n === 1 ? '1: beperkte impact (< 10 % van de gesprekken)' : '2: grote impact (> 10 % van de gesprekken)'),
    reportedAt: 'Gemeld om',
    reportedAtHint: 'Leeg: nu. Tijd in Europe/Amsterdam.',
    status: 'Status',
    message: 'Bericht',
    messageEn: 'Bericht (Engels)',
    impacts: 'Impact per dienst',
    unchanged: 'ongewijzigd',
    open: 'Storing publiceren',
    updateHeading: 'Update plaatsen',
    post: 'Update publiceren',
    correctHeading: 'Update corrigeren',
    correct: 'Correctie publiceren',
    at: 'Tijd',
    editHeading: 'Titel en categorie',
    edit: 'Opslaan',
    resolvedNote: 'Deze storing is opgelost; er kan niets meer op volgen.',
    thread: 'Updates',
    edited: 'bewerkt',
  },
  maintenance: {
    newHeading: 'Onderhoud plannen',
    type: 'Soort',
    title: 'Titel',
    titleEn: 'Titel (Engels)',
    description: 'Omschrijving',
    descriptionEn: 'Omschrijving (Engels)',
    products: 'Diensten',
    start: 'Begin',
    end: 'Einde',
    timesHint: 'Tijden in Europe/Amsterdam.',
    expectedImpact: 'Verwachte impact',
    overrideReason: 'Reden om af te wijken van de SLA',
    overrideHint: 'Alleen nodig als een regel wordt overtreden; de afwijking blijft zichtbaar.',
    schedule: 'Onderhoud aankondigen',
    rescheduleHeading: 'Wijzigen of verplaatsen',
    save: 'Wijziging publiceren',
    cancelHeading: 'Annuleren',
    reason: 'Reden',
    cancel: 'Onderhoud annuleren',
    complete: 'Onderhoud afgerond',
    state: 'Toestand',
    closed: 'Dit onderhoud is afgesloten.',
  },
  outages: { heading: 'Onderbrekingen', record: 'Onderbreking vastleggen', product: 'Dienst', start: 'Begin', end: 'Einde (leeg: loopt nog)', impact: 'Impact', note: 'Notitie', ongoing: 'loopt nog', endNow: 'Nu beëindigen', recent: 'Recent', source: 'Bron' },
  kpis: { heading: 'KPI’s per maand', month: 'Maand', callSetupSeconds: 'Gespreksopbouw (seconden)', callSuccessRatio: 'Geslaagde gesprekken (%)', save: 'Opslaan' },
  users: { heading: 'Gebruikers en tokens', add: 'Gebruiker toevoegen', email: 'E-mailadres', name: 'Naam', role: 'Rol', password: 'Wachtwoord (min. 12 tekens)', disable: 'Uitschakelen', disabled: 'uitgeschakeld', tokens: 'API-tokens', tokenName: 'Naam', scopes: 'Rechten', expiresDays: 'Verloopt na (dagen, leeg: nooit)', create: 'Token maken', revoke: 'Intrekken', newToken: 'Nieuw token; het wordt alleen nu getoond:', lastUsed: 'Laatst gebruikt', never: 'nooit' },
  account: { heading: 'Mijn account', newPassword: 'Nieuw wachtwoord (min. 12 tekens)', change: 'Wachtwoord wijzigen' },
  totp: {
    stepHeading: 'Tweede stap',
    code: 'Code',
    codeHint: 'De 6 cijfers uit de authenticator-app, of een herstelcode.',
    wrong: 'Deze code klopt niet.',
    heading: 'Tweestapsverificatie',
    off: 'Tweestapsverificatie staat uit.',
    on: 'Tweestapsverificatie staat aan.',
    start: 'Tweestapsverificatie instellen',
    key: 'Sleutel voor de authenticator-app',
    uri: 'Of deze koppeling',
    confirm: 'Bevestigen met een code',
    recovery: 'Herstelcodes (elk één keer te gebruiken; bewaar ze nu, ze worden niet opnieuw getoond):',
    disable: 'Tweestapsverificatie uitzetten',
    required: 'Een beheerder verplicht tweestapsverificatie: stel die eerst in.',
    requireAll: 'Tweestapsverificatie verplicht voor iedereen',
    save: 'Opslaan',
  },
  templates: { heading: 'Sjablonen voor storingen', add: 'Sjabloon toevoegen', name: 'Naam van het sjabloon', save: 'Sjabloon opslaan', delete: 'Verwijderen', use: 'Beginnen met sjabloon', none: 'geen', apply: 'Sjabloon invullen' },
  audit: { heading: 'Logboek', entity: 'Soort', user: 'Gebruiker', filter: 'Filteren', when: 'Wanneer', who: 'Wie', action: 'Actie', before: 'Voor', after: 'Na', all: 'alle' },
};

const en: ConsoleMessages = {
  title: 'NOC console',
  nav: { templates: 'Templates', dashboard: 'Dashboard', newIncident: 'New incident', newMaintenance: 'Schedule maintenance', outages: 'Outages', kpis: 'KPIs', users: 'Users', account: 'My account', audit: 'Audit log', signOut: 'Sign out', publicPage: 'Status page', label: 'Console' },
  signIn: { heading: 'Sign in', email: 'E-mail address', password: 'Password', submit: 'Sign in', failed: 'Wrong e-mail address or password.', locked: (s) => `Too many failed attempts. Try again in ${Math.ceil(s / 60)} minutes.`, signedOut: 'You are signed out.' },
  setup: { heading: 'First administrator', intro: 'There is no administrator yet. Create one; this link works once, for an hour.', name: 'Name', submit: 'Create administrator', invalid: 'This link has expired or was used. Restart the server for a new one.' },
  errors: { heading: (n) => `${n} ${n === 1 ? 'field needs' : 'fields need'} correcting`, stale: 'Someone else changed this in the meantime. The current version is below; your input is kept but was not saved.', csrf: 'The form has expired. Please try again.', forbidden: 'Your role may not do this.' },
  saved: 'Saved and published.',
  dashboard: {
    heading: 'Dashboard',
    openIncidents: 'Open incidents',
    none: 'No open incidents.',
    reported: 'Reported',
    responded: 'First response',
    nextUpdate: 'Next update due by',
    overdue: 'overdue',
    inTime: 'in time',
    late: 'late',
    resolution: 'Resolution (80 % / 95 %)',
    outages: 'Ongoing outages',
    noOutages: 'No ongoing outages.',
    sinceWithoutIncident: 'without an incident',
    maintenanceWeek: 'Maintenance in the next 7 days',
    noMaintenance: 'No maintenance scheduled.',
    breaches: 'Breaks the SLA',
    availability: (m) => `Availability ${m}`,
    target: 'Target',
    figure: 'So far',
  },
  incident: {
    newHeading: 'New incident',
    title: 'Title (Dutch)',
    titleEn: 'Title (English)',
    category: 'Category',
    categoryOption: (n) => (n === 1 ? '1: limited impact (< 10 % of calls)' : '2: large impact (> 10 % of calls)'),
    reportedAt: 'Reported at',
    reportedAtHint: 'Empty: now. Time in Europe/Amsterdam.',
    status: 'Status',
    message: 'Message (Dutch)',
    messageEn: 'Message (English)',
    impacts: 'Impact per service',
    unchanged: 'unchanged',
    open: 'Publish incident',
    updateHeading: 'Post an update',
    post: 'Publish update',
    correctHeading: 'Correct an update',
    correct: 'Publish correction',
    at: 'Time',
    editHeading: 'Title and category',
    edit: 'Save',
    resolvedNote: 'This incident is resolved; nothing can follow.',
    thread: 'Updates',
    edited: 'edited',
  },
  maintenance: {
    newHeading: 'Schedule maintenance',
    type: 'Type',
    title: 'Title (Dutch)',
    titleEn: 'Title (English)',
    description: 'Description (Dutch)',
    descriptionEn: 'Description (English)',
    products: 'Services',
    start: 'Start',
    end: 'End',
    timesHint: 'Times in Europe/Amsterdam.',
    expectedImpact: 'Expected impact',
    overrideReason: 'Reason to depart from the SLA',
    overrideHint: 'Only needed when a rule is broken; the departure stays visible.',
    schedule: 'Announce maintenance',
    rescheduleHeading: 'Edit or reschedule',
    save: 'Publish change',
    cancelHeading: 'Cancel',
    reason: 'Reason',
    cancel: 'Cancel maintenance',
    complete: 'Maintenance completed',
    state: 'State',
    closed: 'This maintenance is closed.',
  },
  outages: { heading: 'Outages', record: 'Record an outage', product: 'Service', start: 'Start', end: 'End (empty: ongoing)', impact: 'Impact', note: 'Note', ongoing: 'ongoing', endNow: 'End now', recent: 'Recent', source: 'Source' },
  kpis: { heading: 'KPIs per month', month: 'Month', callSetupSeconds: 'Call set-up (seconds)', callSuccessRatio: 'Successful calls (%)', save: 'Save' },
  users: { heading: 'Users and tokens', add: 'Add user', email: 'E-mail address', name: 'Name', role: 'Role', password: 'Password (at least 12 characters)', disable: 'Disable', disabled: 'disabled', tokens: 'API tokens', tokenName: 'Name', scopes: 'Scopes', expiresDays: 'Expires after (days, empty: never)', create: 'Create token', revoke: 'Revoke', newToken: 'New token; it is shown only now:', lastUsed: 'Last used', never: 'never' },
  account: { heading: 'My account', newPassword: 'New password (at least 12 characters)', change: 'Change password' },
  totp: {
    stepHeading: 'Second step',
    code: 'Code',
    codeHint: 'The 6 digits of the authenticator app, or a recovery code.',
    wrong: 'This code is not right.',
    heading: 'Two-step verification',
    off: 'Two-step verification is off.',
    on: 'Two-step verification is on.',
    start: 'Set up two-step verification',
    key: 'Key for the authenticator app',
    uri: 'Or this link',
    confirm: 'Confirm with a code',
    recovery: 'Recovery codes (each works once; keep them now, they are not shown again):',
    disable: 'Turn two-step verification off',
    required: 'An administrator requires two-step verification: set it up first.',
    requireAll: 'Two-step verification required for everyone',
    save: 'Save',
  },
  templates: { heading: 'Incident templates', add: 'Add a template', name: 'Template name', save: 'Save template', delete: 'Delete', use: 'Start from a template', none: 'none', apply: 'Fill in the template' },
  audit: { heading: 'Audit log', entity: 'Type', user: 'User', filter: 'Filter', when: 'When', who: 'Who', action: 'Action', before: 'Before', after: 'After', all: 'all' },
};

export const consoleMessages: Record<Locale, ConsoleMessages> = { nl, en };
