// Whether the built app (dist/) is older than its sources, so `npm start` builds only when
// something it is built from changed since the last build: the newest modification time
// under the source folders and files, against the build's server entry.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads, relative to the project root. */
export const BUILD_SOURCES = ['src', 'db', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
export const BUILD_OUTPUT = 'dist/server/entry.mjs';

/** The newest mtime (ms) of a file, or of any file below a folder; 0 when it does not exist. */
export function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** True when there is no build, or a source changed after it was made. */
export function needsBuild(root: string): boolean {
  const output = join(root, BUILD_OUTPUT);
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return BUILD_SOURCES.some((source) => newestChange(join(root, source)) > built);
}
