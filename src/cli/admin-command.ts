// What the user and token commands share: open the configured database, act as the
// command line (whoever can open the database administers it), and end with one line on
// a refused command. On the embedded database the server holds DATA_DIR: stop it first
// (the lock error says so), or run the server on PostgreSQL.
import { openConfiguredDatabase } from '#src/server/boot.ts';
import { loadConfig } from '#src/config/environment.ts';
import { CommandError } from '#src/commands/errors.ts';
import type { CommandContext } from '#src/commands/run.ts';
import { failOnStartupError } from './fail.ts';

export async function runAdminCommand(usage: string, work: (ctx: CommandContext) => Promise<void>): Promise<void> {
  try {
    const handle = await openConfiguredDatabase(loadConfig());
    try {
      await work({ db: handle.db, actor: { kind: 'system', name: 'cli' }, now: new Date() });
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${usage}`);
      process.exit(2);
    }
    if (error instanceof CommandError) {
      const detail = error.fields.length ? error.fields.map((f) => `${f.path} ${f.message}`).join('; ') : error.message;
      console.error(`Refused: ${detail}`);
      process.exit(1);
    }
    failOnStartupError(error);
  }
}

export class UsageError extends Error {}
