// The repository explains itself: code and docs cite the domain facts in docs/ (sla.md,
// statuspage-v2.md), never a file outside the repository, and every citation or link to a
// doc file names a file and a section that exist. Read from the files themselves, so a
// renamed heading or a moved doc fails here with the citing file named.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = relative(ROOT, import.meta.filename);

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const code = ['src', 'db', 'test'].flatMap((dir) => filesUnder(dir, /\.(ts|tsx|astro|mjs|json|css)$/)).filter((f) => !f.startsWith('db/migrations/'));
const docs = ['README.md', ...filesUnder('docs', /\.md$/)];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = (file: string): Set<string> =>
  new Set([...readFileSync(join(ROOT, file), 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));

/** Whether `target` (a path from the repository root, maybe with #section) exists. */
function broken(target: string): string | null {
  const [path, section] = target.split('#') as [string, string | undefined];
  if (!existsSync(join(ROOT, path))) return 'no such file';
  if (section && path.endsWith('.md') && !anchorsOf(path).has(section)) return `no section #${section}`;
  return null;
}

describe('citations of the domain facts', () => {
  it('reads the citing files (the test sees the code and the docs)', () => {
    expect(code.length).toBeGreaterThan(200);
    expect(docs).toContain('docs/sla.md');
  });

  it('cites nothing outside the repository (no ../shared/)', () => {
    const outside = [...code, ...docs].filter((file) => file !== SELF && /\.\.\/shared\/|\b(SLA|STATUSPAGE_V2)\.md\b/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(outside).toEqual([]);
  });

  it('cites only sections of docs/ that exist, from the code and the tests', () => {
    const bad = code.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\bdocs\/([\w-]+\.md)(#[\w-]+)?/g)].flatMap((m) => {
        const problem = broken(`docs/${m[1]}${m[2] ?? ''}`);
        return problem ? [`${file}: docs/${m[1]}${m[2] ?? ''}: ${problem}`] : [];
      }),
    );
    expect(bad).toEqual([]);
  });

  it('links only to files and sections that exist, from README and docs/', () => {
    const bad = docs.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)].flatMap((m) => {
        const link = m[1]!;
        if (/^[a-z]+:/.test(link)) return [];
        const [path, section] = link.split('#') as [string, string | undefined];
        const target = path ? relative(ROOT, resolve(ROOT, dirname(file), path)) : file;
        const problem = broken(section ? `${target}#${section}` : target);
        return problem ? [`${file}: ${link}: ${problem}`] : [];
      }),
    );
    expect(bad).toEqual([]);
  });
});
