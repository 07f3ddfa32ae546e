// Components as Statuspage lists them: every product group a group component
// (`group: true`, its products' ids in `components`, the worst of their statuses), every
// product a component with its group's id, in catalogue order, each group followed by its
// products. Pure: the loader hands over the current health and the moments of change.
import type { Locale } from '#src/i18n/locale.ts';
import type { ProductStatus } from '#src/domain/vocabulary.ts';
import { worstStatus } from '#src/sla/product-status.ts';
import type { Component } from './documents.ts';
import { COMPONENT_STATUS, dateOf, ids, timestamp } from './mapping.ts';

export interface ProductFacts {
  slug: string;
  name: { nl: string; en: string };
  status: ProductStatus;
  /** When the product began to be measured: its created_at and start_date. */
  measuredSince: number;
  /** The latest moment up to now at which its status could have changed; null: never. */
  changedAt: number | null;
}

export interface GroupFacts {
  slug: string;
  name: { nl: string; en: string };
  products: ProductFacts[];
}

export function buildComponents(groups: readonly GroupFacts[], pageId: string, locale: Locale): Component[] {
  const components: Component[] = [];
  for (const [groupIndex, group] of groups.entries()) {
    const groupId = ids.group(group.slug);
    const created = Math.min(...group.products.map((p) => p.measuredSince));
    const updated = Math.max(...group.products.map(updatedAt));
    components.push({
      id: groupId,
      name: group.name[locale],
      status: COMPONENT_STATUS[worstStatus(group.products.map((p) => p.status))],
      created_at: timestamp(created),
      updated_at: timestamp(updated),
      position: groupIndex + 1,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: pageId,
      group: true,
      only_show_if_degraded: false,
      components: group.products.map((p) => ids.product(p.slug)),
    });
    for (const [index, product] of group.products.entries()) {
      components.push({
        id: ids.product(product.slug),
        name: product.name[locale],
        status: COMPONENT_STATUS[product.status],
        created_at: timestamp(product.measuredSince),
        updated_at: timestamp(updatedAt(product)),
        position: index + 1,
        description: null,
        showcase: true,
        start_date: dateOf(product.measuredSince),
        group_id: groupId,
        page_id: pageId,
        group: false,
        only_show_if_degraded: false,
      });
    }
  }
  return components;
}

/** Never before the component existed. */
function updatedAt(product: ProductFacts): number {
  return Math.max(product.measuredSince, product.changedAt ?? product.measuredSince);
}
