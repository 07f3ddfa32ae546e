// One typed database handle over either driver: postgres.js against a PostgreSQL server
// (DATABASE_URL set) or the embedded PGlite under a data directory. The rest of the code
// uses `Database` without knowing which driver is behind it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database or a transaction: what write operations accept. */
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: 'postgres' | 'pglite';
  /** Calls `onNotice` for every NOTIFY on the channel (from any process); resolves to a stop function. */
  listen?(channel: string, onNotice: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { databaseUrl: string }
  /** dataDir undefined: an in-memory database (tests). */
  | { dataDir: string | undefined };

export class DatabaseUnavailableError extends Error {
  readonly setting: 'DATABASE_URL' | 'DATA_DIR';
  constructor(setting: 'DATABASE_URL' | 'DATA_DIR', message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
    this.setting = setting;
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return 'databaseUrl' in target ? openServer(target.databaseUrl) : openEmbedded(target.dataDir);
}

async function openServer(url: string): Promise<DatabaseHandle> {
  const { handle, client } = serverClient(url);
  try {
    await client`select 1`;
  } catch (error) {
    await handle.close().catch(() => {});
    throw new DatabaseUnavailableError('DATABASE_URL', `cannot connect to ${redact(url)}: ${(error as Error).message}`);
  }
  return handle;
}

/**
 * A handle on a server that may be away: nothing is asked until the first query, and the
 * pool connects again by itself once the server answers (the public side serves its last
 * good pages meanwhile; src/server/serve.ts).
 */
export const serverHandle = (url: string): DatabaseHandle => serverClient(url).handle;

function serverClient(url: string): { handle: DatabaseHandle; client: postgres.Sql } {
  // Reconnecting after failures waits at most a second (postgres.js's default backoff grows
  // to 20 s, which would keep fresh pages away long after the server is back).
  const client = postgres(url, { max: 10, connect_timeout: 10, backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1), onnotice: () => {} });
  const handle: DatabaseHandle = {
    db: drizzlePostgres({ client, schema }) as unknown as Database,
    driver: 'postgres',
    listen: async (channel, onNotice) => {
      const { unlisten } = await client.listen(channel, onNotice);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
  return { handle, client };
}

/**
 * How the embedded database runs: PGlite's defaults, with 16 MB of shared buffers instead of
 * the 128 MB that PostgreSQL's initdb writes into postgresql.conf. The buffers live in
 * PGlite's WebAssembly memory, which never shrinks, and filled up to 128 MB they were the
 * largest single part of the server's resident memory; the database itself is tens of
 * megabytes (docs/figures.md), and a page not in the buffers is read from DATA_DIR through
 * the operating system's file cache. Setting it at start-up (-c) keeps postgresql.conf as
 * initdb wrote it.
 */
export const EMBEDDED_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

async function openEmbedded(dataDir: string | undefined): Promise<DatabaseHandle> {
  let release = () => {};
  try {
    if (dataDir) release = lockDataDir(dataDir);
    const client = await PGlite.create(dataDir ?? 'memory://', { startParams: [...EMBEDDED_START_PARAMS] });
    return {
      db: drizzlePglite({ client, schema }) as unknown as Database,
      driver: 'pglite',
      listen: async (channel, onNotice) => {
        const unlisten = await client.listen(channel, onNotice);
        return unlisten;
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError('DATA_DIR', `cannot open the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
}

/**
 * PGlite has no lock of its own and two processes on one directory corrupt it, so a pid
 * file guards the directory. A stale file of a process that is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = join(dataDir, '.status-page.pid');
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lock, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DatabaseUnavailableError('DATA_DIR', `${dataDir} is in use by process ${holder}; stop it first or point DATA_DIR elsewhere`);
    }
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
