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
import { noProblems, outcomeOf, readForm, statusOf, type FormOutcome, type FormValues, type PostedForm } from './forms.ts';
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

/** What a page of several forms made of its request: what was posted (nothing on GET), by which form, and how its command took it. */
export interface FormRound {
  form: PostedForm | null;
  values: FormValues;
  /** The posted form's hidden `intent`: which of the page's forms it was. */
  intent: string;
  outcome: FormOutcome;
}

/**
 * A page whose forms each name their `intent` (post an update, cancel, …): a posted form
 * runs its action, then the page answers 303 to `savedAt` (post/redirect/get). A refused
 * one comes back as the round, the input kept and each problem next to its field among
 * `fields`, and the page answers with the refusal's status.
 */
export async function runIntent(
  Astro: AstroGlobal,
  request: ConsoleRequest,
  { fields, savedAt, actions }: { fields: readonly string[]; savedAt: string; actions: Readonly<Record<string, (form: PostedForm) => Promise<unknown>>> },
): Promise<FormRound | Response> {
  let form: PostedForm | null = null;
  try {
    form = await postedForm(Astro, request);
    if (!form) return { form, values: {}, intent: '', outcome: noProblems };
    const intent = form.values.intent ?? '';
    // An intent no form of the page has does nothing.
    if (Object.hasOwn(actions, intent)) await actions[intent]!(form);
    return Astro.redirect(savedAt, 303);
  } catch (error) {
    const outcome = outcomeOf(error, fields, request.locale);
    Astro.response.status = statusOf(outcome);
    return { form, values: form?.values ?? {}, intent: form?.values.intent ?? '', outcome };
  }
}
