// Notice periods and allowed windows per maintenance type, SLA §2.1 and §6 (SLA.md
// "Maintenance"). checkMaintenance lists every rule a planned or past maintenance breaks,
// with a sentence in English and Dutch naming the rule and the actual figure: scheduling
// against the rules is allowed with an override and a reason, and the breach stays
// visible. Pure; all wall-clock times are in the SLA zone.
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import type { MaintenanceType } from '#src/domain/vocabulary.ts';
import { addDays, isoWeekday, zoneAbbreviation, zonedParts, zonedToInstant } from '#src/time/zone.ts';

import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '#src/time/units.ts';

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

/** SLA §2.1 / §6 (SLA.md "Maintenance"). "14 days" is counted as 14 × 24 hours elapsed. */
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

export interface RuleBreach {
  code: MaintenanceRuleCode;
  en: string;
  nl: string;
}

/** Time between announcement and start; negative when announced after the start. */
export function noticeGiven(announcedAt: number, start: number): number {
  return start - announcedAt;
}

// Names, and the notice as the SLA words it ("24 hours", not "1 day"). Exported for the feeds.
export const TYPE_TEXT: Record<MaintenanceType, { en: string; nl: string; notice: { en: string; nl: string } }> = {
  regular: { en: 'Regular maintenance', nl: 'Regulier onderhoud', notice: { en: '14 days', nl: '14 dagen' } },
  necessary: { en: 'Necessary maintenance', nl: 'Noodzakelijk onderhoud', notice: { en: '24 hours', nl: '24 uur' } },
  emergency: { en: 'Emergency maintenance', nl: 'Spoedonderhoud', notice: { en: '1 hour', nl: '1 uur' } },
  unannounced: { en: 'Unannounced maintenance', nl: 'Onaangekondigd onderhoud', notice: { en: 'none', nl: 'geen' } },
};
const UNITS = [
  { ms: DAY_MS, en: ['day', 'days'], nl: ['dag', 'dagen'] },
  { ms: HOUR_MS, en: ['hour', 'hours'], nl: ['uur', 'uur'] },
  { ms: MINUTE_MS, en: ['minute', 'minutes'], nl: ['minuut', 'minuten'] },
  { ms: SECOND_MS, en: ['second', 'seconds'], nl: ['seconde', 'seconden'] },
] as const;
const WEEKDAYS = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
};
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};
export type Language = 'en' | 'nl';

/**
 * "3 days 4 hours": the two largest non-zero units, truncated, never rounded up, so
 * 13 days 23 hours 59 minutes of notice never reads as the 14 days it falls short of,
 * and 1 hour 30 seconds late never reads as the 1 hour allowed.
 */
export function formatDuration(ms: number, language: Language): string {
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(rest / unit.ms);
    rest -= count * unit.ms;
    if (count > 0) parts.push(`${count} ${unit[language][count === 1 ? 0 : 1]}`);
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : language === 'en' ? 'less than a second' : 'minder dan een seconde';
}

const pad = (value: number): string => String(value).padStart(2, '0');

function formatMoment(instant: number, zone: string, language: Language): string {
  const p = zonedParts(instant, zone);
  // The zone is named, as everywhere times are shown (CET or CEST).
  return `${WEEKDAYS[language][p.weekday - 1]} ${p.day} ${MONTHS[language][p.month - 1]} ${p.year} ${pad(p.hour)}:${pad(p.minute)} ${zoneAbbreviation(instant, zone)}`;
}

