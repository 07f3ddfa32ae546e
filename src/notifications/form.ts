// The subscription forms' fields as the sign-up and preferences inputs take them (the
// page itself only renders): FormData in, a plain object out, problems in words.
import type { ChannelName } from '#src/domain/vocabulary.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { messages } from '#src/i18n/messages.ts';
import { isChannelName } from './channels/registry.ts';
import type { SignUpProblem } from './subscriber-input.ts';

export interface SignUpFields {
  channel: ChannelName;
  email: string;
  url: string;
  locale: Locale;
  products: string[];
}

export function signUpFields(form: FormData, pageLocale: Locale): SignUpFields {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    channel: isChannelName(text('channel')) ? (text('channel') as ChannelName) : 'email',
    email: text('email'),
    url: text('url'),
    locale: text('locale') === 'en' ? 'en' : text('locale') === 'nl' ? 'nl' : pageLocale,
    products: form.getAll('products').map(String),
  };
}

/** Field → message, for the form and its error summary. */
export function problemWords(problems: readonly SignUpProblem[], locale: Locale): Record<string, string> {
  const t = messages[locale].notifications.form;
  const words: Record<SignUpProblem['code'], string> = {
    invalid_email: t.invalidEmail,
    invalid_url: t.invalidUrl,
    refused_address: t.refusedUrl,
    wrong_service: t.wrongService,
    unknown_product: t.unknownProduct,
  };
  return Object.fromEntries(problems.map((p) => [p.field, words[p.code]]));
}
