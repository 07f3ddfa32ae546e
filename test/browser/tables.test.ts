// Tables on phones: no word or figure inside a table cell ever spans two lines (each word's
// client rectangles, measured with a Range, lie on one line), a table wider than the screen
// scrolls inside its own region with the first column kept in view, and the page itself
// does not scroll sideways; at 320, 390 and 1280 px, Dutch and English, light and dark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, expectNoHorizontalScroll, openPage, useBrowser, type OpenedPage } from '../support/browser.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { startServer, type RunningServer } from '../support/server.ts';

useBrowser();
let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-tables-'));
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every word of every table cell that the browser laid out over more than one line. */
function brokenWords(opened: OpenedPage) {
  return opened.page.evaluate(() => {
    const broken: string[] = [];
    let words = 0;
    for (const cell of document.querySelectorAll('main th, main td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          words++;
          if (tops.size > 1) broken.push(`"${match[0]}" in ${cell.tagName.toLowerCase()} "${(cell.textContent ?? '').trim()}"`);
        }
      }
    }
    return { words, broken };
  });
}

const PATHS = ['/availability', '/en/availability', '/products/voipnow', '/en/products/voipnow'];

describe.each(PATHS)('the tables of %s', (path) => {
  it.each([320, 390, 1280])('break no word at %i px, light and dark, and the page does not scroll sideways', async (width) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const opened = await openPage(server.url + path, { width, colorScheme });
      const { words, broken } = await brokenWords(opened);
      expect(words, 'words measured').toBeGreaterThan(50);
      expect(broken, `${width} px ${colorScheme}`).toEqual([]);
      await expectNoHorizontalScroll(opened);
      await opened.close();
    }
  });

  it('scroll inside their region at 320 px with the month column kept in view', async () => {
    const opened = await openPage(server.url + path, { width: 320 });
    const region = opened.page.locator('main .table-wrap').first();
    const moved = await region.evaluate((wrap) => {
      wrap.scrollLeft = 10_000;
      const first = wrap.querySelector('tbody tr > :first-child')!;
      return {
        scrolled: wrap.scrollLeft,
        wrapLeft: wrap.getBoundingClientRect().left,
        firstLeft: first.getBoundingClientRect().left,
        header: wrap.querySelector('thead tr > :first-child')!.getBoundingClientRect().left,
      };
    });
    expect(moved.scrolled, 'the table is wider than a 320 px phone').toBeGreaterThan(0);
    expect(Math.abs(moved.firstLeft - moved.wrapLeft)).toBeLessThan(1);
    expect(Math.abs(moved.header - moved.wrapLeft)).toBeLessThan(1);
    await expectAxeClean(opened, `${path} scrolled`);
  });
});
