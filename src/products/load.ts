// The products of the status page as every page and loader sees them: by group, in the
// catalogue's order, with their names in both languages and their availability target.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { productGroups, products } from '#db/schema.ts';
import type { ProductAvailabilitySpec } from '#src/sla/availability.ts';

export interface ProductInfo extends ProductAvailabilitySpec {
  id: number;
  name: { nl: string; en: string };
  group: { slug: string; name: { nl: string; en: string } };
}

export async function loadProducts(db: Database): Promise<ProductInfo[]> {
  const rows = await db
    .select({ product: products, group: productGroups })
    .from(products)
    .innerJoin(productGroups, eq(products.groupId, productGroups.id))
    .orderBy(asc(productGroups.position), asc(products.position));
  return rows.map(({ product, group }) => ({
    id: product.id,
    slug: product.slug,
    name: { nl: product.nameNl, en: product.nameEn },
    target: product.availabilityTarget,
    measuredSince: +product.measuredSince,
    group: { slug: group.slug, name: { nl: group.nameNl, en: group.nameEn } },
  }));
}
