// The demo maintenance calendar, by the rules of SLA §2.1 / §6 (docs/sla.md#maintenance):
// regular work announced ≥ 14 days ahead inside Friday 20:00 – Saturday 03:00, necessary
// work announced ≥ 24 h ahead inside 19:00–23:00, emergency work announced within the hour
// before it starts, unannounced work under a minute. A window causes no downtime by
// itself: the downtime is a recorded NMS outage on the affected products, inside the
// window, except for the one maintenance that overran. Plus one cancelled maintenance or
// two, and two upcoming ones (regular in 2–3 weeks, necessary in a few days).
import type { MaintenanceType } from '#src/domain/vocabulary.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { addDays, isoWeekday, parseMonthKey } from '#src/time/zone.ts';
import type { CivilDate, MonthKey } from '#src/time/zone.ts';
import { civilDateOf, isoAmsterdam, wallClock } from '#src/demo/clock.ts';
import { HOUR_MS, MINUTE_MS } from '#src/time/units.ts';
import type { DemoContext } from '#src/demo/incidents.ts';
import { CANCEL_REASONS, PLANNED_WORK, QUICK_WORK, URGENT_WORK } from '#src/demo/maintenance-texts.ts';
import type { MaintenanceText } from '#src/demo/maintenance-texts.ts';
import { nmsOutage } from '#src/demo/outages.ts';
import type { OutageInput } from '#src/demo/outages.ts';

export type MaintenanceInput = NonNullable<ImportInput['maintenances']>[number];

export interface DemoMaintenance {
  maintenances: MaintenanceInput[];
  outages: OutageInput[];
}

interface Window {
  start: number;
  end: number;
}

function daysOf(key: MonthKey): CivilDate[] {
  const { year, month } = parseMonthKey(key);
  const days: CivilDate[] = [];
  for (let date: CivilDate = { year, month, day: 1 }; date.month === month; date = addDays(date, 1)) days.push(date);
  return days;
}

/** Friday 20:00 – Saturday 03:00; hours past midnight written as 24–27. */
function regularWindow(ctx: DemoContext, friday: CivilDate): Window {
  const startHour = ctx.rng.int(20, 23);
  const endHour = ctx.rng.int(Math.max(startHour + 1, 24), 27);
  return { start: wallClock(friday, startHour), end: wallClock(friday, endHour - 24, 0, 1) };
}

/** Within 19:00–23:00 of one day. */
function necessaryWindow(ctx: DemoContext, date: CivilDate): Window {
  const startHour = ctx.rng.int(19, 21);
  return { start: wallClock(date, startHour), end: wallClock(date, ctx.rng.int(startHour + 1, 23)) };
}

/** 14 days' notice and more: office hours on a weekday 15–21 days before the (Friday) work. */
function regularNotice(ctx: DemoContext, window: Window): number {
  return wallClock(civilDateOf(window.start), ctx.rng.int(9, 15), ctx.rng.int(0, 59), -ctx.rng.pick([15, 16, 17, 18, 21]));
}

/** 24 hours' notice and more: office hours one to three days before. */
function necessaryNotice(ctx: DemoContext, window: Window): number {
  return wallClock(civilDateOf(window.start), ctx.rng.int(9, 16), ctx.rng.int(0, 59), -ctx.rng.int(1, 3));
}

function entry(id: string, type: MaintenanceType, text: MaintenanceText, window: Window, announcedAt: number | null): MaintenanceInput {
  return {
    id,
    type,
    title: text.title.nl,
    titleEn: text.title.en,
    description: text.description.nl,
    descriptionEn: text.description.en,
    products: [...text.products],
    ...(announcedAt === null ? {} : { announcedAt: isoAmsterdam(announcedAt) }),
    start: isoAmsterdam(window.start),
    end: isoAmsterdam(window.end),
    expectedImpact: text.expectedImpact,
  };
}

/** The downtime of a window: a few minutes per affected product, inside the window. */
function windowOutages(ctx: DemoContext, id: string, text: MaintenanceText, window: Window): OutageInput[] {
  const impact = text.expectedImpact;
  if (impact !== 'major_outage' && impact !== 'partial_outage') return [];
  const room = (window.end - window.start) / MINUTE_MS;
  return text.products.map((product, n) => {
    const start = window.start + ctx.rng.int(3, Math.max(4, Math.floor(room / 3))) * MINUTE_MS + ctx.rng.int(0, 59) * 1000;
    const end = Math.min(start + ctx.rng.int(120, 900) * 1000, window.end - MINUTE_MS);
    return nmsOutage(`${id}-nms-${n + 1}`, product, start, end, impact, 'Onderbreking tijdens onderhoud');
  });
}

/**
 * Past maintenance for each month (`months` oldest first, the last one in progress), all
 * of it over before `cutoff`, and the two upcoming windows after `anchor`.
 */
