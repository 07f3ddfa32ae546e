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
  event: string;
  time: string;
  states: { queued: string; sending: string; sent: string; failed: string; dead: string };
  noEvents: string;
  deadHeading: string;
  noDead: string;
  retry: string;
  attempts: (n: number) => string;
  webhookHeading: string;
  webhookUrl: string;
  webhookContact: string;
  webhookLocale: string;
  webhookProducts: string;
  webhookAdd: string;
  secretOnce: string;
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
  event: 'Gebeurtenis',
  time: 'Tijd',
  states: { queued: 'In de rij', sending: 'Bezig', sent: 'Verzonden', failed: 'Mislukt (nieuwe poging volgt)', dead: 'Opgegeven' },
  noEvents: 'Nog geen meldingen.',
  deadHeading: 'Opgegeven verzendingen',
  noDead: 'Geen opgegeven verzendingen.',
  retry: 'Opnieuw proberen',
  attempts: (n) => `${n} pogingen`,
  webhookHeading: 'Webhook toevoegen',
  webhookUrl: 'URL (https://…)',
  webhookContact: 'E-mailadres voor storingsberichten',
  webhookLocale: 'Taal',
  webhookProducts: 'Diensten (niets gekozen: alle)',
  webhookAdd: 'Webhook toevoegen',
  secretOnce: 'De webhook is toegevoegd. Geef deze geheime sleutel door aan de ontvanger; hij wordt hier niet meer getoond:',
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
  event: 'Event',
  time: 'Time',
  states: { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed (will retry)', dead: 'Dead' },
  noEvents: 'No notifications yet.',
  deadHeading: 'Dead deliveries',
  noDead: 'No dead deliveries.',
  retry: 'Retry',
  attempts: (n) => `${n} attempts`,
  webhookHeading: 'Add a webhook',
  webhookUrl: 'URL (https://…)',
  webhookContact: 'E-mail address for failure notices',
  webhookLocale: 'Language',
  webhookProducts: 'Services (none chosen: all)',
  webhookAdd: 'Add webhook',
  secretOnce: 'The webhook has been added. Give this signing secret to its receiver; it is not shown here again:',
  removeHeading: 'Remove a subscriber',
  removeLabel: 'E-mail address or webhook URL',
  removeHint: 'The subscription and its unsent notifications are removed; the audit log names only its number.',
  remove: 'Remove',
};

export const notificationConsoleWords: Record<Locale, NotificationConsoleWords> = { nl, en };
