// What a console page works with: the signed-in user (the middleware checked the session),
// the actor the commands see, one `now`, the language, and the CSRF check of a posted form.
import type { AstroGlobal } from 'astro';
import type { Database } from '#db/client.ts';
import type { Actor } from '#src/domain/actor.ts';
import { csrfMatches, type SignedIn } from '#src/auth/sessions.ts';
import { CommandError } from '#src/commands/errors.ts';
import type { CommandContext } from '#src/commands/run.ts';
import type { Locale } from '#src/i18n/locale.ts';
import type { Config } from '#src/config/environment.ts';
import { readForm, type PostedForm } from './forms.ts';
import type { ConsoleWords } from '#src/i18n/console-types.ts';
import { messages } from '#src/i18n/messages.ts';

export interface ConsoleRequest {
  db: Database;
  config: Config;
  now: Date;
  locale: Locale;
  t: ConsoleWords;
  /** "/admin" or "/en/admin". */
  base: string;
  user: SignedIn;
  command: CommandContext;
}

export function consoleRequest(Astro: AstroGlobal): ConsoleRequest {
  const { db, now, locale, config } = Astro.locals;
  const user = Astro.locals.consoleUser;
  // The middleware lets no console page run without a session, except sign-in and set-up.
  if (!user) throw new Error('consoleRequest on a page without a session');
  const actor: Actor = { kind: 'user', userId: user.userId, email: user.email, role: user.role };
  return { db, config, now, locale, t: messages[locale].console, base: locale === 'en' ? '/en/admin' : '/admin', user, command: { db, actor, now } };
}

/** The posted form, when its CSRF token is this session's; a CommandError otherwise. */
export async function postedForm(Astro: AstroGlobal, request: ConsoleRequest): Promise<PostedForm | null> {
  if (Astro.request.method !== 'POST') return null;
  const form = await readForm(Astro.request);
  if (!csrfMatches(request.user.csrf, form.values.csrf)) throw new CommandError('forbidden', request.t.errors.csrf);
  return form;
}
