// The words of the calendar and the RSS feeds, in Dutch and English. Maintenance type
// names and their SLA rules are not here: they come from src/sla/maintenance-rules.ts
// (see maintenance-text.ts); product status words from src/i18n/messages.ts.
import type { Impact, IncidentStatus } from '#src/domain/vocabulary.ts';
import type { Locale } from '#src/i18n/messages.ts';

/** What a maintenance_revisions row says happened (db/schema.ts). */
export type MaintenanceChange = 'announced' | 'rescheduled' | 'edited' | 'started' | 'completed' | 'cancelled';

interface FeedWords {
  calendarName: (product: string | null) => string;
  calendarDescription: (product: string | null) => string;
  incidentsTitle: (product: string | null) => string;
  incidentsDescription: (product: string | null) => string;
  maintenanceTitle: (product: string | null) => string;
  maintenanceDescription: (product: string | null) => string;
  incidentStatus: Record<IncidentStatus, string>;
  change: Record<MaintenanceChange, string>;
  expectedImpact: Record<Impact, string>;
  cancelled: string;
  category: (category: number) => string;
  labels: {
    type: string;
    expectedImpact: string;
    products: string;
    window: string;
    reason: string;
    moreInformation: string;
    affected: string;
    timeRange: (from: string, to: string) => string;
  };
}

const forProduct = (base: string, product: string | null) => (product ? `${base} – ${product}` : base);

export const FEED_WORDS: Record<Locale, FeedWords> = {
  nl: {
    calendarName: (product) => forProduct('voizXL onderhoud', product),
    calendarDescription: (product) =>
      `Aangekondigd onderhoud aan ${product ?? 'de diensten van voizXL'}: regulier, noodzakelijk en spoedonderhoud. Verplaatst onderhoud verschuift mee; geannuleerd onderhoud blijft zichtbaar als geannuleerd.`,
    incidentsTitle: (product) => forProduct('voizXL storingen', product),
    incidentsDescription: (product) => `Elke update van de NOC over collectieve storingen van ${product ?? 'de diensten van voizXL'}.`,
    maintenanceTitle: (product) => forProduct('voizXL onderhoud', product),
    maintenanceDescription: (product) =>
      `Aankondigingen en wijzigingen (verplaatst, geannuleerd, afgerond) van onderhoud aan ${product ?? 'de diensten van voizXL'}.`,
    incidentStatus: { investigating: 'Onderzoek', identified: 'Oorzaak gevonden', monitoring: 'Hersteld, we monitoren', resolved: 'Opgelost' },
    change: {
      announced: 'Aangekondigd',
      rescheduled: 'Verplaatst',
      edited: 'Gewijzigd',
      started: 'Begonnen',
      completed: 'Afgerond',
      cancelled: 'Geannuleerd',
    },
    expectedImpact: {
      operational: 'geen merkbare onderbreking',
      degraded_performance: 'verminderde prestaties',
      partial_outage: 'gedeeltelijke onderbreking',
      major_outage: 'volledige onderbreking',
    },
    cancelled: 'Geannuleerd',
    category: (category) => `Categorie ${category}`,
    labels: {
      type: 'Soort',
      expectedImpact: 'Verwachte impact',
      products: 'Diensten',
      window: 'Venster',
      reason: 'Reden',
      moreInformation: 'Meer informatie',
      affected: 'Getroffen diensten',
      timeRange: (from, to) => `${from} tot ${to}`,
    },
  },
  en: {
    calendarName: (product) => forProduct('voizXL maintenance', product),
    calendarDescription: (product) =>
      `Announced maintenance of ${product ?? 'the voizXL services'}: regular, necessary and emergency maintenance. A rescheduled window moves; a cancelled one stays, marked cancelled.`,
    incidentsTitle: (product) => forProduct('voizXL incidents', product),
    incidentsDescription: (product) => `Every NOC update on collective incidents affecting ${product ?? 'the voizXL services'}.`,
    maintenanceTitle: (product) => forProduct('voizXL maintenance', product),
    maintenanceDescription: (product) =>
      `Announcements and changes (rescheduled, cancelled, completed) of maintenance of ${product ?? 'the voizXL services'}.`,
    incidentStatus: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
    change: {
      announced: 'Announced',
      rescheduled: 'Rescheduled',
      edited: 'Updated',
      started: 'Started',
      completed: 'Completed',
      cancelled: 'Cancelled',
    },
    expectedImpact: {
      operational: 'no noticeable interruption',
      degraded_performance: 'degraded performance',
      partial_outage: 'partial interruption',
      major_outage: 'full interruption',
    },
    cancelled: 'Cancelled',
    category: (category) => `Category ${category}`,
    labels: {
      type: 'Type',
      expectedImpact: 'Expected impact',
      products: 'Services',
      window: 'Window',
      reason: 'Reason',
      moreInformation: 'More information',
      affected: 'Affected services',
      timeRange: (from, to) => `${from} to ${to}`,
    },
  },
};

/** A product as the feeds name it. */
export interface FeedProduct {
  slug: string;
  name: { nl: string; en: string };
}

/** The English text when asked for and present, else the Dutch one. */
export function localized(nl: string, en: string | null, locale: Locale): string {
  return locale === 'en' && en ? en : nl;
}
