// Every string the pages show, per language: the shape is in types.ts, the texts in nl.ts
// and en.ts. Dutch is the default at /…; English lives at /en/… (locale.ts).
import { en } from './en.ts';
import type { Locale } from './locale.ts';
import { nl } from './nl.ts';
import type { Messages } from './types.ts';

export const messages: Readonly<Record<Locale, Messages>> = { nl, en };
