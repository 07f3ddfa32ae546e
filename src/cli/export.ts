// `npm run export -- --out DIR [--from URL]`: the static snapshot of the public side
// (src/server/export.ts). With --from it reads a running instance (e.g. the production app,
// or one on the embedded database, which admits one process); without, it starts one of
// its own on a free loopback port with the same configuration (its notification workers
// off), reads it and stops it.
import { loadConfig } from '#src/config/environment.ts';
import { exportSite } from '#src/server/export.ts';
import { start } from '#src/server/serve.ts';
import { failOnStartupError } from './fail.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const out = option('out');
if (!out) {
  console.error('Usage: npm run export -- --out DIR [--from http://host:port]');
  process.exit(2);
}
try {
  const config = loadConfig();
  const from = option('from')?.replace(/\/$/, '');
  const instance = from ? null : await start({ ...config, host: '127.0.0.1', port: 0, exportDir: undefined, notifications: { ...config.notifications, inProcessWorker: false } }, { setupLink: false });
  try {
    const result = await exportSite(from ?? instance!.url, config.siteUrl, out);
    console.log(`Exported ${result.files} files (${Math.round(result.bytes / 1024)} KB) to ${out}, links for ${config.siteUrl}.`);
    if (result.missing.length > 0) console.log(`Not exported (linked, but not 200): ${result.missing.join(', ')}`);
  } finally {
    await instance?.stop();
  }
} catch (error) {
  failOnStartupError(error);
}
