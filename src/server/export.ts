// The static snapshot (`npm run export -- --out DIR`): every public page in both languages,
// the feeds, the calendars and the public JSON as files, so the page can also be published
// on any static host or object store, apart from the app's own infrastructure. It walks the
// site as a visitor would: from the home pages, the feeds and the JSON documents, along
// every same-site link, skipping the console, the write API, a subscriber's own pages and
// addresses with a query. Links stay absolute with SITE_URL where the pages write them.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATUSPAGE_DOCUMENTS } from '#src/statuspage/serve.ts';

const CLIENT = fileURLToPath(new URL('../../dist/client', import.meta.url));

const SEEDS = ['/', '/en/', '/incidents.rss', '/en/incidents.rss', '/maintenance.rss', '/en/maintenance.rss', '/maintenance.ics', '/en/maintenance.ics', ...Object.keys(STATUSPAGE_DOCUMENTS).map((name) => `/api/v2/${name}.json`)];
const SKIP = /^\/(en\/)?(admin|subscription)(\/|$)|^\/api\/v1(\/|$)|^\/_actions\//;

/** Where a path's bytes go: "/history" → history/index.html, "/incidents.rss" as it is. */
export function fileOf(path: string): string {
  if (path.endsWith('/')) return `${path}index.html`.slice(1);
  return /\.[a-z0-9]+$/i.test(path) ? path.slice(1) : `${path.slice(1)}/index.html`;
}

/** The same-site paths a page links to (href and src), without query or fragment. */
export function linksOf(html: string, siteUrl: string): string[] {
  const found = new Set<string>();
  for (const [, value] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    let link = value!.replaceAll('&amp;', '&');
    if (link.startsWith(siteUrl)) link = link.slice(siteUrl.length) || '/';
    if (!link.startsWith('/') || link.startsWith('//') || link.includes('?')) continue;
    link = link.split('#')[0]!;
    if (link && !SKIP.test(link)) found.add(link);
  }
  return [...found];
}

export interface ExportResult {
  files: number;
  bytes: number;
  missing: string[];
}

/** Fetches the site from `from` (a running instance) and writes it under `outDir`. */
export async function exportSite(from: string, siteUrl: string, outDir: string): Promise<ExportResult> {
  mkdirSync(outDir, { recursive: true });
  if (existsSync(CLIENT)) cpSync(CLIENT, outDir, { recursive: true });
  const queue = [...SEEDS];
  const seen = new Set(queue);
  const result: ExportResult = { files: 0, bytes: 0, missing: [] };
  const write = (file: string, body: Buffer) => {
    const target = join(outDir, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    result.files++;
    result.bytes += body.byteLength;
  };
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await fetch(from + path, { headers: { 'Accept-Encoding': 'identity' }, redirect: 'manual' });
    if (response.status !== 200) {
      result.missing.push(`${path} (${response.status})`);
      await response.arrayBuffer();
      continue;
    }
    const body = Buffer.from(await response.arrayBuffer());
    write(fileOf(path), body);
    if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
      for (const link of linksOf(body.toString('utf8'), siteUrl)) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
  }
  // The helpful 404 in both languages, for hosts that serve 404.html.
  for (const [path, file] of [['/bestaat-niet', '404.html'], ['/en/does-not-exist', 'en/404.html']] as const) {
    const response = await fetch(from + path, { headers: { 'Accept-Encoding': 'identity' } });
    write(file, Buffer.from(await response.arrayBuffer()));
  }
  return result;
}