/** "from Friday 20:00 to Saturday 03:00": the slot in words (exported for the feeds). */
export function describeSlot(slot: AllowedSlot, language: Language): string {
  const opens = `${pad(slot.opens.hour)}:${pad(slot.opens.minute)}`;
  const closes = `${pad(slot.closes.hour)}:${pad(slot.closes.minute)}`;
  if (slot.weekdays && slot.weekdays.length === 1 && slot.closesDaysLater === 1) {
    const day = slot.weekdays[0]!;
    const next = (day % 7) + 1;
    const names = WEEKDAYS[language];
    return language === 'en'
      ? `from ${names[day - 1]} ${opens} to ${names[next - 1]} ${closes}`
      : `van ${names[day - 1]} ${opens} tot ${names[next - 1]} ${closes}`;
  }
  return language === 'en' ? `between ${opens} and ${closes} on one day` : `tussen ${opens} en ${closes} op één dag`;
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
  const rule = MAINTENANCE_RULES[plan.type];
  const name = TYPE_TEXT[plan.type];
  const breaches: RuleBreach[] = [];
  if (!(plan.end > plan.start)) {
    breaches.push({
      code: 'empty_window',
      en: 'A maintenance window must end after it starts.',
      nl: 'Een onderhoudsvenster moet eindigen na de start.',
    });
  }
  const required = rule.minimumNoticeMs;
  if (required !== null) {
    const demand =
      required >= 0
        ? { en: `must be announced at least ${name.notice.en} ahead`, nl: `moet ten minste ${name.notice.nl} vooraf worden aangekondigd` }
        : { en: `must be announced no later than ${name.notice.en} after it starts`, nl: `moet uiterlijk ${name.notice.nl} na de start worden aangekondigd` };
    if (plan.announcedAt === null) {
      breaches.push({
        code: 'not_announced',
        en: `${name.en} ${demand.en}; this one was not announced.`,
        nl: `${name.nl} ${demand.nl}; dit onderhoud werd niet aangekondigd.`,
      });
    } else {
      const notice = noticeGiven(plan.announcedAt, plan.start);
      if (notice < required) {
        const given =
          notice >= 0
            ? { en: `${formatDuration(notice, 'en')} ahead`, nl: `${formatDuration(notice, 'nl')} vooraf` }
            : { en: `${formatDuration(notice, 'en')} after the start`, nl: `${formatDuration(notice, 'nl')} na de start` };
        breaches.push({
          code: required >= 0 ? 'notice_too_short' : 'announced_too_late',
          en: `${name.en} ${demand.en}; this one was announced ${given.en}.`,
          nl: `${name.nl} ${demand.nl}; dit onderhoud werd ${given.nl} aangekondigd.`,
        });
      }
    }
  }
  if (rule.slot && plan.end > plan.start && !fitsSlot(rule.slot, plan.start, plan.end, zone)) {
    const runs = (language: Language) =>
      `${formatMoment(plan.start, zone, language)} ${language === 'en' ? 'to' : 'tot'} ${formatMoment(plan.end, zone, language)}`;
    breaches.push({
      code: 'outside_allowed_window',
      en: `${name.en} may only take place ${describeSlot(rule.slot, 'en')} (${zone}); this one runs from ${runs('en')}.`,
      nl: `${name.nl} mag alleen plaatsvinden ${describeSlot(rule.slot, 'nl')} (${zone}); dit onderhoud loopt van ${runs('nl')}.`,
    });
  }
  const downtime = plan.downtimeMs ?? plan.end - plan.start;
  if (rule.downtimeBelowMs !== null && downtime >= rule.downtimeBelowMs) {
    breaches.push({
      code: 'downtime_too_long',
      en: `${name.en} may cause less than ${formatDuration(rule.downtimeBelowMs, 'en')} of downtime; this one lasted ${formatDuration(downtime, 'en')}.`,
      nl: `${name.nl} mag minder dan ${formatDuration(rule.downtimeBelowMs, 'nl')} onderbreking veroorzaken; dit onderhoud duurde ${formatDuration(downtime, 'nl')}.`,
    });
  }
  return breaches;
}

export function maintenanceTypeName(type: MaintenanceType, locale: Language): string {
  return TYPE_TEXT[type][locale];
}

/**
 * The SLA rule of a maintenance type in one sentence, e.g. "Regular maintenance is
 * announced at least 14 days ahead and takes place from Friday 20:00 to Saturday 03:00
 * (Europe/Amsterdam)."
 */
export function describeRule(type: MaintenanceType, locale: Language): string {
  const rule = MAINTENANCE_RULES[type];
  const notice = TYPE_TEXT[type].notice[locale];
  const en = locale === 'en';
  let announced: string;
  if (rule.minimumNoticeMs === null) announced = en ? 'is not announced in advance' : 'wordt niet vooraf aangekondigd';
  else if (rule.minimumNoticeMs >= 0) announced = en ? `is announced at least ${notice} ahead` : `wordt ten minste ${notice} vooraf aangekondigd`;
  else announced = en ? `is announced no later than ${notice} after it starts` : `wordt uiterlijk ${notice} na de start aangekondigd`;
  let when: string;
  if (rule.slot) when = `${en ? 'takes place' : 'vindt plaats'} ${describeSlot(rule.slot, locale)} (Europe/Amsterdam)`;
  else when = en ? 'may take place at any time' : 'kan op elk moment plaatsvinden';
  return `${TYPE_TEXT[type][locale]} ${announced} ${en ? 'and' : 'en'} ${when}.`;
}
