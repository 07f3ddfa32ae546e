// The first half of an import: the whole file parsed and checked before anything is
// written. Every problem at once, each with its JSON path and the rule broken: the
// schema's, unknown product slugs, text that cannot be stored and events dated after the import. A
// file nested deeper than the format ever goes is refused before any of that, with one
// problem, since those checks walk the file and a hostile depth would exhaust the stack.
import { inDocumentOrder, laterThanNow, unstorableText, unknownProducts } from './problems.ts';
import { formatPath, importDocument, type ImportDocument, type ImportProblem } from './schema.ts';

/** The format nests 6 levels (incidents[n].updates[k].impacts.slug); room to spare, none for abuse. */
export const MAX_DEPTH = 32;

export type CheckedImport = { ok: true; doc: ImportDocument } | { ok: false; problems: ImportProblem[] };

/** A file too deep to walk, as the one problem it has; null when its depth is fine. Needs no database. */
export function depthProblem(input: unknown): ImportProblem | null {
  const deep = tooDeep(input, MAX_DEPTH);
  // The path to where it goes too deep, its first levels only: it can be thousands long.
  return deep && { path: `${formatPath(deep.slice(0, 6))}…`, message: `nests deeper than ${MAX_DEPTH} levels; an import file needs at most 6` };
}

export function checkImport(input: unknown, knownProducts: { has(slug: string): boolean }, now: Date): CheckedImport {
  const deep = depthProblem(input);
  if (deep) return { ok: false, problems: [deep] };
  const parsed = importDocument.safeParse(input);
  // Every problem at once: the schema's and the unknown products', also when both occur.
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))),
    ...unknownProducts(input, knownProducts),
    ...unstorableText(input),
    ...(parsed.success ? laterThanNow(parsed.data, now) : []),
  ];
  if (!parsed.success || problems.length > 0) return { ok: false, problems: inDocumentOrder(problems) };
  return { ok: true, doc: parsed.data };
}

/** The path of the first value nested deeper than `max` arrays and objects, found without recursion; null when none is. */
export function tooDeep(input: unknown, max: number): PropertyKey[] | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= max) return path;
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, n) => [n, v]) : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return null;
}
