// `npm test` after the build: the tiers as separate vitest processes, side by side. The
// end-to-end and browser files each run one at a time (each starts servers and Chromium of
// its own), so inside one vitest run they would wait for each other and for the
// integration files; as processes of their own they overlap, and the wall time is about
// that of the longest group instead of the sum. Each line of output is prefixed with its
// group; the exit code is non-zero when any group failed. Arguments are passed to every
// group (e.g. `-t "HEAD"`).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

interface Group {
  name: string;
  projects: string[];
  tz: string;
}

const GROUPS: Group[] = [
  { name: 'browser', projects: ['browser'], tz: 'Europe/Amsterdam' },
  { name: 'e2e', projects: ['e2e'], tz: 'Europe/Amsterdam' },
  { name: 'unit+integration', projects: ['unit', 'integration'], tz: 'Europe/Amsterdam' },
  // The time code again in another zone, where a day is not Amsterdam's.
  { name: 'unit New York', projects: ['unit'], tz: 'America/New_York' },
];

const vitest = 'node_modules/.bin/vitest';
const extra = process.argv.slice(2);

function run(group: Group): Promise<{ group: Group; code: number; seconds: number }> {
  const started = Date.now();
  const child = spawn(vitest, ['run', ...group.projects.flatMap((p) => ['--project', p]), ...extra], {
    env: { ...process.env, TZ: group.tz, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${group.name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ group, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

const results = await Promise.all(GROUPS.map(run));
console.log('\nTiers:');
for (const { group, code, seconds } of results) console.log(`  ${code === 0 ? 'passed' : 'FAILED'}  ${group.name} (${seconds} s)`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
