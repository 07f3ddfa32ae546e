// A Statuspage page's public history as an import document (docs/import.md, "Moving from
// Statuspage"), to go through the same check and writer as any import file. External ids
// are the Statuspage ids prefixed `statuspage:`, so a second run changes nothing. Pure.
//
// What Statuspage has and we have not is mapped, and said: an incident's category is read
// off its impact; a postmortem update is left out; a resolution followed by more updates
// becomes "monitoring" (nothing may follow our resolution); a component under maintenance
// during an incident has no incident impact; a maintenance's type is the first whose SLA
// rules its notice and window keep, unannounced when it was never scheduled ahead.
import { IMPACTS, type Impact, type IncidentStatus, type MaintenanceType } from '#src/domain/vocabulary.ts';
import { messages } from '#src/i18n/messages.ts';
import { checkMaintenance } from '#src/sla/maintenance-rules.ts';
import type { ImportInput, ImportProblem } from '../schema.ts';
import { componentResolver, type ProductMap, type ProductNames } from './components.ts';
import type { StatuspageComponent, StatuspageHistory, StatuspageIncident, StatuspageMaintenance, StatuspageUpdate } from './documents.ts';

export const EXTERNAL_ID_PREFIX = 'statuspage:';

type ImportIncidentInput = NonNullable<ImportInput['incidents']>[number];
type ImportMaintenanceInput = NonNullable<ImportInput['maintenances']>[number];

export interface Conversion {
  document: ImportInput;
  /** What stops the import: components that match no product, a wrong map, values we do not know. */
  problems: ImportProblem[];
  /** What was changed or left out on the way, one line each. */
  notes: string[];
  /** A problem of the import's own check, in the page's terms ("incident abc123 "Name".updates[1]…"). */
  where(problem: ImportProblem): string;
}

/** Statuspage's incident and maintenance impact, as an impact on our products. */
const IMPACT_OF: Readonly<Record<string, Impact>> = { critical: 'major_outage', major: 'partial_outage', minor: 'degraded_performance', none: 'operational' };
const INCIDENT_STATUSES: readonly string[] = ['investigating', 'identified', 'monitoring', 'resolved'];

