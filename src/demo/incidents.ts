// Builds one demo incident from a scenario: when the NOC responds and resolves (mostly
// within the SLA §4 targets, now and then late), its 2–6 updates with statuses moving
// investigating → identified → monitoring → resolved, and the product impacts per update
// as import deltas (docs/sla.md#incidents). Category 1 runs on the office-hours clock.
import { STATUS_RANK } from '#src/domain/vocabulary.ts';
import type { Impact, IncidentStatus } from '#src/domain/vocabulary.ts';
import type { ImportInput } from '#src/history-import/schema.ts';
import { addOfficeHours } from '#src/sla/office-hours.ts';
import { clockText, isoAmsterdam, wholeMinute } from '#src/demo/clock.ts';
import { MINUTE_MS } from '#src/time/units.ts';
import { PROGRESS_UPDATES, STILL_MONITORING } from '#src/demo/messages.ts';
import type { Bilingual, IncidentScenario } from '#src/demo/messages.ts';
import { nmsOutage } from '#src/demo/outages.ts';
import type { OutageInput } from '#src/demo/outages.ts';
import type { DemoProduct, DowntimeBudget } from '#src/demo/products.ts';
import type { Random } from '#src/demo/random.ts';

export type IncidentInput = NonNullable<ImportInput['incidents']>[number];
type UpdateInput = IncidentInput['updates'][number];

export interface DemoContext {
  rng: Random;
  budget: DowntimeBudget;
}

export interface BuiltIncident {
  incident: IncidentInput;
  /** NMS outages that coincide with the incident (the platform saw it before the report). */
  outages: OutageInput[];
}

const STAGE_STATUS: readonly IncidentStatus[] = ['investigating', 'identified', 'monitoring'];

/** Minutes on the incident's SLA clock: office time for category 1, wall time for 2. */
function advance(category: 1 | 2, from: number, minutes: number): number {
  return category === 1 ? addOfficeHours(from, minutes / 60) : from + minutes * MINUTE_MS;
}

function responseMinutes(rng: Random): number {
  // SLA: 1 (office) hour; about one response in sixteen is late.
  return rng.chance(0.06) ? rng.int(65, 115) : rng.int(4, 50);
}

function resolutionMinutes(rng: Random, category: 1 | 2, severe: boolean): number {
  if (severe) return rng.int(100, 280);
  const roll = rng.next();
  // Category 2: < 4 h for 80 %, < 12 h for 95 %; category 1: < 8 / < 16 office hours.
  if (category === 2) return roll < 0.85 ? rng.int(45, 230) : roll < 0.955 ? rng.int(250, 690) : rng.int(735, 840);
  return roll < 0.85 ? rng.int(60, 460) : roll < 0.955 ? rng.int(500, 940) : rng.int(980, 1300);
}

/** Stages of the updates before the resolution: non-decreasing, repeats only after investigating. */
function stageSequence(rng: Random, count: number): number[] {
  if (count === 1) return [rng.pick([0, 1])];
  if (count === 2) return rng.pick([[0, 1], [0, 2], [1, 2]]);
  const stages = [0, 1, 2];
  for (let n = 3; n < count; n++) stages.push(rng.int(1, 2));
  return stages.sort((a, b) => a - b);
}

function primaryProduct(scenario: IncidentScenario): DemoProduct {
  return Object.keys(scenario.impacts)[0] as DemoProduct;
}

function lower(a: Impact, b: Impact): Impact {
  return STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;
}

function fill(text: Bilingual, at: number, rng: Random): Bilingual {
  const since = clockText(at - rng.int(2, 9) * MINUTE_MS);
  return { nl: text.nl.replaceAll('{since}', since), en: text.en.replaceAll('{since}', since) };
}

interface Timeline {
  times: number[];
  /** Stage per update; the last update is the resolution when `resolved`. */
  stages: number[];
}

/**
 * The updates with their impacts. Each update names only the products whose impact
 * changes (the import's delta semantics); an impact never gets worse within an incident,
 * and is lowered where the product's downtime budget would not take it, unless the
 * incident is the month's deliberately severe one.
 */
function composeUpdates(ctx: DemoContext, scenario: IncidentScenario, timeline: Timeline, resolved: boolean, openUntil: number, severe: boolean): UpdateInput[] {
  const { times, stages } = timeline;
  const current = new Map<DemoProduct, Impact>();
  const seen = new Set<number>();
  return times.map((at, n) => {
    const last = n === times.length - 1;
    if (last && resolved) {
      return { at: isoAmsterdam(at), status: 'resolved', ...textOf(fill(scenario.resolved, at, ctx.rng)) };
    }
    const stage = stages[n]!;
    const until = times[n + 1] ?? openUntil;
    const impacts: Record<string, Impact> = {};
    for (const [product, steps] of Object.entries(scenario.impacts) as [DemoProduct, readonly Impact[]][]) {
      const previous = current.get(product);
      const wanted = previous ? lower(previous, steps[stage]!) : steps[stage]!;
      let impact: Impact;
      if (severe && n === 0 && product === primaryProduct(scenario)) {
        impact = wanted;
        ctx.budget.charge(product, at, until, impact);
      } else {
        impact = ctx.budget.fit(product, at, until, wanted);
      }
      if (impact !== previous) impacts[product] = impact;
      current.set(product, impact);
    }
    const repeat = seen.has(stage);
    seen.add(stage);
    const text = !repeat
      ? [scenario.investigating, scenario.identified, scenario.monitoring][stage]!
      : stage === 2
        ? STILL_MONITORING
        : ctx.rng.pick(PROGRESS_UPDATES);
    const update: UpdateInput = { at: isoAmsterdam(at), status: STAGE_STATUS[stage]!, ...textOf(fill(text, at, ctx.rng)) };
    return Object.keys(impacts).length > 0 ? { ...update, impacts } : update;
  });
}

