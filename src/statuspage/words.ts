// The texts of the maintenance updates the documents derive from the clock (we store no
// update text for a window opening or closing), in Dutch and English.
import type { Locale } from '#src/i18n/locale.ts';
import type { MaintenanceStatus } from './documents.ts';

export const MAINTENANCE_UPDATE_BODY: Record<Locale, Record<Exclude<MaintenanceStatus, 'verifying'>, (description: string) => string>> = {
  nl: {
    scheduled: (description) => description || 'Onderhoud gepland.',
    in_progress: () => 'Het onderhoud is begonnen.',
    completed: () => 'Het onderhoud is afgerond.',
  },
  en: {
    scheduled: (description) => description || 'Maintenance scheduled.',
    in_progress: () => 'The maintenance has begun.',
    completed: () => 'The maintenance has been completed.',
  },
};