export function convertStatuspage(history: StatuspageHistory, products: readonly ProductNames[], map: ProductMap): Conversion {
  const resolver = componentResolver(products, map);
  const problems: ImportProblem[] = [...resolver.problems];
  const unknown = new Map<string, { component: { id: string; name: string }; uses: Set<string> }>();
  const counts = { postmortem: 0, reopened: 0, underMaintenance: 0 };
  const notes: string[] = [];
  const componentNames = new Map(history.components.map((c) => [c.id, c.name]));

  /** The product slug of a component, or null; an unknown one is collected for one problem. */
  const productOf = (component: { id: string; name: string }, use: string): string | null => {
    const resolved = resolver.resolve(component);
    if ('slug' in resolved) return resolved.slug;
    if ('unknown' in resolved) {
      if (!unknown.has(component.id)) unknown.set(component.id, { component, uses: new Set() });
      unknown.get(component.id)!.uses.add(use);
    }
    return null;
  };
  const oldestFirst = (updates: readonly StatuspageUpdate[]) =>
    // Listed newest first: reversed, then ordered by the moment shown (stable for ties).
    [...updates].reverse().map((u) => ({ update: u, at: u.display_at ?? u.created_at })).sort((a, b) => +a.at - +b.at);

  function incident(i: StatuspageIncident): ImportIncidentInput | null {
    const use = `incident ${i.id}`;
    const all = oldestFirst(i.incident_updates);
    const kept = all.filter(({ update }) => update.status !== 'postmortem');
    counts.postmortem += all.length - kept.length;
    if (kept.length === 0) {
      notes.push(`incident ${i.id} "${i.name}" is left out: it has no update but its postmortem`);
      return null;
    }
    // Without any affected_components, the incident's components bear its impact from the first update.
    const anyAffected = kept.some(({ update }) => (update.affected_components ?? []).length > 0);
    const initial: Record<string, Impact> = {};
    const listed = IMPACT_OF[i.impact ?? 'none'];
    if (!anyAffected && listed && listed !== 'operational') {
      for (const c of i.components ?? []) {
        const slug = productOf(c, use);
        if (slug) initial[slug] = listed;
      }
    }
    const updates = kept.map(({ update, at }, n) => {
      if (!INCIDENT_STATUSES.includes(update.status)) problems.push({ path: `incident ${i.id} update ${update.id}`, message: `has the status "${update.status}", which Statuspage incidents do not have` });
      const last = n === kept.length - 1;
      if (update.status === 'resolved' && !last) counts.reopened++;
      const status = (update.status === 'resolved' && !last ? 'monitoring' : update.status) as IncidentStatus;
      const impacts: Record<string, Impact> = n === 0 ? { ...initial } : {};
      for (const a of update.affected_components ?? []) {
        const slug = productOf({ id: a.code, name: a.name }, use);
        const impact = componentImpact(a.new_status);
        if (slug && a.new_status === 'under_maintenance') counts.underMaintenance++;
        if (!impact) problems.push({ path: `incident ${i.id} update ${update.id}`, message: `names the component status "${a.new_status}", which Statuspage does not have` });
        else if (slug) impacts[slug] = impact;
      }
      // An empty update says its status, in the page's language.
      const message = (update.body ?? '').trim() || (messages.nl.incidentStatus[status] ?? update.status);
      return { at: at.toISOString(), status, message, impacts };
    });
    const started = i.started_at ?? i.created_at;
    const reportedAt = new Date(Math.min(+started, +kept[0]!.at));
    const category = i.impact === 'critical' || i.impact === 'major' ? 2 : 1;
    return { id: `${EXTERNAL_ID_PREFIX}${i.id}`, title: i.name.trim(), category, reportedAt: reportedAt.toISOString(), updates };
  }

  function maintenance(m: StatuspageMaintenance): ImportMaintenanceInput | null {
    const slugs = [...new Set((m.components ?? []).map((c: StatuspageComponent) => productOf(c, `maintenance ${m.id}`)).filter((s): s is string => s !== null))];
    if ((m.components ?? []).length === 0) {
      notes.push(`maintenance ${m.id} "${m.name}" is left out: it names no component`);
      return null;
    }
    if (slugs.length === 0) {
      if (![...unknown.values()].some((u) => u.uses.has(`maintenance ${m.id}`))) notes.push(`maintenance ${m.id} "${m.name}" is left out: the map leaves out each of its components`);
      return null;
    }
    const announcement = oldestFirst(m.incident_updates).find(({ update }) => update.status === 'scheduled');
    const announcedAt = announcement?.at;
    return {
      id: `${EXTERNAL_ID_PREFIX}${m.id}`,
      type: announcedAt ? typeKept(announcedAt, m.scheduled_for, m.scheduled_until) : 'unannounced',
      title: m.name.trim(),
      description: (announcement?.update.body ?? '').trim(),
      products: slugs,
      ...(announcedAt && { announcedAt: announcedAt.toISOString() }),
      start: m.scheduled_for.toISOString(),
      end: m.scheduled_until.toISOString(),
      ...(m.impact && m.impact !== 'maintenance' && IMPACT_OF[m.impact] && { expectedImpact: IMPACT_OF[m.impact] }),
      ...(m.status === 'completed' && { completed: true }),
    };
  }

  const incidents = history.incidents.map(incident).filter((i) => i !== null);
  const maintenances = history.maintenances.map(maintenance).filter((m) => m !== null);
  for (const { component, uses } of unknown.values()) {
    const name = componentNames.get(component.id) ?? component.name;
    problems.push({
      path: `component "${name}" (${component.id})`,
      message: `matches no product by name (named by ${[...uses].slice(0, 3).join(', ')}${uses.size > 3 ? ` and ${uses.size - 3} more` : ''}); map it in --products MAP.json to one of ${products.map((p) => p.slug).join(', ')}, or to null to leave it out`,
    });
  }
  if (counts.postmortem > 0) notes.push(`${counts.postmortem} postmortem update(s) left out: bring postmortems in through the write API`);
  if (counts.reopened > 0) notes.push(`${counts.reopened} resolution(s) followed by more updates imported as "monitoring": nothing may follow a resolution here`);
  if (counts.underMaintenance > 0) notes.push(`${counts.underMaintenance} component(s) under maintenance during an incident counted as no incident impact`);

  const sources = { incidents: incidents.map((i) => describe('incident', i)), maintenances: maintenances.map((m) => describe('maintenance', m)) };
  return {
    document: { incidents, maintenances },
    problems,
    notes,
    where: (problem) => {
      const match = /^(incidents|maintenances)\[(\d+)\](.*)$/.exec(problem.path);
      const source = match && sources[match[1] as keyof typeof sources][Number(match[2])];
      return source ? `${source}${match[3]}` : problem.path || '(document)';
    },
  };
}

/** A component status as an incident's impact on it; under maintenance is none. Null: no such status. */
function componentImpact(status: string): Impact | null {
  if (status === 'under_maintenance') return 'operational';
  return (IMPACTS as readonly string[]).includes(status) ? (status as Impact) : null;
}

const describe = (kind: string, item: { id: string; title: string }) => `${kind} ${item.id.slice(EXTERNAL_ID_PREFIX.length)} "${item.title}"`;

/** The first type whose SLA rules (notice, window) the maintenance kept; emergency allows any time. */
function typeKept(announcedAt: Date, start: Date, end: Date): MaintenanceType {
  const types = ['regular', 'necessary', 'emergency'] as const;
  return types.find((type) => checkMaintenance({ type, announcedAt: +announcedAt, start: +start, end: +end }).length === 0) ?? 'emergency';
}
