// The private side's gate, run by the middleware before any route: /admin and /api/v1 only
// from ADMIN_ALLOW_CIDRS (403 elsewhere), and /admin only with a session (else a redirect
// to the sign-in page; the API answers 401 itself, never a redirect). Private answers are
// never stored by any cache.
import type { APIContext } from 'astro';
import { requireTotpForAll } from '#src/auth/second-factor.ts';
import { findSession, readCookie, cookieName, type SignedIn } from '#src/auth/sessions.ts';
import type { Config } from '#src/config/environment.ts';
import { allowed, clientAddress } from '#src/config/networks.ts';
import { answerResponse, apiErrorAnswer, textAnswer } from './errors.ts';

export const PRIVATE_CACHE_CONTROL = 'no-store';

/** "/admin/…" or "/en/admin/…" → the console path without the language; null elsewhere. */
export function consolePath(pathname: string): string | null {
  const match = /^(?:\/en)?(\/admin(?:\/.*)?)$/.exec(pathname);
  return match ? match[1]! : null;
}

export const isPrivatePath = (pathname: string) => consolePath(pathname) !== null || pathname === '/api/v1' || pathname.startsWith('/api/v1/');

/** Console pages that need no session. */
const OPEN_CONSOLE_PATHS = new Set(['/admin/login', '/admin/setup']);

export function sessionSettingsOf(config: Config) {
  return { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours, secure: config.siteUrl.startsWith('https:') };
}

/** The client's address as the allowlist and the sign-in throttle see it. */
export function requestAddress(context: Pick<APIContext, 'request' | 'clientAddress' | 'locals'>): string {
  const { config } = context.locals;
  let socket = '';
  try {
    socket = context.clientAddress;
  } catch {
    socket = '';
  }
  return clientAddress(socket, context.request.headers.get('x-forwarded-for'), config.trustedProxies);
}

/** A response that ends the request here, or the signed-in user (null: none) to go on with. */
export async function guardPrivate(context: APIContext): Promise<{ stop: Response } | { user: SignedIn | null }> {
  const { config, db, now } = context.locals;
  const path = consolePath(context.url.pathname);
  if (!allowed(requestAddress(context), config.adminAllowCidrs)) {
    const refusal = path === null ? apiErrorAnswer(403, 'forbidden', 'not allowed from this network address') : textAnswer(403, 'Not allowed from this network address.');
    return { stop: answerResponse(refusal) };
  }
  if (path === null) return { user: null };
  const settings = sessionSettingsOf(config);
  const user = await findSession(db, readCookie(context.request.headers.get('cookie'), cookieName(settings)), now, settings);
  // After the language rewrite the path has no /en: the locale says which it was.
  const prefix = context.locals.locale === 'en' ? '/en' : '';
  const to = (where: string) => ({ stop: new Response(null, { status: 303, headers: { Location: `${prefix}${where}`, 'Cache-Control': PRIVATE_CACHE_CONTROL } }) });
  if (OPEN_CONSOLE_PATHS.has(path)) return { user: user && !user.secondFactorPending ? user : null };
  // Password given, second factor not yet: only that step (or signing out).
  if (user?.secondFactorPending) return path === '/admin/second-factor' || path === '/admin/logout' ? { user } : to('/admin/second-factor');
  if (path === '/admin/second-factor') return user ? to('/admin') : to('/admin/login');
  if (user && !user.hasTotp && path !== '/admin/account' && path !== '/admin/logout' && (await requireTotpForAll(db))) return to('/admin/account?totp-required');
  if (user) return { user };
  const next = encodeURIComponent(prefix + context.url.pathname + context.url.search);
  return { stop: new Response(null, { status: 303, headers: { Location: `${prefix}/admin/login?next=${next}`, 'Cache-Control': PRIVATE_CACHE_CONTROL } }) };
}