export function demoMaintenance(ctx: DemoContext, months: readonly MonthKey[], anchor: number, cutoff: number): DemoMaintenance {
  const { rng, budget } = ctx;
  const result: DemoMaintenance = { maintenances: [], outages: [] };
  const add = (item: MaintenanceInput, outages: OutageInput[] = []) => {
    result.maintenances.push(item);
    result.outages.push(...outages);
  };
  const indexes = months.map((_, n) => n);
  const fullMonths = indexes.slice(0, -1);
  const overrunMonth = rng.pick(fullMonths);
  const cancelMonths = rng.sample(fullMonths.filter((n) => n !== overrunMonth), rng.int(1, 2));
  const necessaryMonths = rng.sample(indexes, rng.int(4, 6));
  const emergencyMonths = rng.sample(indexes, rng.int(3, 4));
  const unannouncedMonths = rng.sample(indexes, rng.int(4, 6));
  // Items must lie wholly before the cutoff; the overrun outage needs its extra half hour.
  const fits = (window: Window) => window.end + HOUR_MS <= cutoff;

  months.forEach((key, n) => {
    const days = daysOf(key);
    const fridays = rng.sample(days.filter((date) => isoWeekday(date) === 5), 2).map((friday) => regularWindow(ctx, friday)).filter(fits);
    const [regular, spare] = fridays;
    if (regular && (n === overrunMonth || rng.chance(0.6))) {
      const text = n === overrunMonth ? rng.pick(PLANNED_WORK.filter((t) => !t.products.includes('voipnow'))) : rng.pick(PLANNED_WORK);
      const id = `demo-mnt-${key}-regular`;
      const outages = windowOutages(ctx, id, text, regular);
      if (n === overrunMonth) {
        // The work ran 20–30 minutes past the announced end: that part is unplanned downtime.
        const product = text.products[0]!;
        const end = regular.end + rng.int(20, 30) * MINUTE_MS;
        budget.charge(product, regular.end, end, 'major_outage');
        outages.splice(0, 1, nmsOutage(`${id}-nms-1`, product, regular.end - rng.int(20, 50) * MINUTE_MS, end, 'major_outage', 'Onderhoud liep uit: dienst later hersteld dan aangekondigd'));
      }
      add(entry(id, 'regular', text, regular, regularNotice(ctx, regular)), outages);
    }
    if (cancelMonths.includes(n)) {
      const window = spare ?? necessaryWindow(ctx, rng.pick(days));
      const type: MaintenanceType = spare ? 'regular' : 'necessary';
      const announcedAt = type === 'regular' ? regularNotice(ctx, window) : necessaryNotice(ctx, window);
      const cancelledAt = Math.floor((announcedAt + window.start) / 2 / MINUTE_MS) * MINUTE_MS;
      if (fits(window)) {
        add({
          ...entry(`demo-mnt-${key}-cancelled`, type, rng.pick(PLANNED_WORK), window, announcedAt),
          cancelled: true,
          cancelledAt: isoAmsterdam(cancelledAt),
          cancelReason: rng.pick(CANCEL_REASONS),
        });
      }
    }
    if (necessaryMonths.includes(n)) {
      const window = necessaryWindow(ctx, rng.pick(days));
      const text = rng.pick(PLANNED_WORK);
      const id = `demo-mnt-${key}-necessary`;
      if (fits(window)) add(entry(id, 'necessary', text, window, necessaryNotice(ctx, window)), windowOutages(ctx, id, text, window));
    }
    if (emergencyMonths.includes(n)) {
      const start = wallClock(rng.pick(days), rng.int(0, 23), rng.int(0, 11) * 5);
      const window = { start, end: start + rng.int(6, 24) * 5 * MINUTE_MS };
      const text = rng.pick(URGENT_WORK);
      const id = `demo-mnt-${key}-emergency`;
      const announcedAt = start - rng.int(10, 50) * MINUTE_MS;
      if (fits(window)) add(entry(id, 'emergency', text, window, announcedAt), windowOutages(ctx, id, text, window));
    }
    if (unannouncedMonths.includes(n)) {
      const start = wallClock(rng.pick(days), rng.int(0, 23), rng.int(0, 59)) + rng.int(0, 59) * 1000;
      const window = { start, end: start + rng.int(15, 50) * 1000 };
      const text = rng.pick(QUICK_WORK);
      const id = `demo-mnt-${key}-unannounced`;
      const product = text.products[0]!;
      if (fits(window)) {
        budget.charge(product, window.start, window.end, text.expectedImpact);
        add(entry(id, 'unannounced', text, window, null), [nmsOutage(`${id}-nms-1`, product, window.start, window.end, text.expectedImpact, 'Korte onderbreking door onaangekondigd onderhoud')]);
      }
    }
  });
  result.maintenances.push(...upcoming(ctx, civilDateOf(anchor)));
  return result;
}

/** A regular window on the Friday 15–21 days ahead and a necessary one 2–5 days ahead, both announced before `today`. */
function upcoming(ctx: DemoContext, today: CivilDate): MaintenanceInput[] {
  const { rng } = ctx;
  let friday = addDays(today, 15);
  while (isoWeekday(friday) !== 5) friday = addDays(friday, 1);
  const regular = regularWindow(ctx, friday);
  const necessary = necessaryWindow(ctx, addDays(today, rng.int(2, 5)));
  return [
    entry('demo-mnt-upcoming-regular', 'regular', rng.pick(PLANNED_WORK), regular, wallClock(today, rng.int(9, 15), rng.int(0, 59), -rng.int(1, 3))),
    entry('demo-mnt-upcoming-necessary', 'necessary', rng.pick(PLANNED_WORK), necessary, wallClock(today, rng.int(9, 16), rng.int(0, 59), -1)),
  ];
}
