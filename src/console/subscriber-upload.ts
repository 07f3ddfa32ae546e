// The console's CSV upload of subscribers: the file read (at most MAX_CSV_BYTES), parsed
// (src/notifications/subscriber-csv.ts) and added in one command (the admin API's bulk
// add), or every problem told by its line in the console's language.
import { CommandError } from '#src/commands/errors.ts';
import type { CommandContext } from '#src/commands/run.ts';
import { wordProblem } from '#src/i18n/field-problems.ts';
import type { Locale } from '#src/i18n/locale.ts';
import { addSubscribers } from '#src/notifications/admin-subscribers.ts';
import { csvPlace, parseSubscriberCsv } from '#src/notifications/subscriber-csv.ts';
import type { ConsoleNotificationWords } from '#src/i18n/console-types.ts';

/** 10,000 lines of an address, a language and six products fit with room to spare. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

export type UploadOutcome = { added: number } | { problems: string[] };

export async function uploadSubscribers(command: CommandContext, file: File | null, allowPrivate: boolean, words: ConsoleNotificationWords, locale: Locale): Promise<UploadOutcome> {
  const tell = (line: number, column: string | null, message: string) => `${words.csvLine(line, column)}: ${message}`;
  if (!file || file.size === 0) return { problems: [tell(1, null, wordProblem({ message: 'is required' }, locale))] };
  if (file.size > MAX_CSV_BYTES) return { problems: [tell(1, null, wordProblem({ message: `must be at most ${MAX_CSV_BYTES} bytes` }, locale))] };
  const parsed = parseSubscriberCsv(await file.text());
  if (!parsed.ok) return { problems: parsed.problems.map((p) => tell(p.line, p.column, wordProblem({ message: p.message }, locale))) };
  try {
    const { ids } = await addSubscribers(command, { subscribers: parsed.subscribers }, { allowPrivate });
    return { added: ids.length };
  } catch (error) {
    if (!(error instanceof CommandError) || error.code === 'forbidden') throw error;
    return {
      problems: error.fields.map((f) => {
        const { line, column } = csvPlace(f.path, parsed.lines);
        return tell(line, column, wordProblem(f, locale));
      }),
    };
  }
}
