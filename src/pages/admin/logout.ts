// POST /admin/logout: ends the session (its row is deleted) and clears the cookie.
import type { APIRoute } from 'astro';
import { csrfMatches, endSession, sessionCookie } from '#src/auth/sessions.ts';
import { sessionSettingsOf } from '#src/http/private.ts';

export const POST: APIRoute = async ({ locals, request }) => {
  const { config, db } = locals;
  const user = locals.consoleUser;
  const form = await request.formData().catch(() => null);
  if (!user || !csrfMatches(user.csrf, form?.get('csrf'))) return new Response('Forbidden\n', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  await endSession(db, user.sessionId);
  const prefix = locals.locale === 'en' ? '/en' : '';
  return new Response(null, { status: 303, headers: { Location: `${prefix}/admin/login?signed-out`, 'Set-Cookie': sessionCookie(sessionSettingsOf(config), null) } });
};
