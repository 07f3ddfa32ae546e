// GET /api/v1/subscribers: a page of the subscribers (addresses in full), ?after=<id> for
// the next. POST: one subscriber, or { "subscribers": [...] } up to 10,000 at once (all or
// nothing); confirmed at once; 201 with the ids (and each webhook's signing secret).
import { apiRoute, methodNotAllowed } from '#src/api/endpoint.ts';
import { CommandError } from '#src/commands/errors.ts';
import { parseId } from '#src/domain/ids.ts';
import { addSubscribers, listSubscribers, MAX_SUBSCRIBERS_BODY_BYTES, PAGE_SIZE } from '#src/notifications/admin-subscribers.ts';

/** A query parameter that is a whole number up to `max`; absent: undefined; else a 422 naming it. */
const whole = (value: string | null, name: string, max: number) => {
  if (value === null) return undefined;
  const n = parseId(value);
  if (n === null || n > max) throw new CommandError('invalid', `${name} must be a whole number from 0 to ${max}`, [{ path: name, message: `must be a whole number from 0 to ${max}` }]);
  return n;
};

export const GET = apiRoute('subscribers', async ({ ctx, url }) => {
  const after = whole(url.searchParams.get('after'), 'after', 999_999_999);
  const limit = whole(url.searchParams.get('limit'), 'limit', 1000) || PAGE_SIZE;
  const page = await listSubscribers(ctx, { after, limit });
  const next = page.next === null ? null : `/api/v1/subscribers?after=${page.next}${limit === PAGE_SIZE ? '' : `&limit=${limit}`}`;
  return { status: 200, body: { subscribers: page.subscribers, next } };
});

export const POST = apiRoute(
  'subscribers',
  async ({ ctx, config, body }) => {
    const { ids, secrets } = await addSubscribers(ctx, body, { allowPrivate: config.notifications.webhookAllowPrivate });
    const single = typeof body === 'object' && body !== null && !('subscribers' in body);
    return { status: 201, body: { ids, ...(Object.keys(secrets).length && { secrets }) }, ...(single && { location: `/api/v1/subscribers/${ids[0]}` }) };
  },
  { maxBodyBytes: MAX_SUBSCRIBERS_BODY_BYTES },
);

export const ALL = methodNotAllowed;
