// `npm start` builds only when a source changed since the last build.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsBuild, newestChange } from '#src/server/build-stamp.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with a source file and a build, each with the given modification time (s since 1970). */
function project(source: number, build: number | null): string {
  const root = mkdtempSync(join(tmpdir(), 'status-build-stamp-'));
  roots.push(root);
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  const page = join(root, 'src/pages/index.astro');
  writeFileSync(page, '---\n---\n');
  utimesSync(page, source, source);
  utimesSync(join(root, 'src/pages'), source - 10, source - 10);
  utimesSync(join(root, 'src'), source - 10, source - 10);
  if (build !== null) {
    mkdirSync(join(root, 'dist/server'), { recursive: true });
    writeFileSync(join(root, 'dist/server/entry.mjs'), '');
    utimesSync(join(root, 'dist/server/entry.mjs'), build, build);
  }
  return root;
}

describe('needsBuild', () => {
  it('builds when there is no build yet', () => {
    expect(needsBuild(project(1_000_000, null))).toBe(true);
  });

  it('builds when a source changed after the build, deep in a folder', () => {
    expect(needsBuild(project(2_000_000, 1_000_000))).toBe(true);
  });

  it('does not build when the build is newer than every source', () => {
    const root = project(1_000_000, 2_000_000);
    expect(needsBuild(root)).toBe(false);
    // A changed lock file (a new dependency) counts too.
    writeFileSync(join(root, 'package-lock.json'), '{}');
    utimesSync(join(root, 'package-lock.json'), 3_000_000, 3_000_000);
    expect(needsBuild(root)).toBe(true);
  });

  it('takes the newest time below a folder, and 0 for what does not exist', () => {
    const root = project(1_500_000, null);
    expect(newestChange(join(root, 'src'))).toBe(1_500_000_000);
    expect(newestChange(join(root, 'nothing-here'))).toBe(0);
  });
});
