// Product groups and products come from a catalogue file (db/catalogue.json), not code, so
// another provider can run the same software with its own list. Synced by slug at every
// start: names, order, group and target follow the file; measured-since is set on creation
// only, because imports and the NOC may move it afterwards. Products are never deleted:
// history refers to them.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '#db/client.ts';
import { productGroups, products } from '#db/schema.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
const names = z.object({ nl: z.string().min(1), en: z.string().min(1) });

const catalogueSchema = z.object({
  groups: z
    .array(
      z.object({
        slug,
        name: names,
        products: z
          .array(
            z.object({
              slug,
              name: names,
              target: z.number().gt(0).max(100).nullable(),
              measuredSince: z.iso.datetime({ offset: true }).optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export class CatalogueError extends Error {}

export function readCatalogue(file: string): Catalogue {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CatalogueError(`CATALOGUE_FILE ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CatalogueError(`CATALOGUE_FILE ${file}: ${issue.path.join('.')} ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const product of parsed.data.groups.flatMap((g) => g.products)) {
    if (seen.has(product.slug)) throw new CatalogueError(`CATALOGUE_FILE ${file}: product slug "${product.slug}" appears twice`);
    seen.add(product.slug);
  }
  return parsed.data;
}

/** Upserts groups and products; running it twice changes nothing the second time. */
export async function syncCatalogue(db: Queryable, catalogue: Catalogue, now: Date): Promise<void> {
  let productPosition = 0;
  for (const [groupPosition, group] of catalogue.groups.entries()) {
    const [row] = await db
      .insert(productGroups)
      .values({ slug: group.slug, nameNl: group.name.nl, nameEn: group.name.en, position: groupPosition })
      .onConflictDoUpdate({
        target: productGroups.slug,
        set: { nameNl: group.name.nl, nameEn: group.name.en, position: groupPosition },
      })
      .returning({ id: productGroups.id });
    for (const product of group.products) {
      await db
        .insert(products)
        .values({
          slug: product.slug,
          groupId: row!.id,
          nameNl: product.name.nl,
          nameEn: product.name.en,
          position: productPosition++,
          availabilityTarget: product.target,
          measuredSince: product.measuredSince ? new Date(product.measuredSince) : now,
        })
        .onConflictDoUpdate({
          target: products.slug,
          set: {
            groupId: sql`excluded.group_id`,
            nameNl: sql`excluded.name_nl`,
            nameEn: sql`excluded.name_en`,
            position: sql`excluded.position`,
            availabilityTarget: sql`excluded.availability_target`,
          },
        });
    }
  }
}
