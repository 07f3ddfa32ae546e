// Statuspage components to our products: first by the map file (`--products MAP.json`,
// component id or name → product slug, or null to leave the component out), then by name
// (a product's Dutch or English name or its slug, ignoring case and surrounding space).
// A component that matches nothing is reported, never guessed.
import { z } from 'zod';
import { slug } from '#src/commands/fields.ts';
import type { ImportProblem } from '../schema.ts';

/** The map file: component id or name → product slug, or null for "not one of ours". */
export const productMapFile = z.record(z.string(), slug.nullable(), { error: 'must be an object of component id or name → product slug (or null)' });
export type ProductMap = z.output<typeof productMapFile>;

export interface ProductNames {
  slug: string;
  name: { nl: string; en: string };
}

export type Resolved = { slug: string } | { ignored: true } | { unknown: true };

const normal = (name: string) => name.trim().toLowerCase();

export interface ComponentResolver {
  resolve(component: { id: string; name: string }): Resolved;
  /** Map entries that name no product of the catalogue. */
  problems: ImportProblem[];
}

export function componentResolver(products: readonly ProductNames[], map: ProductMap): ComponentResolver {
  const known = new Set(products.map((p) => p.slug));
  const byName = new Map(products.flatMap((p) => [p.slug, p.name.nl, p.name.en].map((name) => [normal(name), p.slug] as const)));
  const problems = Object.entries(map)
    .filter(([, target]) => target !== null && !known.has(target))
    .map(([key, target]) => ({ path: `--products "${key}"`, message: `names an unknown product "${target}" (known: ${[...known].join(', ')})` }));
  const mapped = (target: string | null): Resolved => (target === null ? { ignored: true } : { slug: target });
  return {
    problems,
    resolve: ({ id, name }) => {
      if (Object.hasOwn(map, id)) return mapped(map[id] ?? null);
      if (Object.hasOwn(map, name)) return mapped(map[name] ?? null);
      const found = byName.get(normal(name));
      return found ? { slug: found } : { unknown: true };
    },
  };
}
