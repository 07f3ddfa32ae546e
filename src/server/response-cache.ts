// Rendered public responses, kept so that a page renders once per change instead of once
// per request. An entry holds the bytes as rendered plus their gzip and brotli forms
// (compressed once, at render), a strong ETag, Last-Modified, the Content-Security-Policy
// with the hashes of its inline scripts and styles, and the published `state` it was made
// in (src/server/published.ts). In memory with a byte bound (least recently used out), and
// on disk under DATA_DIR so that a restart while the database is away still has the last
// good pages to serve.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { entityTag } from '#src/http/conditional.ts';
import { contentSecurityPolicy, inlineHashes } from '#src/http/security-headers.ts';
import type { Config } from '#src/config/environment.ts';
import type { Rendered } from './capture.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Headers that describe the transfer, not the representation: never stored. */
const TRANSFER_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'date', 'keep-alive', 'etag', 'last-modified', 'vary', 'set-cookie', 'content-security-policy']);

const MAX_DISK_ENTRIES = 5000;

/**
 * Where the last good renders of this database are kept: one folder per database (the
 * server's address, or the embedded one), so pages of another database are never served.
 */
export function pageCacheDir(config: Pick<Config, 'dataDir' | 'databaseUrl'>): string {
  const database = config.databaseUrl ? createHash('sha256').update(config.databaseUrl).digest('hex').slice(0, 16) : 'embedded';
  return join(config.dataDir, 'page-cache', database);
}

export const hasSavedPages = (config: Pick<Config, 'dataDir' | 'databaseUrl'>) => existsSync(pageCacheDir(config)) && readdirSync(pageCacheDir(config)).some((f) => f.endsWith('.json'));

export interface CachedResponse {
  key: string;
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Strong, of the uncompressed body; "-gz"/"-br" is appended for the compressed forms. */
  etag: string;
  lastModified: number;
  renderedAt: number;
  state: string;
  csp: string;
  bytes: number;
}

/**
 * The bytes in a buffer of their own. A small Buffer (a render under 32 KB, every gzip and
 * brotli form) is a view into a 64 KB slab that Node shares between allocations
 * (Buffer.poolSize), and a view keeps its whole slab alive: kept for as long as an entry
 * lives, the slabs came to ten times the bytes the cache counts (40 MB for the 440 public
 * routes; docs/figures.md).
 */
export function ownBytes(buffer: Buffer): Buffer {
  return buffer.byteLength === buffer.buffer.byteLength ? buffer : Buffer.from(new Uint8Array(buffer).buffer);
}

/** Makes an entry of a render: compressed forms, tag, policy. */
export async function entryOf(
  key: string,
  rendered: Rendered,
  state: string,
  now: number,
  previous: CachedResponse | undefined,
  siteUrl: string,
  /** Who may frame it (CSP frame-ancestors); nobody unless given. */
  frameAncestors?: string,
): Promise<CachedResponse> {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(rendered.headers)) {
    if (!TRANSFER_HEADERS.has(name)) headers.push([name, Array.isArray(value) ? value.join(', ') : value]);
  }
  const own = (name: string) => {
    const value = rendered.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const [gz, br] = await Promise.all([
    gzipAsync(rendered.body, { level: 9 }),
    brotliAsync(rendered.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: rendered.body.byteLength } }),
  ]);
  const etag = own('etag') ?? entityTag(rendered.body);
  // Last-Modified moves whenever the bytes change, even within one second of the clock.
  const ownModified = own('last-modified');
  let lastModified = ownModified ? Date.parse(ownModified) : Math.floor(now / 1000) * 1000;
  if (!ownModified && previous && previous.etag !== etag && lastModified <= previous.lastModified) lastModified = previous.lastModified + 1000;
  const html = (own('content-type') ?? '').startsWith('text/html');
  const csp = contentSecurityPolicy(siteUrl, html ? inlineHashes(rendered.body.toString('utf8')) : { scripts: [], styles: [], styleAttributes: false }, frameAncestors);
  return { key, status: rendered.status, headers, body: ownBytes(rendered.body), gzip: ownBytes(gz), br: ownBytes(br), etag, lastModified, renderedAt: now, state, csp, bytes: rendered.body.byteLength + gz.byteLength + br.byteLength + key.length * 2 + 512 };
}

/** The least recently used entries leave first once `maxBytes` is passed. */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private total = 0;
  private readonly maxBytes: number;
  private readonly diskDir: string | null;
  /** The files on disk: at most MAX_DISK_ENTRIES, so made-up addresses cannot fill the disk. */
  private readonly onDisk = new Set<string>();

  constructor(maxBytes: number, diskDir: string | null) {
    this.maxBytes = maxBytes;
    this.diskDir = diskDir;
    if (diskDir) {
      mkdirSync(diskDir, { recursive: true });
      for (const name of readdirSync(diskDir)) if (name.endsWith('.json')) this.onDisk.add(join(diskDir, name));
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.total };
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(entry: CachedResponse): void {
    this.remember(entry);
    if (entry.status === 200 && !entry.key.includes('?')) this.save(entry);
  }

  /** Into memory, the least recently used out while the bound is passed. */
  private remember(entry: CachedResponse): void {
    const old = this.entries.get(entry.key);
    if (old) this.total -= old.bytes;
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    this.total += entry.bytes;
    for (const [key, oldest] of this.entries) {
      if (this.total <= this.maxBytes || key === entry.key) break;
      this.entries.delete(key);
      this.total -= oldest.bytes;
    }
  }

  private fileOf(key: string): string {
    return join(this.diskDir!, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  /** The last good render of a route as written to disk (for a start while the database is away). */
  load(key: string): CachedResponse | undefined {
    // Only files this process knows to be there are read (not one disk lookup per request for an address never saved).
    if (!this.diskDir || !this.onDisk.has(this.fileOf(key))) return undefined;
    try {
      const saved = JSON.parse(readFileSync(this.fileOf(key), 'utf8')) as Omit<CachedResponse, 'body' | 'gzip' | 'br'> & { body: string; gzip: string; br: string };
      if (saved.key !== key) return undefined;
      const entry: CachedResponse = { ...saved, body: ownBytes(Buffer.from(saved.body, 'base64')), gzip: ownBytes(Buffer.from(saved.gzip, 'base64')), br: ownBytes(Buffer.from(saved.br, 'base64')), state: 'disk' };
      this.remember(entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  private save(entry: CachedResponse): void {
    if (!this.diskDir) return;
    const file = this.fileOf(entry.key);
    if (!this.onDisk.has(file) && this.onDisk.size >= MAX_DISK_ENTRIES) return;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify({ ...entry, body: entry.body.toString('base64'), gzip: entry.gzip.toString('base64'), br: entry.br.toString('base64') }));
      renameSync(temporary, file);
      this.onDisk.add(file);
    } catch (error) {
      console.error(`Could not keep ${entry.key} on disk: ${(error as Error).message}`);
    }
  }
}
