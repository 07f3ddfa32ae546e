// The SLA's maintenance rules in words: the type names, the rule of a type in one sentence,
// and each broken rule (src/sla/maintenance-rules.ts gives its code and figures) as the
// sentence the pages and feeds show, from the message catalogues. Durations are truncated,
// never rounded up (formatDuration), so 13 days 23 hours never reads as the 14 days it
// falls short of.
import type { MaintenanceType } from '#src/domain/vocabulary.ts';
import { type AllowedSlot, MAINTENANCE_RULES, type RuleBreach } from '#src/sla/maintenance-rules.ts';
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import { zoneAbbreviation, zonedParts } from '#src/time/zone.ts';
import { formatDuration } from './format.ts';
import type { Locale } from './locale.ts';
import { messages } from './messages.ts';

const pad = (value: number): string => String(value).padStart(2, '0');
const clock = ({ hour, minute }: { hour: number; minute: number }) => `${pad(hour)}:${pad(minute)}`;

export function maintenanceTypeName(type: MaintenanceType, locale: Locale): string {
  return messages[locale].maintenanceRules.typeName[type];
}

/** "from Friday 20:00 to Saturday 03:00", "between 19:00 and 23:00 on one day". */
export function describeSlot(slot: AllowedSlot, locale: Locale): string {
  const w = messages[locale].maintenanceRules;
  if (slot.weekdays && slot.weekdays.length === 1 && slot.closesDaysLater === 1) {
    const day = slot.weekdays[0]!;
    return w.slotOvernight(w.weekdays[day - 1]!, clock(slot.opens), w.weekdays[day % 7]!, clock(slot.closes));
  }
  return w.slotSameDay(clock(slot.opens), clock(slot.closes));
}

/** "Friday 12 June 2026 21:00 CEST": the zone named, as everywhere times are shown. */
function moment(instant: number, zone: string, locale: Locale): string {
  const w = messages[locale].maintenanceRules;
  const p = zonedParts(instant, zone);
  return w.moment(w.weekdays[p.weekday - 1]!, p.day, w.months[p.month - 1]!, p.year, clock(p), zoneAbbreviation(instant, zone));
}

/**
 * The SLA rule of a maintenance type in one sentence, e.g. "Regular maintenance is
 * announced at least 14 days ahead and takes place from Friday 20:00 to Saturday 03:00
 * (Europe/Amsterdam)."
 */
export function describeRule(type: MaintenanceType, locale: Locale): string {
  const w = messages[locale].maintenanceRules;
  const rule = MAINTENANCE_RULES[type];
  const notice = w.notice[type];
  const announced =
    rule.minimumNoticeMs === null ? w.announcedNone : rule.minimumNoticeMs >= 0 ? w.announcedAhead(notice) : w.announcedAfterStart(notice);
  const when = rule.slot ? w.takesPlace(describeSlot(rule.slot, locale), SLA_TIME_ZONE) : w.anyTime;
  return w.rule(w.typeName[type], announced, when);
}

/**
 * A broken rule as one sentence naming the rule and what the maintenance did. Every code
 * has its own case: a new code in src/sla/maintenance-rules.ts fails the type check here
 * until it has its sentence, instead of silently taking another rule's.
 */
export function describeBreach(breach: RuleBreach, locale: Locale): string {
  const w = messages[locale].maintenanceRules;
  const type = w.typeName[breach.type];
  const demand = (noticeMs: number) => (noticeMs >= 0 ? w.demandAhead(type, w.notice[breach.type]) : w.demandAfterStart(type, w.notice[breach.type]));
  switch (breach.code) {
    case 'empty_window':
      return w.emptyWindow;
    case 'not_announced':
      return w.notAnnounced(demand(breach.allowed.noticeMs));
    case 'notice_too_short':
    case 'announced_too_late': {
      const given = breach.actual.noticeMs;
      return w.announcedLate(demand(breach.allowed.noticeMs), given >= 0 ? w.givenAhead(formatDuration(given, locale)) : w.givenAfterStart(formatDuration(given, locale)));
    }
    case 'outside_allowed_window': {
      const { slot, zone } = breach.allowed;
      return w.outsideWindow(type, describeSlot(slot, locale), zone, moment(breach.actual.start, zone, locale), moment(breach.actual.end, zone, locale));
    }
    case 'downtime_too_long':
      return w.downtime(type, formatDuration(breach.allowed.downtimeBelowMs, locale), formatDuration(breach.actual.downtimeMs, locale));
    default: {
      const unworded: never = breach;
      throw new Error(`no sentence for the maintenance rule breach ${JSON.stringify(unworded)}`);
    }
  }
}
