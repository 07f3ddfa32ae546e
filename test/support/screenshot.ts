// `npm run -s screenshot` (node test/support/screenshot.ts): makes docs/screenshot.png, the
// picture in README, again. The built app (run `npm run build` first) with the demo
// history at the tests' fixed clock (FIXED_NOW, through serve-fixed.ts), so the picture
// changes only when the page does; the home page in Dutch, light, 1280 px wide, cropped to
// the top of the page.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, openIn } from './chromium.ts';
import { FIXED_NOW } from './clock.ts';
import { startServer } from './server.ts';

const OUT = resolve(import.meta.dirname, '../../docs/screenshot.png');
const CROP = { x: 0, y: 0, width: 1280, height: 1010 };

const dataDir = mkdtempSync(join(tmpdir(), 'status-screenshot-'));
const server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
const browser = await launchChromium();
try {
  const opened = await openIn(browser, `${server.url}/`, { width: CROP.width, colorScheme: 'light' });
  await opened.page.screenshot({ path: OUT, clip: CROP, fullPage: true });
  await opened.close();
  console.log(`${OUT}: ${CROP.width}×${CROP.height}, ${statSync(OUT).size.toLocaleString('en-GB')} bytes`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
