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
  const client = postgres(url, { max: 10, connect_timeout: 10, onnotice: () => {} });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError('DATABASE_URL', `cannot connect to ${redact(url)}: ${(error as Error).message}`);
  }
  return {
    db: drizzlePostgres({ client, schema }) as unknown as Database,
    driver: 'postgres',
    close: () => client.end({ timeout: 5 }),
  };
}

async function openEmbedded(dataDir: string | undefined): Promise<DatabaseHandle> {
  let release = () => {};
  try {
    if (dataDir) release = lockDataDir(dataDir);
    const client = await PGlite.create(dataDir ?? 'memory://');
    return {
      db: drizzlePglite({ client, schema }) as unknown as Database,
      driver: 'pglite',
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
