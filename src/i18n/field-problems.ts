// A refused command's problems in the reader's language. The commands and their zod
// schemas word problems once, in English, for the JSON API (its clients read codes and
// English); the console shows the same problems in the page's language: a broken SLA rule
// from its code and figures (describeBreach), any other problem through the table below,
// one Dutch pattern per English sentence the commands can give. Times inside a sentence
// (ISO 8601, UTC) are shown in Europe/Amsterdam with the zone named, in both languages.
import type { RuleBreach } from '#src/sla/maintenance-rules.ts';
import { formatDateTime } from './format.ts';
import type { Locale } from './locale.ts';
import { describeBreach } from './maintenance-rules.ts';

export interface WordableProblem {
  message: string;
  /** A broken SLA maintenance rule, with its figures. */
  breach?: RuleBreach;
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

type Rewrite = [RegExp, (...groups: string[]) => string];

const KIND_NL: Record<string, string> = { incident: 'storing', maintenance: 'onderhoud', outage: 'onderbreking' };
const STATE_NL: Record<string, string> = { scheduled: 'gepland', in_progress: 'bezig', completed: 'afgerond', cancelled: 'geannuleerd' };

/** English sentence → Dutch. Anchored, so a sentence matches one pattern or none. */
const DUTCH: Rewrite[] = [
  [/^is required$/, () => 'is verplicht'],
  [/^must not be empty$/, () => 'mag niet leeg zijn'],
  [/^must be a number$/, () => 'moet een getal zijn'],
  [/^must be a string$/, () => 'moet tekst zijn'],
  [/^must be a list$/, () => 'moet een lijst zijn'],
  [/^must be an object$/, () => 'moet een object zijn'],
  [/^must be a boolean$/, () => 'moet ja of nee zijn'],
  [/^is not a field here: (.+)$/, (keys) => `is hier geen veld: ${keys}`],
  [/^must be at most (\d+) characters$/, (n) => `mag hoogstens ${n} tekens lang zijn`],
  [/^must be at least (\d+) characters$/, (n) => `moet minstens ${n} tekens lang zijn`],
  [/^must be a non-empty string$/, () => 'mag niet leeg zijn'],
  [/^must be a product slug$/, () => 'moet een product zijn'],
  [/^must be one of (.+)$/, (list) => `moet een van deze zijn: ${list}`],
  [/^must be 1 or 2$/, () => 'moet 1 of 2 zijn'],
  [/^must be an impact worse than operational$/, () => 'moet een impact erger dan operationeel zijn'],
  [/^must be a month written YYYY-MM$/, () => 'moet een maand zijn, geschreven als JJJJ-MM'],
  [/^must be 0 or more$/, () => 'moet 0 of meer zijn'],
  [/^must be from 0 to 100$/, () => 'moet van 0 tot en met 100 zijn'],
  [/^must be an ISO 8601 date-time with an offset.*$/, () => 'moet een datum en tijd zijn'],
  [/^must be later than start(?: \((.+)\))?$/, (at) => (at ? `moet later zijn dan het begin (${at})` : 'moet later zijn dan het begin')],
  [/^end must be later than start \((.+)\)$/, (at) => `het einde moet later zijn dan het begin (${at})`],
  [/^must not be in the future \(leave it out while the outage is ongoing\)$/, () => 'mag niet in de toekomst liggen (laat het leeg zolang de storing duurt)'],
  [/^must not be in the future$/, () => 'mag niet in de toekomst liggen'],
  [/^must not be before the previous update \((.+)\)$/, (at) => `mag niet vóór de vorige update liggen (${at})`],
  [/^must not be before the report \((.+)\)$/, (at) => `mag niet vóór de melding liggen (${at})`],
  [/^must not be after the next update \((.+)\)$/, (at) => `mag niet na de volgende update liggen (${at})`],
  [/^must not be a month that has not begun$/, () => 'mag geen maand zijn die nog niet begonnen is'],
  [/^must name at least one product$/, () => 'moet minstens één product noemen'],
  [/^must name at least one scope$/, () => 'moet minstens één bereik noemen'],
  [/^must change at least one of (.+)$/, (list) => `moet minstens een van deze wijzigen: ${list}`],
  [/^must be an e-mail address$/, () => 'moet een e-mailadres zijn'],
  [/^must be a whole number of days$/, () => 'moet een heel aantal dagen zijn'],
  [/^must be at least (\d+)$/, (n) => `moet minstens ${n} zijn`],
  [/^must be at most (\d+)$/, (n) => `mag hoogstens ${n} zijn`],
  [/^is required for announced maintenance.*$/, () => 'is verplicht voor aangekondigd onderhoud (regulier, noodzakelijk, spoed)'],
  [/^must be absent for unannounced maintenance$/, () => 'moet leeg zijn bij onaangekondigd onderhoud'],
  [/^is taken$/, () => 'is al in gebruik'],
  [/^is already used$/, () => 'is al in gebruik'],
  [/^is already used by (incident|maintenance|outage) (\d+)$/, (kind, id) => `is al in gebruik bij ${KIND_NL[kind]} ${id}`],
  [/^is not the current code of the app \(6 digits; check the clock of the phone\)$/, () => 'is niet de huidige code van de app (6 cijfers; controleer de klok van de telefoon)'],
  [/^is not the current code of the app$/, () => 'is niet de huidige code van de app'],
  [/^start setting up the second factor first$/, () => 'begin eerst met het instellen van de tweede stap'],
  [/^no user has the address (.+)$/, (address) => `geen gebruiker heeft het adres ${address}`],
  [/^no token you may manage has the prefix (.+)$/, (prefix) => `geen token dat u mag beheren heeft het voorvoegsel ${prefix}`],
  [/^"(.+)" is not a product of this status page$/, (slug) => `"${slug}" is geen product van deze statuspagina`],
  [/^is only for a cancelled maintenance$/, () => 'hoort alleen bij een geannuleerd onderhoud'],
  [/^names a product that does not exist \((.+)\)$/, (list) => `noemt een product dat niet bestaat (${list})`],
  [/^must be an http:\/\/ or https:\/\/ URL without credentials$/, () => 'moet een http://- of https://-URL zijn, zonder gebruikersnaam of wachtwoord'],
  [/^points to a loopback, private or reserved address$/, () => 'wijst naar een loopback-, privé- of gereserveerd adres'],
  [/^is not a webhook URL of this service$/, () => 'is geen webhook-URL van deze dienst'],
  [/^must hold at most (\d+) subscribers$/, (n) => `mag hoogstens ${n} abonnees bevatten`],
  [/^must hold at least 1 subscriber$/, () => 'moet minstens één abonnee bevatten'],
  [/^repeats (.+)$/, (other) => `herhaalt ${other}`],
  [/^is already subscribed \(subscriber (\d+)\)$/, (id) => `is al geabonneerd (abonnee ${id})`],
  [/^the first line must name the columns: (.+) \(email at least\)$/, (list) => `de eerste regel moet de kolommen noemen: ${list} (minstens email)`],
  [/^is not a column \((.+)\)$/, (list) => `is geen kolom (${list})`],
  [/^no subscriber below the header$/, () => 'geen abonnee onder de kopregel'],
  [/^must be at most (\d+) bytes$/, (n) => `mag hoogstens ${n} bytes zijn`],
  // Problems that belong to no field.
  [/^(\d+) problem\(s\); nothing was added$/, (n) => `${n} probleem/problemen; er is niets toegevoegd`],
  [/^(\d+) already subscribed; nothing was added$/, (n) => `${n} al geabonneerd; er is niets toegevoegd`],
  [/^incident (\d+) is resolved: nothing may follow its resolution$/, (id) => `incident ${id} is opgelost: na de oplossing mag niets meer volgen`],
  [/^maintenance (\d+) is (\w+): it can no longer change$/, (id, state) => `onderhoud ${id} is ${STATE_NL[state] ?? state}: het kan niet meer veranderen`],
  [/^maintenance (\d+) has not started yet \(it starts (.+)\): cancel or reschedule it instead$/, (id, at) => `onderhoud ${id} is nog niet begonnen (het begint ${at}): annuleer of verplaats het`],
  [/^(.+) was changed by someone else \(version (\d+), you sent (\d+)\): reload and try again$/, (what, stored, sent) => `${what} is door iemand anders gewijzigd (versie ${stored}, u stuurde ${sent}): laad opnieuw en probeer het nog eens`],
  [/^(.+) does not exist$/, (what) => `${what} bestaat niet`],
  [/^a user with the address (.+) exists already$/, (address) => `een gebruiker met het adres ${address} bestaat al`],
  [/^a template named "(.+)" exists already$/, (name) => `een sjabloon met de naam "${name}" bestaat al`],
  [/^(.+) is disabled$/, (who) => `${who} is uitgeschakeld`],
  [/^an administrator requires a second factor for everyone$/, () => 'een beheerder verplicht tweestapsverificatie voor iedereen'],
  [/^externalId "(.+)" is already (incident|maintenance|outage) (\d+)$/, (externalId, kind, id) => `extern kenmerk "${externalId}" hoort al bij ${KIND_NL[kind]} ${id}`],
  [/^externalId is already used by another (incident|maintenance|outage)$/, (kind) => `extern kenmerk is al in gebruik bij een ander${kind === 'maintenance' ? '' : 'e'} ${KIND_NL[kind]}`],
  [/^not allowed: (.+)$/, (why) => `niet toegestaan: ${why}`],
  [/^the maintenance breaks (\d+) SLA rule\(s\).*$/, (n) => `het onderhoud breekt ${n} SLA-regel(s); geef een reden om het toch in te plannen`],
  [/^the request has (\d+) invalid field\(s\)$/, (n) => `${n} veld(en) kloppen niet`],
];

/** One sentence in the reader's language; a sentence without a Dutch pattern stays English. */
export function wordProblemText(message: string, locale: Locale): string {
  const text = message.replace(ISO_INSTANT, (iso) => formatDateTime(new Date(iso), locale));
  if (locale === 'en') return text;
  for (const [pattern, word] of DUTCH) {
    const match = pattern.exec(text);
    if (match) return word(...match.slice(1).map((group) => group ?? ''));
  }
  return text;
}

export function wordProblem(problem: WordableProblem, locale: Locale): string {
  return problem.breach ? describeBreach(problem.breach, locale) : wordProblemText(problem.message, locale);
}

/** For the tests: whether a sentence has a Dutch pattern. */
export const hasDutch = (message: string): boolean => DUTCH.some(([pattern]) => pattern.test(message.replace(ISO_INSTANT, 'T')));
