// The admin's subscribers (/api/v1/subscribers and the console's CSV upload): a page of the
// list with addresses in full (only here), adding one or up to 10,000 at once, all or
// nothing with every problem named by its path, and removing one. An admin adds the
// provider's existing customers: confirmed at once (no double opt-in mail), and every
// message still carries the link to cancel. Audited by count and number, never by address.
import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '#db/client.ts';
import { products, subscriberProducts, subscribers } from '#db/schema.ts';
import { CommandError, formatPath, notFound, type FieldProblem } from '#src/commands/errors.ts';
import { requirePermission, runCommand, type CommandContext } from '#src/commands/run.ts';
import type { ChannelName } from '#src/domain/vocabulary.ts';
import { CHANNELS } from './channels/registry.ts';
import { newWebhookSecret } from './channels/webhook/signature.ts';
import { checkTarget, signUpInput } from './subscriber-input.ts';

export const MAX_BULK = 10_000;
/** The request body of a bulk add: 10,000 subscribers of a few products each, with room for URLs. */
export const MAX_SUBSCRIBERS_BODY_BYTES = 4 * 1024 * 1024;
const INSERT_SLICE = 1000;
const URL_CHECKS_AT_ONCE = 16;

export const newSubscriberInput = signUpInput.strict();
export const bulkSubscribersInput = z.strictObject({ subscribers: z.array(newSubscriberInput).min(1).max(MAX_BULK) });
/** The list's own shape, before each subscriber in it is checked on its own (so every problem is named at once). */
const bulkShape = z.strictObject({ subscribers: z.array(z.unknown(), { error: 'must be a list' }).min(1, 'must hold at least 1 subscriber').max(MAX_BULK, `must hold at most ${MAX_BULK} subscribers`) });
type NewSubscriber = z.output<typeof newSubscriberInput>;
/** A subscriber to add, checked: its URL normalised, its products as ids. */
type Checked = Omit<NewSubscriber, 'url'> & { url: string | null; productIds: number[] };

const TARGET_WORDS = { invalid_url: 'must be an http:// or https:// URL without credentials', refused_address: 'points to a loopback, private or reserved address', wrong_service: 'is not a webhook URL of this service' } as const;

/** The key that makes two subscriptions the same one. */
const identity = (s: { channel: ChannelName; email: string; url?: string | null }) => (s.channel === 'email' ? `email ${s.email}` : `${s.channel} ${s.url}`);

async function problemsOf(db: Queryable, list: NewSubscriber[], prefix: string, allowPrivate: boolean): Promise<{ problems: FieldProblem[]; conflicts: FieldProblem[]; rows: Checked[] }> {
  const problems: FieldProblem[] = [];
  const known = new Map((await db.select({ id: products.id, slug: products.slug }).from(products)).map((p) => [p.slug, p.id]));
  const rows = list.map((s, i): Checked => {
    const productIds: number[] = [];
    s.products.forEach((slug, j) => {
      const id = known.get(slug);
      if (id === undefined) problems.push({ path: `${prefix}${i}].products[${j}]`, message: `names a product that does not exist (${[...known.keys()].join(', ')})` });
      else if (!productIds.includes(id)) productIds.push(id);
    });
    const url = s.channel !== 'email' && s.url && URL.canParse(s.url) ? new URL(s.url).toString() : null;
    return { ...s, url, productIds };
  });
  for (let start = 0; start < list.length; start += URL_CHECKS_AT_ONCE) {
    const slice = list.slice(start, start + URL_CHECKS_AT_ONCE);
    const found = await Promise.all(slice.map((s) => (s.channel === 'email' ? null : checkTarget(s.channel, s.url, allowPrivate))));
    found.forEach((problem, k) => {
      if (problem) problems.push({ path: `${prefix}${start + k}].url`, message: TARGET_WORDS[problem] });
    });
  }
  const first = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = identity(r);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else problems.push({ path: `${prefix}${i}].${r.channel === 'email' ? 'email' : 'url'}`, message: `repeats ${prefix}${earlier}]` });
  });
  const emails = rows.filter((r) => r.channel === 'email').map((r) => r.email);
  const urls = rows.filter((r) => r.url).map((r) => r.url!);
  const existing = [
    ...(emails.length ? await db.select().from(subscribers).where(and(eq(subscribers.channel, 'email'), inArray(subscribers.email, emails))) : []),
    ...(urls.length ? await db.select().from(subscribers).where(and(isNotNull(subscribers.url), inArray(subscribers.url, urls))) : []),
  ];
  const taken = new Map(existing.map((s) => [identity(s), s.id]));
  const conflicts = rows.flatMap((r, i) => {
    const id = taken.get(identity(r));
    return id === undefined ? [] : [{ path: `${prefix}${i}].${r.channel === 'email' ? 'email' : 'url'}`, message: `is already subscribed (subscriber ${id})` }];
  });
  return { problems, conflicts, rows };
}

/** Problems in the order of the request: by subscriber, then as found. */
const byPlace = (a: FieldProblem, b: FieldProblem) => Number(/\[(\d+)\]/.exec(a.path)?.[1] ?? -1) - Number(/\[(\d+)\]/.exec(b.path)?.[1] ?? -1);

export interface AddedSubscribers {
  ids: number[];
  /** The signing secret of each webhook added, by id: shown once. */
  secrets: Record<number, string>;
}

