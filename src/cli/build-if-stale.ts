// The first step of `npm start`: `astro build` when the sources changed since the last
// build (src/server/build-stamp.ts), otherwise nothing, so a restart is quick.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { needsBuild } from '#src/server/build-stamp.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (needsBuild(root)) {
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  const build = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
} else {
  console.log('Build is up to date with the sources; starting it.');
}
