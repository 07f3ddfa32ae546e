// The home page in Chromium, Dutch and English, as customers see it: every product with its
// status in words, in light and dark, on a phone and a desktop, with and without JavaScript,
// usable by keyboard, and loading nothing from anyone but the status page itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '#src/i18n/messages.ts';
import {
  expectAxeClean,
  expectNoHorizontalScroll,
  expectNoWebFonts,
  expectOnlyOwnOrigin,
  expectVisibleFocus,
  openPage,
  tabToNext,
  useBrowser,
  type OpenedPage,
} from '../support/browser.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PRODUCTS = ['VOIPNOW', '3CX', 'Teams (DR)', 'Connectivity', 'voizplus', 'voizApps'];

useBrowser();
let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-home-'));
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Each product's name, status in words (without the shape) and status code, as shown. */
function productsShown(opened: OpenedPage) {
  return opened.page.evaluate(() =>
    [...document.querySelectorAll('li[data-product]')].map((li) => ({
      name: (li.querySelector('.product-name')?.textContent ?? '').trim(),
      code: li.getAttribute('data-status'),
      words: [...(li.querySelector('.status')?.childNodes ?? [])]
        .filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'))
        .map((n) => n.textContent)
        .join('')
        .trim(),
    })),
  );
}

describe.each([
  { path: '/', lang: 'nl', other: '/en/' },
  { path: '/en/', lang: 'en', other: '/' },
] as const)('home page $path', ({ path, lang, other }) => {
  const t = messages[lang];

  it(`names all six products, each with its status in words, in ${lang}`, async () => {
    const opened = await openPage(server.url + path);
    expect(opened.response?.status()).toBe(200);
    expect(await opened.page.getAttribute('html', 'lang')).toBe(lang);
    const shown = await productsShown(opened);
    expect(shown.map((p) => p.name).sort()).toEqual([...PRODUCTS].sort());
    for (const product of shown) {
      expect(Object.keys(t.status), product.name).toContain(product.code);
      expect(product.words, product.name).toBe(t.status[product.code as keyof typeof t.status]);
    }
    const headline = (await opened.page.locator('h1').textContent())?.trim();
    expect(Object.values(t.overall)).toContain(headline);
    expect(await opened.page.title()).toContain(headline);
  });

  it('links itself and its other language with hreflang, and offers the switch', async () => {
    const opened = await openPage(server.url + path);
    const otherLang = lang === 'nl' ? 'en' : 'nl';
    const alternate = (hreflang: string) => opened.page.getAttribute(`head link[rel="alternate"][hreflang="${hreflang}"]`, 'href');
    expect(await alternate(lang)).toBe(server.url + path);
    expect(await alternate(otherLang)).toBe(server.url + other);
    expect(await alternate('x-default')).toBe(`${server.url}/`);
    const switcher = opened.page.locator(`header a[hreflang="${otherLang}"]`);
    expect(await switcher.getAttribute('href')).toBe(other);
    expect(await switcher.getAttribute('lang')).toBe(otherLang);
  });

  it('shows the same products and statuses with JavaScript off', async () => {
    const withScript = await productsShown(await openPage(server.url + path));
    const without = await openPage(server.url + path, { javaScript: false });
    expect(await productsShown(without)).toEqual(withScript);
    expect((await without.page.locator('h1').textContent())?.trim()).not.toBe('');
  });

  it.each([
    { colorScheme: 'light', width: 320 },
    { colorScheme: 'light', width: 1280 },
    { colorScheme: 'dark', width: 320 },
    { colorScheme: 'dark', width: 1280 },
  ] as const)('passes axe in $colorScheme at $width px, and does not scroll sideways', async (options) => {
    const opened = await openPage(server.url + path, options);
    await expectAxeClean(opened, `home ${path}`);
    await expectNoHorizontalScroll(opened);
  });

  it('fits 320 px with JavaScript off too', async () => {
    await expectNoHorizontalScroll(await openPage(server.url + path, { width: 320, javaScript: false }));
  });

  it('requests nothing from third parties and no fonts', async () => {
    for (const width of [320, 1280]) {
      const opened = await openPage(server.url + path, { width });
      expect(opened.requests[0]?.type).toBe('document');
      expectOnlyOwnOrigin(opened);
      await expectNoWebFonts(opened);
    }
  });

  it.each(['light', 'dark'] as const)('shows the keyboard focus in %s, starting at the skip link', async (colorScheme) => {
    const opened = await openPage(server.url + path, { colorScheme, width: 320 });
    const skip = await tabToNext(opened);
    expect(skip.element).toContain(t.skipToContent);
    expectVisibleFocus(skip, `${path} ${colorScheme}, first Tab`);
    expectVisibleFocus(await tabToNext(opened), `${path} ${colorScheme}, second Tab`);
  });
});
