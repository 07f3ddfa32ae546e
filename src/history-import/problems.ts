// The problems of an import file beyond its schema, and their order: product slugs the
// database does not know, found in the raw input so that they are reported together with
// the schema's problems, and all of them sorted as they appear in the file.
import { formatPath, type ImportDocument, type ImportProblem } from './schema.ts';

/**
 * Product slugs the database does not know, wherever the file names one. Reads the raw
 * input, not the parsed document, so they are reported together with the schema's
 * problems; whatever is not where a slug belongs is left to the schema.
 */
export function unknownProducts(input: unknown, known: { has(slug: string): boolean }): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const field = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const check = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string' && value !== '' && !known.has(value))
      problems.push({ path: formatPath(path), message: `names an unknown product "${value}"` });
  };
  for (const [n, p] of items(field(input, 'products')).entries()) check(field(p, 'slug'), ['products', n, 'slug']);
  for (const [n, o] of items(field(input, 'outages')).entries()) check(field(o, 'product'), ['outages', n, 'product']);
  for (const [n, m] of items(field(input, 'maintenances')).entries()) {
    for (const [k, s] of items(field(m, 'products')).entries()) check(s, ['maintenances', n, 'products', k]);
  }
  for (const [n, i] of items(field(input, 'incidents')).entries()) {
    for (const [k, u] of items(field(i, 'updates')).entries()) {
      const impacts = field(u, 'impacts');
      if (typeof impacts !== 'object' || impacts === null || Array.isArray(impacts)) continue;
      for (const s of Object.keys(impacts)) check(s, ['incidents', n, 'updates', k, 'impacts', s]);
    }
  }
  return problems;
}

const SECTIONS = ['products', 'outages', 'maintenances', 'incidents', 'kpis'];

/** Problems sorted by section and item ("outages[2]" before "outages[10]"), in a stable sort. */
export function inDocumentOrder(problems: ImportProblem[]): ImportProblem[] {
  const position = ({ path }: ImportProblem): [number, number] => {
    const match = /^([^.[]+)(?:\[(\d+)\])?/.exec(path);
    return [match ? SECTIONS.indexOf(match[1]!) : -1, match?.[2] ? Number(match[2]) : -1];
  };
  return problems
    .map((problem) => ({ problem, at: position(problem) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1])
    .map(({ problem }) => problem);
}

/** A UTF-16 surrogate without its partner: JSON can spell one (\ud800), UTF-8 cannot store it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as it is, or null. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'a NUL character';
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate (not Unicode text)';
  return null;
}

/**
 * Text PostgreSQL cannot store as given, wherever it stands: a NUL character (refused by
 * the database) or a lone surrogate (stored as U+FFFD, so the same file would differ from
 * what it wrote on every import). The caller has bounded the depth (check.ts).
 */
export function unstorableText(input: unknown, path: PropertyKey[] = []): ImportProblem[] {
  if (typeof input === 'string') {
    const why = unstorable(input);
    return why ? [{ path: formatPath(path), message: `must not contain ${why}` }] : [];
  }
  if (Array.isArray(input)) return input.flatMap((item, n) => unstorableText(item, [...path, n]));
  if (typeof input === 'object' && input !== null) {
    return Object.entries(input).flatMap(([key, value]) => {
      const why = unstorable(key);
      return [...(why ? [{ path: formatPath(path), message: `must not have a key with ${why}` }] : []), ...unstorableText(value, [...path, key])];
    });
  }
  return [];
}

/**
 * What the file says happened must have happened by `now`: a report, an update, an
 * outage or an announcement dated later would show on the page before its time.
 * Maintenance windows may lie ahead.
 */
export function laterThanNow(doc: ImportDocument, now: Date): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const check = (value: Date | undefined, path: PropertyKey[]) => {
    if (value && value > now) problems.push({ path: formatPath(path), message: `must not be later than the time of the import (${now.toISOString()})` });
  };
  doc.outages.forEach((o, n) => {
    check(o.start, ['outages', n, 'start']);
    check(o.end, ['outages', n, 'end']);
  });
  doc.maintenances.forEach((m, n) => {
    check(m.announcedAt, ['maintenances', n, 'announcedAt']);
    check(m.cancelledAt, ['maintenances', n, 'cancelledAt']);
  });
  doc.incidents.forEach((i, n) => {
    check(i.reportedAt, ['incidents', n, 'reportedAt']);
    for (const [k, u] of i.updates.entries()) check(u.at, ['incidents', n, 'updates', k, 'at']);
  });
  return problems;
}
