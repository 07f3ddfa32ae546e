// The SLA engine's settings in force, from the configuration (src/config/environment.ts): the
// downtime weight of each impact (SLA.md "Impact weights") and the office-hours clock of
// category 1 incidents (SLA.md "Incidents").
import type { ImpactWeights } from '#src/domain/vocabulary.ts';
import type { OfficeHoursConfig } from './office-hours.ts';

export interface SlaSettings {
  weights: ImpactWeights;
  officeHours: Partial<OfficeHoursConfig>;
}
