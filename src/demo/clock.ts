// Time helpers of the demo history: Amsterdam wall-clock moments as instants, and
// instants written the way the import format wants them (ISO 8601 with the Amsterdam
// offset, readable in the generated file). Built on src/time/zone.ts, so nothing here
// depends on the process time zone.
import { addDays, zonedParts, zonedToInstant, zoneOffsetMs } from '#src/time/zone.ts';
import type { CivilDate } from '#src/time/zone.ts';
import { MINUTE_MS } from '#src/time/units.ts';


/** The Amsterdam calendar day an instant falls on. */
export function civilDateOf(instant: number): CivilDate {
  const { year, month, day } = zonedParts(instant);
  return { year, month, day };
}

/** The instant an Amsterdam clock shows `hour:minute` on `date` (+ `days`). */
export function wallClock(date: CivilDate, hour: number, minute = 0, days = 0): number {
  return zonedToInstant({ ...addDays(date, days), hour, minute });
}

/** "14:05", Amsterdam time: the form NOC messages quote times in. */
export function clockText(instant: number): string {
  const { hour, minute } = zonedParts(instant);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "2026-03-29T03:30:00+02:00": ISO 8601 with the Amsterdam offset, whole seconds. */
export function isoAmsterdam(instant: number): string {
  const whole = Math.floor(instant / 1000) * 1000;
  const offset = zoneOffsetMs(whole);
  const wall = new Date(whole + offset).toISOString().slice(0, 19);
  const minutes = Math.abs(offset) / MINUTE_MS;
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Rounds an instant down to the whole minute, as people write times in updates. */
export function wholeMinute(instant: number): number {
  return Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}
