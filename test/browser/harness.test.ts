// The browser checks themselves, on small pages made to break them: each must fail where
// it should (so a green page test means something), and pass a clean page.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contrastRatio,
  expectAxeClean,
  expectNoCspViolations,
  expectNoHorizontalScroll,
  expectNoWebFonts,
  expectOnlyOwnOrigin,
  expectVisibleFocus,
  openPage,
  tabToNext,
  useBrowser,
} from '../support/browser.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title>${head}</head><body><main><h1>Test</h1>${body}</main></body></html>`;

const PAGES: Record<string, string> = {
  '/clean': page('<p><a href="/clean">A link</a></p>', '<style>a:focus-visible{outline:3px solid #0550ae}</style>'),
  '/low-contrast': page('<p style="color:#aaa;background:#fff">Hard to read</p>'),
  '/low-contrast-in-dark': page(
    '<p class="x">Hard to read in the dark</p>',
    '<style>@media (prefers-color-scheme: dark){body{background:#000}.x{color:#222}}</style>',
  ),
  '/noscript-image': page('<noscript><img src="/x.png"></noscript>'),
  '/wide': page('<div style="width:500px">wide</div>'),
  '/third-party': page('<img alt="" src="https://cdn.example.com/pixel.png">'),
  '/font': page('<p style="font-family:Web">text</p>', '<style>@font-face{font-family:Web;src:url(/web.woff2)}</style>'),
  '/inline-script': page('<p id="x">inline</p><script>document.getElementById("x").textContent = "ran";</script>'),
  '/no-focus-ring': page('<p><a href="/">A link</a></p>', '<style>*:focus{outline:none}</style>'),
};

useBrowser();
let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const body = PAGES[request.url ?? ''];
    response.writeHead(body ? 200 : 404, { 'content-type': body ? 'text/html; charset=utf-8' : 'text/plain', 'content-security-policy': "script-src 'self'" });
    response.end(body ?? '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the browser checks', () => {
  it('pass a clean page in every way it is seen', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const javaScript of [true, false]) {
        const opened = await openPage(`${origin}/clean`, { colorScheme, javaScript, width: 320 });
        await expectAxeClean(opened, 'clean');
        await expectNoHorizontalScroll(opened);
        expectOnlyOwnOrigin(opened);
        expectNoCspViolations(opened);
        await expectNoWebFonts(opened);
        expectVisibleFocus(await tabToNext(opened), 'clean');
      }
    }
  });

  it('find low contrast, with JavaScript on and off, and only in the scheme where it is', async () => {
    for (const javaScript of [true, false]) {
      await expect(expectAxeClean(await openPage(`${origin}/low-contrast`, { javaScript }), 'x')).rejects.toThrow(/color-contrast \(serious\)/);
      const dark = await openPage(`${origin}/low-contrast-in-dark`, { colorScheme: 'dark', javaScript });
      await expect(expectAxeClean(dark, 'x')).rejects.toThrow(/color-contrast/);
      await expectAxeClean(await openPage(`${origin}/low-contrast-in-dark`, { colorScheme: 'light', javaScript }), 'x');
    }
  });

  it('check what a page shows without JavaScript, <noscript> included', async () => {
    await expect(expectAxeClean(await openPage(`${origin}/noscript-image`, { javaScript: false }), 'x')).rejects.toThrow(/image-alt \(critical\)/);
    await expectAxeClean(await openPage(`${origin}/noscript-image`, { javaScript: true }), 'x');
  });

  it('find sideways scrolling and name the element', async () => {
    const opened = await openPage(`${origin}/wide`, { width: 320 });
    await expect(expectNoHorizontalScroll(opened)).rejects.toThrow(/wider than the window: div/);
  });

  it('record and refuse third-party requests, and find web fonts', async () => {
    const foreign = await openPage(`${origin}/third-party`);
    expect(foreign.requests.map((r) => r.url)).toContain('https://cdn.example.com/pixel.png');
    expect(() => expectOnlyOwnOrigin(foreign)).toThrow(/cdn\.example\.com/);
    await expect(expectNoWebFonts(await openPage(`${origin}/font`))).rejects.toThrow(/font requests from .*\/web\.woff2/);
  });

  it('find an inline script that the Content-Security-Policy blocks', async () => {
    const opened = await openPage(`${origin}/inline-script`);
    expect(await opened.page.locator('#x').innerText()).toBe('inline');
    expect(() => expectNoCspViolations(opened)).toThrow(/Content Security Policy/);
  });

  it('find a focus that cannot be seen', async () => {
    const opened = await openPage(`${origin}/no-focus-ring`);
    const focused = await tabToNext(opened);
    expect(() => expectVisibleFocus(focused, 'x')).toThrow(/outline none/);
  });

  it('compute WCAG contrast', () => {
    expect(contrastRatio('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
    expect(contrastRatio('rgb(5, 80, 174)', 'rgba(0, 0, 0, 0)')).toBeGreaterThan(7);
  });
});
