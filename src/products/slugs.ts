// Product slugs as writers name them, resolved to ids: an unknown slug is a field problem
// naming where it was written ("impacts.voipnowx", "products[1]").
import { inArray } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { products } from '#db/schema.ts';
import { CommandError, type FieldProblem } from '#src/commands/errors.ts';

export interface NamedSlug {
  slug: string;
  /** Where the input named it, for the error. */
  path: string;
}

/** Id per slug; throws a 422 naming every unknown slug. */
export async function resolveProducts(tx: Queryable, named: readonly NamedSlug[]): Promise<Map<string, number>> {
  const slugs = [...new Set(named.map((n) => n.slug))];
  const rows = slugs.length ? await tx.select({ id: products.id, slug: products.slug }).from(products).where(inArray(products.slug, slugs)) : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const unknown: FieldProblem[] = named.filter((n) => !ids.has(n.slug)).map((n) => ({ path: n.path, message: `"${n.slug}" is not a product of this status page` }));
  if (unknown.length > 0) throw new CommandError('invalid', `unknown product(s): ${unknown.map((u) => u.path).join(', ')}`, unknown);
  return ids;
}