function textOf(text: Bilingual): { message: string; messageEn: string } {
  return { message: text.nl, messageEn: text.en };
}

function incidentOf(id: string, scenario: IncidentScenario, reportedAt: number, updates: UpdateInput[]): IncidentInput {
  return {
    id,
    title: scenario.title.nl,
    titleEn: scenario.title.en,
    category: scenario.category,
    reportedAt: isoAmsterdam(reportedAt),
    updates,
  };
}

/**
 * A resolved incident reported at `reportedAt`, or null when its resolution would fall
 * after `cutoff` (nothing is charged to the budget then). `severe`: a category 2 incident
 * whose first stage lasts long enough to break the month's availability target.
 */
export function resolvedIncident(ctx: DemoContext, id: string, scenario: IncidentScenario, reportedAt: number, cutoff: number, severe = false): BuiltIncident | null {
  const { rng } = ctx;
  const category = scenario.category;
  const response = responseMinutes(rng);
  const resolution = Math.max(resolutionMinutes(rng, category, severe), response + (severe ? 100 : 30));
  const span = resolution - response;
  // Category 2: an update at least every ~2 hours where 6 updates allow it; category 1: every ~4 office hours.
  const count =
    category === 2
      ? Math.min(6, Math.max(3, Math.ceil(span / 110) + 1))
      : Math.min(6, Math.max(2, Math.ceil(span / 230) + rng.int(0, 1)));
  const offsets = [response];
  const majorFirst = Object.values(scenario.impacts).some((steps) => steps[0] === 'major_outage');
  if (category === 2 && majorFirst) offsets.push(response + (severe ? rng.int(50, 80) : rng.int(6, 18)));
  const from = offsets.at(-1)!;
  const remaining = count - offsets.length;
  for (let n = 1; n <= remaining; n++) {
    const even = from + ((resolution - from) * n) / remaining;
    offsets.push(n === remaining ? resolution : even + rng.between(-0.15, 0.15) * ((resolution - from) / remaining));
  }
  const times = offsets.map((minutes) => wholeMinute(advance(category, reportedAt, minutes)));
  if (times.at(-1)! > cutoff) return null;
  const stages = stageSequence(rng, count - 1);
  // The severe outage starts with the investigation, at its worst.
  if (severe) stages[0] = 0;
  const updates = composeUpdates(ctx, scenario, { times, stages }, true, times.at(-1)!, severe);
  return { incident: incidentOf(id, scenario, reportedAt, updates), outages: coincidingOutage(ctx, id, scenario, reportedAt, times[0]!, severe) };
}

/** The NMS saw a category 2 outage a few minutes before the report, in about half the cases. */
function coincidingOutage(ctx: DemoContext, id: string, scenario: IncidentScenario, reportedAt: number, firstUpdate: number, severe: boolean): OutageInput[] {
  const { rng, budget } = ctx;
  if (scenario.category !== 2 || !(severe || rng.chance(0.5))) return [];
  const product = primaryProduct(scenario);
  const start = reportedAt - rng.int(60, 240) * 1000;
  const end = Math.min(firstUpdate, reportedAt + rng.int(3, 15) * MINUTE_MS);
  const wanted = scenario.impacts[product]![0];
  const impact = severe ? wanted : budget.fit(product, start, end, wanted);
  if (severe) budget.charge(product, start, end, impact);
  if (impact !== 'major_outage' && impact !== 'partial_outage') return [];
  return [nmsOutage(`${id}-nms`, product, start, end, impact, 'Alarm van de netwerkmonitoring bij het begin van de storing')];
}

/**
 * The incident still open at `anchor`: reported a few hours before it, 2–3 updates, the
 * last one identified or monitoring, a light impact on its products.
 */
export function openIncident(ctx: DemoContext, id: string, scenario: IncidentScenario, anchor: number): BuiltIncident {
  const { rng } = ctx;
  // At most 25 + 2 × 70 minutes from report to last update: all before the anchor.
  const reportedAt = wholeMinute(anchor - rng.int(180, 300) * MINUTE_MS);
  const stages = rng.pick([[0, 1], [0, 2], [1, 2], [0, 1, 2]]);
  const times = [wholeMinute(reportedAt + rng.int(6, 25) * MINUTE_MS)];
  for (let n = 1; n < stages.length; n++) times.push(times[n - 1]! + rng.int(35, 70) * MINUTE_MS);
  const updates = composeUpdates(ctx, scenario, { times, stages }, false, anchor, false);
  return { incident: incidentOf(id, scenario, reportedAt, updates), outages: [] };
}
