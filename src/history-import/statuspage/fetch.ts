// Reading a Statuspage page's public JSON over HTTP: components.json, incidents.json and
// scheduled-maintenances.json, the documents through which Statuspage offers its history.
// Its v2 API has no paging: each list holds the 50 most recent items. The unresolved,
// upcoming and active lists are read as well, so an open incident or a coming window that
// fell out of the 50 still comes along (a page without them is read without them).
import type { z } from 'zod';
import { formatPath, type ImportProblem } from '../schema.ts';
import { componentsDocument, incidentsDocument, maintenancesDocument, type StatuspageHistory } from './documents.ts';

/** Far above any page's documents (50 incidents with their updates: some hundred kB). */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

/** The page's `/api/v2/` from what a user types: the page's address, with or without `/api/v2`. */
export function apiBase(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new Error(`"${address}" is not a URL; give the page's address, e.g. https://status.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`"${address}" is not an http(s) address`);
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '')}/api/v2/`;
  return url;
}

export type Fetched = { ok: true; history: StatuspageHistory } | { ok: false; problems: ImportProblem[] };

export async function fetchStatuspage(address: string): Promise<Fetched> {
  const base = apiBase(address);
  const problems: ImportProblem[] = [];
  const read = async <S extends z.ZodType>(name: string, schema: S, optional = false): Promise<z.output<S> | null> => {
    const body = await fetchJson(new URL(name, base), optional);
    if (body === undefined) return null;
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    problems.push(...parsed.error.issues.map((i) => ({ path: `${name}: ${formatPath(i.path) || '(document)'}`, message: i.message })));
    return null;
  };
  const components = await read('components.json', componentsDocument);
  const incidents = [await read('incidents.json', incidentsDocument), await read('incidents/unresolved.json', incidentsDocument, true)];
  const maintenances = [
    await read('scheduled-maintenances.json', maintenancesDocument),
    await read('scheduled-maintenances/upcoming.json', maintenancesDocument, true),
    await read('scheduled-maintenances/active.json', maintenancesDocument, true),
  ];
  if (problems.length > 0 || !components) return { ok: false, problems };
  return {
    ok: true,
    history: {
      components: components.components,
      incidents: onceEach(incidents.flatMap((d) => d?.incidents ?? [])),
      maintenances: onceEach(maintenances.flatMap((d) => d?.scheduled_maintenances ?? [])),
    },
  };
}

/** The first of each id: the lists overlap. */
function onceEach<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}

/** The document's JSON; undefined for an optional one the page does not have (404). Throws one line otherwise. */
async function fetchJson(url: URL, optional: boolean): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new Error(`${url}: cannot be fetched: ${cause ?? (error as Error).message}`);
  }
  if (optional && response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`${url}: answered ${response.status} ${response.statusText}`.trim());
  }
  const text = await cappedText(response, url);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${url}: is not JSON: ${(error as Error).message}`);
  }
}

async function cappedText(response: Response, url: URL): Promise<string> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_DOCUMENT_BYTES) {
      await reader.cancel();
      throw new Error(`${url}: is larger than ${MAX_DOCUMENT_BYTES / 1_048_576} MB`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new Error(`${url}: is not UTF-8 text`);
  }
}