/** Adds one subscriber or a list, confirmed; refuses the whole list when one is wrong. */
export async function addSubscribers(ctx: CommandContext, input: unknown, { allowPrivate }: { allowPrivate: boolean }): Promise<AddedSubscribers> {
  requirePermission(ctx.actor, 'subscribers');
  const bulk = typeof input === 'object' && input !== null && 'subscribers' in input;
  const shape = bulk ? bulkShape.safeParse(input) : null;
  if (shape && !shape.success) {
    const fields = shape.error.issues.map((issue) => ({ path: formatPath(issue.path) || '(body)', message: issue.message }));
    throw new CommandError('invalid', `the request has ${fields.length} invalid field(s)`, fields);
  }
  const items = shape?.data?.subscribers ?? [input];
  const invalid: FieldProblem[] = [];
  const list: NewSubscriber[] = [];
  /** Where each valid one stands in the request. */
  const places: number[] = [];
  items.forEach((item, i) => {
    const parsed = newSubscriberInput.safeParse(item);
    if (parsed.success) {
      list.push(parsed.data);
      places.push(i);
    } else for (const issue of parsed.error.issues) invalid.push({ path: formatPath(bulk ? ['subscribers', i, ...issue.path] : issue.path) || '(body)', message: issue.message });
  });
  const checked = await problemsOf(ctx.db, list, bulk ? 'subscribers[' : '[', allowPrivate);
  // problemsOf numbers the valid ones: back to their places in the request.
  const renumber = (f: FieldProblem) => ({ ...f, path: f.path.replace(/\[(\d+)\]/, (_, k: string) => `[${places[Number(k)]}]`), message: f.message.replace(/\[(\d+)\]$/, (_, k: string) => `[${places[Number(k)]}]`) });
  const problems = [...invalid, ...checked.problems.map(renumber)];
  const conflicts = checked.conflicts.map(renumber);
  const rows = checked.rows;
  const named = (fields: FieldProblem[]) => (bulk ? fields : fields.map((f) => ({ ...f, path: f.path.replace(/^\[0\]\./, '') })));
  if (problems.length) throw new CommandError('invalid', `${problems.length + conflicts.length} problem(s); nothing was added`, named([...problems, ...conflicts]).sort(byPlace).slice(0, 1000));
  if (conflicts.length) throw new CommandError('conflict', `${conflicts.length} already subscribed; nothing was added`, named(conflicts).slice(0, 1000));
  return runCommand(ctx, 'subscribers', async (tx) => {
    const ids: number[] = [];
    const secrets: Record<number, string> = {};
    for (let start = 0; start < rows.length; start += INSERT_SLICE) {
      const slice = rows.slice(start, start + INSERT_SLICE);
      const values = slice.map((r) => ({ channel: r.channel, email: r.email, url: r.url, secret: r.channel === 'webhook' ? newWebhookSecret() : null, locale: r.locale, allProducts: r.productIds.length === 0, createdAt: ctx.now, confirmedAt: ctx.now }));
      const added = await tx.insert(subscribers).values(values).returning({ id: subscribers.id, secret: subscribers.secret });
      for (const a of added) {
        ids.push(a.id);
        if (a.secret) secrets[a.id] = a.secret;
      }
      const chosen = slice.flatMap((r, k) => r.productIds.map((productId) => ({ subscriberId: added[k]!.id, productId })));
      if (chosen.length) await tx.insert(subscriberProducts).values(chosen);
    }
    const channels = Object.fromEntries(Object.keys(CHANNELS).map((c) => [c, rows.filter((r) => r.channel === c).length]).filter(([, n]) => n));
    return { result: { ids, secrets }, audit: { action: 'subscriber.add', entityType: 'subscriber', entityId: ids.length === 1 ? ids[0]! : null, after: { count: ids.length, channels } } };
  });
}

/** A subscriber as the admin API shows it: the address in full, the products by slug ([] = all). */
export interface SubscriberResource {
  id: number;
  channel: ChannelName;
  email: string;
  url: string | null;
  locale: 'nl' | 'en';
  products: string[];
  createdAt: Date;
  confirmedAt: Date | null;
  disabledAt: Date | null;
}

export const PAGE_SIZE = 100;

/** Subscribers with an id above `after`, oldest first; `next` is the cursor of the following page. */
export async function listSubscribers(ctx: CommandContext, { after = 0, limit = PAGE_SIZE }: { after?: number; limit?: number } = {}): Promise<{ subscribers: SubscriberResource[]; next: number | null }> {
  requirePermission(ctx.actor, 'subscribers');
  const rows = await ctx.db.select().from(subscribers).where(gt(subscribers.id, after)).orderBy(asc(subscribers.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  const chosen = page.length
    ? await ctx.db.select({ subscriberId: subscriberProducts.subscriberId, slug: products.slug }).from(subscriberProducts).innerJoin(products, eq(products.id, subscriberProducts.productId)).where(inArray(subscriberProducts.subscriberId, page.map((r) => r.id))).orderBy(asc(products.position))
    : [];
  return {
    subscribers: page.map((r) => ({ id: r.id, channel: r.channel, email: r.email, url: r.url, locale: r.locale, products: chosen.filter((c) => c.subscriberId === r.id).map((c) => c.slug), createdAt: r.createdAt, confirmedAt: r.confirmedAt, disabledAt: r.disabledAt })),
    next: rows.length > limit ? page.at(-1)!.id : null,
  };
}

/** Removes a subscriber and its unsent deliveries. */
export async function deleteSubscriber(ctx: CommandContext, id: number): Promise<void> {
  await runCommand(ctx, 'subscribers', async (tx) => {
    const [row] = await tx.delete(subscribers).where(eq(subscribers.id, id)).returning({ id: subscribers.id, channel: subscribers.channel });
    if (!row) throw notFound('subscriber', id);
    return { result: undefined, audit: { action: 'subscriber.remove', entityType: 'subscriber', entityId: id, before: { channel: row.channel } } };
  });
}

