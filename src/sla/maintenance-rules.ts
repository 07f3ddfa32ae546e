// Notice periods and allowed windows per maintenance type, SLA §2.1 and §6
// (docs/sla.md#maintenance). checkMaintenance lists every rule a planned or past maintenance breaks,
// as codes and figures (what the rule allows, what the maintenance did); the message
// catalogues word them (src/i18n/maintenance-rules.ts). Scheduling against the rules is
// allowed with an override and a reason, and the breach stays visible. Pure; all
// wall-clock times are in the SLA zone.
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import type { MaintenanceType } from '#src/domain/vocabulary.ts';
import { addDays, isoWeekday, zonedParts, zonedToInstant } from '#src/time/zone.ts';

import { DAY_MS, HOUR_MS, MINUTE_MS } from '#src/time/units.ts';

/** A recurring slot: opens on an allowed weekday at `opens`, closes `closesDaysLater` at `closes`. */
export interface AllowedSlot {
  /** ISO weekdays the slot may open on; null: every day. */
  weekdays: readonly number[] | null;
  opens: { hour: number; minute: number };
  closesDaysLater: number;
  closes: { hour: number; minute: number };
}

export interface MaintenanceRule {
  /** Least time between announcement and start; negative: may be announced after the start. null: none required. */
  minimumNoticeMs: number | null;
  /** null: any time. */
  slot: AllowedSlot | null;
  /** Longest downtime allowed (strictly less than this); null: no limit. */
  downtimeBelowMs: number | null;
}

/** SLA §2.1 / §6 (docs/sla.md#maintenance). "14 days" is counted as 14 × 24 hours elapsed. */
export const MAINTENANCE_RULES: Readonly<Record<MaintenanceType, MaintenanceRule>> = {
  // Regulier: 14 days ahead; Friday 20:00 – Saturday 03:00.
  regular: {
    minimumNoticeMs: 14 * DAY_MS,
    slot: { weekdays: [5], opens: { hour: 20, minute: 0 }, closesDaysLater: 1, closes: { hour: 3, minute: 0 } },
    downtimeBelowMs: null,
  },
  // Noodzakelijk: 24 hours ahead; any day 19:00 – 23:00.
  necessary: {
    minimumNoticeMs: DAY_MS,
    slot: { weekdays: null, opens: { hour: 19, minute: 0 }, closesDaysLater: 0, closes: { hour: 23, minute: 0 } },
    downtimeBelowMs: null,
  },
  // Spoed: announced within 1 hour, i.e. no later than 1 hour after the start; any time.
  emergency: { minimumNoticeMs: -HOUR_MS, slot: null, downtimeBelowMs: null },
  // Onaangekondigd: no notice, any time, downtime under 1 minute.
  unannounced: { minimumNoticeMs: null, slot: null, downtimeBelowMs: MINUTE_MS },
};

export interface MaintenancePlan {
  type: MaintenanceType;
  /** When the announcement went out; null when it never did. */
  announcedAt: number | null;
  start: number;
  end: number;
  /** Recorded downtime in ms, when known; otherwise the whole window is taken as downtime. */
  downtimeMs?: number;
}

export type MaintenanceRuleCode = 'empty_window' | 'not_announced' | 'notice_too_short' | 'announced_too_late' | 'outside_allowed_window' | 'downtime_too_long';

/** Which rule of which type: "regular-notice", "necessary-window", "unannounced-downtime", or the window's own order. */
export type MaintenanceRuleName = `${MaintenanceType}-${'notice' | 'window' | 'downtime'}` | 'window-order';

/** A broken rule: its code, the rule, what the rule allows and what the maintenance did. */
export type RuleBreach =
  | { code: 'empty_window'; rule: 'window-order'; type: MaintenanceType; allowed: null; actual: { start: number; end: number } }
  | {
      code: 'not_announced';
      rule: MaintenanceRuleName;
      type: MaintenanceType;
      /** The least notice; negative: the latest announcement after the start. */
      allowed: { noticeMs: number };
      actual: null;
    }
  | { code: 'notice_too_short' | 'announced_too_late'; rule: MaintenanceRuleName; type: MaintenanceType; allowed: { noticeMs: number }; actual: { noticeMs: number } }
  | {
      code: 'outside_allowed_window';
      rule: MaintenanceRuleName;
      type: MaintenanceType;
      allowed: { slot: AllowedSlot; zone: string };
      actual: { start: number; end: number };
    }
  | { code: 'downtime_too_long'; rule: MaintenanceRuleName; type: MaintenanceType; allowed: { downtimeBelowMs: number }; actual: { downtimeMs: number } };

/** Time between announcement and start; negative when announced after the start. */
export function noticeGiven(announcedAt: number, start: number): number {
  return start - announcedAt;
}

/** Whether [start, end) lies wholly inside one occurrence of the slot. */
function fitsSlot(slot: AllowedSlot, start: number, end: number, zone: string): boolean {
  const { year, month, day } = zonedParts(start, zone);
  const startDate = { year, month, day };
  // The occurrence holding `start` opened on its own day or, for a slot past midnight, earlier.
  for (let back = 0; back <= slot.closesDaysLater; back++) {
    const openDate = addDays(startDate, -back);
    if (slot.weekdays && !slot.weekdays.includes(isoWeekday(openDate))) continue;
    const opens = zonedToInstant({ ...openDate, ...slot.opens }, zone);
    const closes = zonedToInstant({ ...addDays(openDate, slot.closesDaysLater), ...slot.closes }, zone);
    if (opens <= start && end <= closes) return true;
  }
  return false;
}

/** Every rule of the type that the maintenance breaks; an empty list when it complies. */
export function checkMaintenance(plan: MaintenancePlan, zone: string = SLA_TIME_ZONE): RuleBreach[] {
  const { type } = plan;
  const rule = MAINTENANCE_RULES[type];
  const breaches: RuleBreach[] = [];
  if (!(plan.end > plan.start)) {
    breaches.push({ code: 'empty_window', rule: 'window-order', type, allowed: null, actual: { start: plan.start, end: plan.end } });
  }
  const required = rule.minimumNoticeMs;
  if (required !== null) {
    const allowed = { noticeMs: required };
    if (plan.announcedAt === null) {
      breaches.push({ code: 'not_announced', rule: `${type}-notice`, type, allowed, actual: null });
    } else {
      const notice = noticeGiven(plan.announcedAt, plan.start);
      if (notice < required) {
        const code = required >= 0 ? 'notice_too_short' : 'announced_too_late';
        breaches.push({ code, rule: `${type}-notice`, type, allowed, actual: { noticeMs: notice } });
      }
    }
  }
  if (rule.slot && plan.end > plan.start && !fitsSlot(rule.slot, plan.start, plan.end, zone)) {
    breaches.push({
      code: 'outside_allowed_window',
      rule: `${type}-window`,
      type,
      allowed: { slot: rule.slot, zone },
      actual: { start: plan.start, end: plan.end },
    });
  }
  const downtime = plan.downtimeMs ?? plan.end - plan.start;
  if (rule.downtimeBelowMs !== null && downtime >= rule.downtimeBelowMs) {
    breaches.push({ code: 'downtime_too_long', rule: `${type}-downtime`, type, allowed: { downtimeBelowMs: rule.downtimeBelowMs }, actual: { downtimeMs: downtime } });
  }
  return breaches;
}
