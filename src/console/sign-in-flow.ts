// What the two sign-in steps (password, second factor) share: where to go afterwards
// (only a console path), the answer that sets the session cookie, and a refusal (401, or
// 429 with Retry-After while locked).
import type { AstroGlobal } from 'astro';
import { sessionCookie, type SessionSettings } from '#src/auth/sessions.ts';
import type { ConsoleWords } from '#src/i18n/console-types.ts';

export function safeNext(wanted: string | null, base: string): string {
  const path = wanted ?? '';
  return /^(\/en)?\/admin(\/[\w\-/]*)?(\?[\w=&%-]*)?$/.test(path) && !path.includes('//') ? path : base;
}

export function signedIn(location: string, settings: SessionSettings, cookieValue: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Set-Cookie': sessionCookie(settings, cookieValue), 'Cache-Control': 'no-store' } });
}

/** Sets the status (and Retry-After) of a refused step; returns the message to show. */
export function refused(Astro: AstroGlobal, result: { reason: 'failed' } | { reason: 'locked'; retryAfterSeconds: number }, t: ConsoleWords, wrong: string): string {
  if (result.reason === 'locked') {
    Astro.response.status = 429;
    Astro.response.headers.set('Retry-After', String(result.retryAfterSeconds));
    return t.signIn.locked(result.retryAfterSeconds);
  }
  Astro.response.status = 401;
  return wrong;
}
