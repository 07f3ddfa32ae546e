// The state a maintenance is in at a moment. The NOC sets `state`, but the clock decides
// too: a scheduled window that has begun is in progress even if nobody flipped it, and an
// in-progress one stays in progress past its end (an overrun) until the NOC completes it.
import type { MaintenanceState } from '#src/domain/vocabulary.ts';

export interface MaintenanceClock {
  state: MaintenanceState;
  windowStart: Date;
  windowEnd: Date;
}

export function effectiveMaintenanceState(m: MaintenanceClock, now: Date): MaintenanceState {
  if (m.state === 'cancelled' || m.state === 'completed') return m.state;
  if (now < m.windowStart) return m.state === 'in_progress' ? 'in_progress' : 'scheduled';
  if (now < m.windowEnd || m.state === 'in_progress') return 'in_progress';
  return 'completed';
}
