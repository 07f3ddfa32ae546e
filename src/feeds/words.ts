// The words only the calendar and the RSS feeds use, in Dutch and English. Words the
// pages use too (incident status, impact, category, the maintenance labels) come from
// src/i18n/messages.ts, so a feed says what the page says; maintenance type names and
// their SLA rules from src/sla/maintenance-rules.ts (see maintenance-text.ts).
import type { MaintenanceChange } from '#src/domain/vocabulary.ts';
import type { Locale } from '#src/i18n/messages.ts';

interface FeedWords {
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
    change: {
      announced: 'Aangekondigd',
      rescheduled: 'Verplaatst',
      edited: 'Gewijzigd',
      started: 'Begonnen',
      completed: 'Afgerond',
      cancelled: 'Geannuleerd',
    },
    labels: {
      type: 'Soort',
      moreInformation: 'Meer informatie',
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
    change: {
      announced: 'Announced',
      rescheduled: 'Rescheduled',
      edited: 'Updated',
      started: 'Started',
      completed: 'Completed',
      cancelled: 'Cancelled',
    },
    labels: {
      type: 'Type',
      moreInformation: 'More information',
      timeRange: (from, to) => `${from} to ${to}`,
    },
  },
};

/** A product as the feeds name it. */
export interface FeedProduct {
  slug: string;
  name: { nl: string; en: string };
}

