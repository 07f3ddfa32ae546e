// From HTML forms to command inputs and back: form fields are strings, commands take the
// API's JSON (numbers, ISO instants, impact maps). Times are typed as Amsterdam wall time
// (datetime-local) and become instants here. A refused command comes back as field errors
// next to their fields, with the input kept.
import { CommandError, type FieldProblem } from '#src/commands/errors.ts';
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import { zonedParts, zonedToInstant } from '#src/time/zone.ts';
import { wordProblem, wordProblemText } from '#src/i18n/field-problems.ts';
import type { Locale } from '#src/i18n/locale.ts';

export type FormValues = Record<string, string>;

export interface PostedForm {
  values: FormValues;
  all: (name: string) => string[];
  /** An uploaded file (multipart/form-data), or null. */
  file: (name: string) => File | null;
}

export async function readForm(request: Request): Promise<PostedForm> {
  const data = await request.formData();
  const values: FormValues = {};
  for (const [key, value] of data) if (typeof value === 'string' && !(key in values)) values[key] = value;
  return {
    values,
    all: (name) => data.getAll(name).filter((v): v is string => typeof v === 'string'),
    file: (name) => {
      const value = data.get(name);
      return typeof value === 'string' || value === null ? null : value;
    },
  };
}

/** "2026-12-04T20:00" in Europe/Amsterdam → ISO instant; "" → undefined; nonsense is kept for the schema to refuse. */
export function wallTimeToIso(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!match) return text;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(zonedToInstant({ year, month, day, hour, minute }, SLA_TIME_ZONE)).toISOString();
}

/** An instant as the value of a datetime-local field, in Europe/Amsterdam. */
export function isoToWallTime(date: Date | null | undefined): string {
  if (!date) return '';
  const p = zonedParts(+date, SLA_TIME_ZONE);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** "" → undefined, so an empty optional field is absent rather than invalid. */
export const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** A number field: "" → undefined, "1,85" (Dutch decimal comma) → 1.85, else as typed for the schema to judge. */
export function numberField(value: string | undefined): number | string | undefined {
  const text = value?.trim().replace(',', '.');
  if (!text) return undefined;
  return Number.isFinite(Number(text)) ? Number(text) : text;
}

/** The row a form acts on and the version it was shown at (its hidden `version`), for the command's check that nobody saved in between. */
export function versionedTarget(id: number, values: FormValues): { id: number; expectedVersion: number | undefined } {
  const version = numberField(values.version);
  return { id, expectedVersion: typeof version === 'number' ? version : undefined };
}

/** Impact selects named `impact.<slug>`: the ones set (not "") form the impacts map. */
export function impactsFrom(values: FormValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([key, value]) => key.startsWith('impact.') && value !== '')
      .map(([key, value]) => [key.slice('impact.'.length), value]),
  );
}

export interface FormOutcome {
  /** Field path → message, shown next to the field. */
  errors: Record<string, string>;
  /** Problems that belong to no field of the form. */
  general: string[];
  code: CommandError['code'] | null;
}

export const noProblems: FormOutcome = { errors: {}, general: [], code: null };

/** A refused command as form errors in the page's language; anything else is rethrown. */
export function outcomeOf(error: unknown, fieldsOfForm: readonly string[], locale: Locale): FormOutcome {
  if (!(error instanceof CommandError)) throw error;
  const errors: Record<string, string> = {};
  const general: string[] = [];
  const place = (f: FieldProblem) => {
    const field = fieldsOfForm.find((name) => f.path === name || f.path.startsWith(`${name}.`) || f.path.startsWith(`${name}[`));
    const text = wordProblem(f, locale);
    if (field) errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
    else general.push(`${f.path}: ${text}`);
  };
  error.fields.forEach(place);
  if (error.fields.length === 0) general.push(wordProblemText(error.message, locale));
  return { errors, general, code: error.code };
}

/** The HTTP status a re-shown form answers with. */
export function statusOf(outcome: FormOutcome): number {
  return outcome.code === 'stale' ? 409 : outcome.code === 'conflict' ? 409 : outcome.code === 'forbidden' ? 403 : outcome.code === 'not_found' ? 404 : 422;
}
