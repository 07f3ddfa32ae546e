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
  removeHeading: 'Remove a subscriber',
  removeLabel: 'E-mail address or webhook URL',
  removeHint: 'The subscription and its unsent notifications are removed; the audit log names only its number.',
  remove: 'Remove',
};

export const notificationConsoleWords: Record<Locale, NotificationConsoleWords> = { nl, en };
