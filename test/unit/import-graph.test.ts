// The shape of src/ (docs/architecture.md): every folder sits in a layer, imports run
// only sideways or down, there is no loop between files or between folders, the pure core
// reaches no I/O, and nothing imports a route. Read from the source files themselves, so a
// new folder or a wrong import fails here with the file and the arrow named.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Lowest first. A folder may import its own layer and the ones below, never above. */
const LAYERS: { name: string; folders: string[] }[] = [
  { name: 'core (pure)', folders: ['domain', 'time', 'sla'] },
  { name: 'words', folders: ['i18n'] },
  { name: 'platform', folders: ['audit', 'commands', 'auth', 'config', 'http'] },
  {
    name: 'features',
    folders: ['products', 'incidents', 'maintenance', 'outages', 'kpis', 'availability', 'report', 'feeds', 'statuspage', 'views', 'history-import', 'demo', 'alertmanager', 'outbox', 'notifications', 'badges'],
  },
  { name: 'edges', folders: ['api', 'console', 'components', 'layouts', 'islands', 'styles', 'pages', 'server', 'cli', 'middleware.ts', 'env.d.ts'] },
];

/** Packages the pure core may import: none with I/O. */
const CORE_PACKAGES = new Set<string>();

interface Import {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|astro)$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(SRC);
/** Static imports and re-exports (also over several lines), side-effect imports, import(). */
const IMPORT = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm;
const specifiers = (text: string) => [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
const fileImports: Import[] = [];
const packageImports: { from: string; spec: string }[] = [];
for (const file of files) {
  for (const spec of specifiers(readFileSync(file, 'utf8'))) {
    const from = relative(SRC, file);
    if (spec.startsWith('#src/')) fileImports.push({ from, to: spec.slice('#src/'.length) });
    else if (spec.startsWith('./') || spec.startsWith('../')) fileImports.push({ from, to: relative(SRC, resolve(dirname(file), spec)) });
    else packageImports.push({ from, spec });
  }
}

const folderOf = (path: string) => path.split('/')[0]!;
const layerOf = (path: string) => LAYERS.findIndex((layer) => layer.folders.includes(folderOf(path)));

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}

function graph(pairs: [string, string][]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [a, b] of pairs) if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
  return edges;
}

describe('the import graph of src/', () => {
  it('reads a real graph (the test sees the files and their imports)', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(fileImports.some((i) => i.from === 'middleware.ts' && i.to === 'http/context.ts')).toBe(true);
  });

  it('places every top-level folder of src/ in exactly one layer', () => {
    const top = [...new Set(files.map((f) => folderOf(relative(SRC, f))))].sort();
    const unplaced = top.filter((folder) => layerOf(folder) === -1);
    expect(unplaced, 'add these to LAYERS here and to docs/architecture.md').toEqual([]);
    const all = LAYERS.flatMap((layer) => layer.folders);
    expect(all.length).toBe(new Set(all).size);
  });

  it('imports only sideways or down the layers', () => {
    const upward = fileImports
      .filter((i) => layerOf(i.from) < layerOf(i.to))
      .map((i) => `${i.from} (${LAYERS[layerOf(i.from)]!.name}) → ${i.to} (${LAYERS[layerOf(i.to)]!.name})`);
    expect(upward).toEqual([]);
  });

  it('imports every file it names (no arrow to a moved or deleted file)', () => {
    const known = new Set(files.map((f) => relative(SRC, f)));
    const dangling = fileImports.filter((i) => !known.has(i.to) && !/\.(css|json|svg)$/.test(i.to)).map((i) => `${i.from} → ${i.to}`);
    expect(dangling).toEqual([]);
  });

  it('has no loop between files', () => {
    expect(cycles(graph(fileImports.map((i) => [i.from, i.to]))).map((c) => c.join(' → '))).toEqual([]);
  });

  it('has no loop between folders', () => {
    expect(cycles(graph(fileImports.map((i) => [folderOf(i.from), folderOf(i.to)]))).map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps the pure core away from I/O: no database, no Node built-ins, no packages', () => {
    const core = (path: string) => layerOf(path) === 0;
    const reaching = [
      ...packageImports.filter((i) => core(i.from) && !CORE_PACKAGES.has(i.spec)).map((i) => `${i.from} → ${i.spec}`),
      ...files
        .filter((f) => core(relative(SRC, f)))
        .filter((f) => /['"]#db\//.test(readFileSync(f, 'utf8')))
        .map((f) => `${relative(SRC, f)} → #db`),
    ];
    expect(reaching).toEqual([]);
  });

  it('lets nothing import a route (src/pages is the top)', () => {
    expect(fileImports.filter((i) => folderOf(i.to) === 'pages' && folderOf(i.from) !== 'pages').map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });
});
