// What both import commands share (`npm run import`, `npm run import:statuspage`): reading
// a JSON file whatever it holds, and importing a document into the configured database
// with the outcome on the terminal: the summary on stdout; a refused document with every
// problem on stderr and exit 1; a database that refuses a row as one line and exit 1
// (its transaction rolled back). Never a stack trace for anything a file can contain.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DrizzleQueryError } from 'drizzle-orm';
import { depthProblem } from '#src/history-import/check.ts';
import { importHistory } from '#src/history-import/write.ts';
import type { ImportProblem } from '#src/history-import/schema.ts';
import { openConfiguredDatabase } from '#src/server/boot.ts';
import { loadConfig } from '#src/config/environment.ts';
import { failOnStartupError } from './fail.ts';

/**
 * The command line of an import command: its options and exactly one positional argument
 * (the file, the page's URL); anything else prints the usage and exits 2.
 */
export function importArguments<O extends NonNullable<ParseArgsConfig['options']>>(options: O, usage: string) {
  try {
    const { values, positionals } = parseArgs({ options, allowPositionals: true, strict: true });
    if (positionals.length === 1) return { values, target: positionals[0]! };
    console.error(usage);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
  }
  process.exit(2);
}

/** Larger than any history we know of (ten years of an NMS: about 5 MB) by far. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** The file's JSON, or a one-line reason it has none (thrown as an Error with that message). */
export function readJsonFile(file: string): unknown {
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) throw new Error(`is ${Math.ceil(size / 1_048_576)} MB; files up to ${MAX_FILE_BYTES / 1_048_576} MB are read`);
  let text: string;
  try {
    // Strict UTF-8, a leading byte order mark (as some editors write) dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    if (error instanceof TypeError) throw new Error('is not UTF-8 text');
    throw error;
  }
  return JSON.parse(text);
}

export interface ImportRun {
  /** How the command names what it imports (the file, the page's URL). */
  label: string;
  input: unknown;
  notify: boolean;
  /** Where a problem's path points, in the source's own words; the path itself by default. */
  where?: (problem: ImportProblem) => string;
}

export async function importAndReport({ label, input, notify, where = (p) => p.path || '(document)' }: ImportRun): Promise<void> {
  // What cannot even be walked is refused before the database is opened.
  const deep = depthProblem(input);
  if (deep) {
    console.error(`${label}: not imported, nothing was written: ${where(deep)}: ${deep.message}`);
    process.exitCode = 1;
    return;
  }
  try {
    const handle = await openConfiguredDatabase(loadConfig());
    try {
      const result = await importHistory(handle.db, input, { now: new Date(), notify });
      if (!result.ok) {
        const [only, ...more] = result.problems;
        if (more.length === 0) console.error(`${label}: not imported, nothing was written: ${where(only!)}: ${only!.message}`);
        else console.error(`${label}: not imported, nothing was written. ${result.problems.length} problem(s):`);
        if (more.length > 0) for (const problem of result.problems) console.error(`  ${where(problem)}: ${problem.message}`);
        process.exitCode = 1;
        return;
      }
      const s = result.summary;
      console.log(
        `${label}: imported ${s.outages} outage(s), ${s.maintenances} maintenance(s), ${s.incidents} incident(s), ` +
          `${s.kpis} KPI month(s), ${s.products} product setting(s); ${s.changed} item(s) created or changed` +
          `${notify ? ', subscribers told what is news' : ''}.`,
      );
    } catch (error) {
      if (!(error instanceof DrizzleQueryError)) throw error;
      const reason = error.cause instanceof Error ? error.cause.message : error.message.split('\n')[0];
      console.error(`${label}: not imported, nothing was written: the database refused it: ${reason}`);
      process.exitCode = 1;
    } finally {
      await handle.close();
    }
  } catch (error) {
    failOnStartupError(error);
  }
}
