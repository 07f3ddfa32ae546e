// The words of the console's notifications page (/admin/notifications), per language.
import type { Locale } from '#src/i18n/locale.ts';

export interface NotificationConsoleWords {
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

const nl: NotificationConsoleWords = {
  nav: 'Meldingen',
  heading: 'Meldingen aan abonnees',
  countsHeading: 'Abonnees per dienst',
  product: 'Dienst',
  email: 'E-mail',
  webhook: 'Webhook',
  allProducts: 'waarvan voor alle diensten',
  pending: (u, d) => `${u} nog niet bevestigd, ${d} uitgeschakeld.`,
  logHeading: 'Verzendlog per gebeurtenis',
  kept: (days) => `Het log bewaart een gebeurtenis en haar verzendingen ${days} dagen (NOTIFICATION_LOG_DAYS); daarna verwijdert de worker ze.`,
  event: 'Gebeurtenis',
  time: 'Tijd',
  states: { queued: 'In de rij', sending: 'Bezig', sent: 'Verzonden', failed: 'Mislukt (nieuwe poging volgt)', dead: 'Opgegeven' },
  noEvents: 'Nog geen meldingen.',
  deadHeading: 'Opgegeven verzendingen',
  noDead: 'Geen opgegeven verzendingen.',
  retry: 'Opnieuw proberen',
  attempts: (n) => `${n} pogingen`,
  webhookHeading: 'Teams, Slack, Discord of webhook toevoegen',
  webhookChannel: 'Kanaal',
  webhookUrl: 'URL (https://…)',
  webhookContact: 'E-mailadres voor storingsberichten',
  webhookLocale: 'Taal',
  webhookProducts: 'Diensten (niets gekozen: alle)',
  webhookAdd: 'Toevoegen',
  secretOnce: 'De webhook is toegevoegd. Geef deze geheime sleutel door aan de ontvanger; hij wordt hier niet meer getoond:',
  csvHeading: 'Abonnees uploaden (CSV)',
  csvIntro: 'Bestaande klanten per e-mail: een CSV-bestand met de kolommen email, locale (nl of en) en products (slugs gescheiden door spaties, leeg voor alle diensten). Ze zijn meteen bevestigd; elke mail heeft een afmeldlink. Alles of niets: bij één fout wordt niemand toegevoegd.',
  csvFile: 'CSV-bestand (hoogstens 10.000 regels)',
  csvAdd: 'Uploaden',
  csvAdded: (n) => `${n} abonnees toegevoegd.`,
  csvLine: (line, column) => `Regel ${line}${column ? `, ${column}` : ''}`,
  removeHeading: 'Abonnee verwijderen',
  removeLabel: 'E-mailadres of webhook-URL',
  removeHint: 'Het abonnement en de nog niet verzonden meldingen verdwijnen; het auditlog noemt alleen het nummer.',
  remove: 'Verwijderen',
};

const en: NotificationConsoleWords = {
  nav: 'Notifications',
  heading: 'Notifications to subscribers',
  countsHeading: 'Subscribers per service',
  product: 'Service',
  email: 'E-mail',
  webhook: 'Webhook',
  allProducts: 'of which for all services',
  pending: (u, d) => `${u} not yet confirmed, ${d} disabled.`,
  logHeading: 'Delivery log per event',
  kept: (days) => `The log keeps an event and its deliveries for ${days} days (NOTIFICATION_LOG_DAYS); then the worker deletes them.`,
  event: 'Event',
  time: 'Time',
  states: { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed (will retry)', dead: 'Dead' },
  noEvents: 'No notifications yet.',
  deadHeading: 'Dead deliveries',
  noDead: 'No dead deliveries.',
  retry: 'Retry',
  attempts: (n) => `${n} attempts`,
  webhookHeading: 'Add Teams, Slack, Discord or a webhook',
  webhookChannel: 'Channel',
  webhookUrl: 'URL (https://…)',
  webhookContact: 'E-mail address for failure notices',
  webhookLocale: 'Language',
  webhookProducts: 'Services (none chosen: all)',
  webhookAdd: 'Add',
  secretOnce: 'The webhook has been added. Give this signing secret to its receiver; it is not shown here again:',
  csvHeading: 'Upload subscribers (CSV)',
  csvIntro: 'Existing customers by e-mail: a CSV file with the columns email, locale (nl or en) and products (slugs separated by spaces, empty for all services). They are confirmed at once; every mail carries an unsubscribe link. All or nothing: with one error, nobody is added.',
  csvFile: 'CSV file (at most 10,000 lines)',
  csvAdd: 'Upload',
  csvAdded: (n) => `${n} subscribers added.`,
  csvLine: (line, column) => `Line ${line}${column ? `, ${column}` : ''}`,
  removeHeading: 'Remove a subscriber',
  removeLabel: 'E-mail address or webhook URL',
  removeHint: 'The subscription and its unsent notifications are removed; the audit log names only its number.',
  remove: 'Remove',
};

export const notificationConsoleWords: Record<Locale, NotificationConsoleWords> = { nl, en };
