// The commands as real processes against a data target: the embedded database under a
// fresh DATA_DIR (opened by the test only between commands, since it admits one process)
// or a fresh PostgreSQL database (DATABASE_URL). Shared by the CLI and API tests.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '#db/client.ts';
import { freshDatabase, type Driver, type TestDatabase } from './databases.ts';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node src/cli/<command>.ts …args` as `npm run <command> -- …args` does. */
export async function run(command: 'import' | 'import-statuspage' | 'report' | 'user' | 'token' | 'demo' | 'export', args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  const child = spawn(process.execPath, [`src/cli/${command}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: '', DEMO_DATA: 'auto', ...env },
    stdio: 'pipe',
  });
  child.stdin.end(stdin ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  // A command that hangs is killed, so it cannot keep a core busy after its test gave up.
  const limit = setTimeout(() => child.kill('SIGKILL'), 240_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(limit);
  return { code, stdout, stderr };
}

/** Where the commands keep their data, and how the test looks into it afterwards. */
export interface Target {
  env: Record<string, string>;
  inspect<T>(read: (db: Database) => Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

export async function target(driver: Driver): Promise<Target> {
  if (driver === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'status-cli-'));
    return {
      env: { DATA_DIR: dataDir },
      // The embedded database admits one process at a time: open it only between commands.
      inspect: async (read) => {
        const handle = await openDatabase({ dataDir });
        try {
          return await read(handle.db);
        } finally {
          await handle.close();
        }
      },
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  // An empty server database: the commands migrate it themselves, as on a first deploy.
  const database: TestDatabase = await freshDatabase('postgres', { migrated: false });
  const scratch = mkdtempSync(join(tmpdir(), 'status-cli-'));
  return {
    // DATA_DIR points at an empty scratch directory to show that nothing goes there.
    env: { DATABASE_URL: database.url!, DATA_DIR: scratch },
    inspect: (read) => read(database.handle.db),
    remove: async () => {
      await database.drop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
