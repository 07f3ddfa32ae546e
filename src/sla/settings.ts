// The SLA engine's settings in force, from the configuration (src/config/environment.ts): the
// downtime weight of each impact (docs/sla.md#impact-weights) and the office-hours clock of
// category 1 incidents (docs/sla.md#office-hours).
import type { ImpactWeights } from '#src/domain/vocabulary.ts';
import type { OfficeHoursConfig } from './office-hours.ts';

export interface SlaSettings {
  weights: ImpactWeights;
  officeHours: Partial<OfficeHoursConfig>;
}
