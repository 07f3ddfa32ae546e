// What the embeddable status (/embed) shows: the overall state, every product's status and
// the unresolved incidents, bounded however long the history is.
import type { ReadContext } from '#src/http/context.ts';
import { loadActiveIncidents, type IncidentView } from '#src/incidents/queries.ts';
import { loadCurrentHealth, type CurrentHealth } from '#src/products/current-health.ts';

export interface EmbedData {
  health: CurrentHealth;
  incidents: IncidentView[];
}

export async function loadEmbed({ db, now }: ReadContext): Promise<EmbedData> {
  const [health, incidents] = await Promise.all([loadCurrentHealth(db, now), loadActiveIncidents(db)]);
  return { health, incidents };
}
