// The facts a route declaration asks to tell, without a render, that an address names
// nothing (src/http/routes.ts RouteFacts): the products, the number of history pages, the
// calendar's months. Read from the database once per published state and kept until the
// state moves (a write, a clock transition), so a flood of made-up page numbers or product
// slugs costs a lookup in memory, not a render.
import type { Database } from '#db/client.ts';
import { loadProducts } from '#src/products/load.ts';
import type { RouteFacts } from '#src/http/routes.ts';
import { countHistoryPages } from '#src/incidents/queries.ts';
import { calendarMonths } from '#src/maintenance/queries.ts';
import type { SlaSettings } from '#src/sla/settings.ts';
import { type PublishedState, withBudget } from './published.ts';

export class PublishedFacts implements RouteFacts {
  private state = '';
  private readonly known = new Map<string, Promise<unknown>>();
  private readonly db: Database;
  private readonly clock: () => Date;
  private readonly sla: SlaSettings;
  private readonly published: PublishedState;
  private readonly budgetMs: number;

  constructor(options: { db: Database; clock: () => Date; sla: SlaSettings; published: PublishedState; queryBudgetMs: number }) {
    this.db = options.db;
    this.clock = options.clock;
    this.sla = options.sla;
    this.published = options.published;
    this.budgetMs = options.queryBudgetMs;
  }

  /** One read per fact and state; a failed read is not kept (the next request tries again). */
  private remember<T>(name: string, read: () => Promise<T>): Promise<T> {
    if (this.state !== this.published.key) {
      this.state = this.published.key;
      this.known.clear();
    }
    let fact = this.known.get(name) as Promise<T> | undefined;
    if (!fact) {
      fact = withBudget(read(), this.budgetMs, `reading ${name}`);
      this.known.set(name, fact);
      fact.catch(() => this.known.delete(name));
    }
    return fact;
  }

  productSlugs(): Promise<ReadonlySet<string>> {
    return this.remember('the products', async () => new Set((await loadProducts(this.db)).map((p) => p.slug)));
  }

  historyPages(productSlug: string | null): Promise<number> {
    return this.remember(`the history pages of ${productSlug ?? 'all products'}`, () => countHistoryPages({ db: this.db, now: this.clock(), sla: this.sla }, productSlug));
  }

  calendarMonths(): Promise<{ first: string; last: string }> {
    return Promise.resolve(calendarMonths(this.clock()));
  }
}
