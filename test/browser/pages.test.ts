// Every public page through the whole matrix (light/dark × 320/1280 px × JavaScript on/off):
// content, axe-core, no sideways scrolling, visible focus, own origin only, no web fonts;
// and the HTML of every one, and of the sign-in page, through the Nu Html Checker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser.ts';
import { describeHtmlErrors, htmlErrors } from '../support/html-checker.ts';
import { checkPages, expectBothLanguagesListed, pathOf, type PagePath } from '../support/page-matrix.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { startServer, type RunningServer } from '../support/server.ts';

// ─── PAGES UNDER TEST ─────────────────────────────────────────────────────────────────
// Add every public page here, in Dutch AND English (the test below fails when a page's
// hreflang alternate is missing from the list). A page that answers other than 200 is
// written { path, status }, e.g. { path: '/bestaat-niet', status: 404 }.
// Incident 1 and maintenance 1 exist in the demo history of every date.
const PAGES: PagePath[] = [
  '/',
  '/en/',
  '/history',
  '/en/history',
  '/history?product=3cx',
  '/en/history?product=3cx',
  '/incidents/1',
  '/en/incidents/1',
  '/maintenance',
  '/en/maintenance',
  '/maintenance/1',
  '/en/maintenance/1',
  '/maintenance/calendar/2026-11',
  '/en/maintenance/calendar/2026-11',
  '/availability',
  '/en/availability',
  '/products/voipnow',
  '/en/products/voipnow',
  '/subscribe',
  '/en/subscribe',
  // The compact status other sites put in an iframe.
  '/embed',
  '/en/embed',
  '/subscribe?sent',
  '/en/subscribe?sent',
  // A mail's link that is no longer valid (the page of a valid one is in test/e2e/notifications.test.ts).
  { path: '/subscription?token=x', status: 404 },
  { path: '/en/subscription?token=x', status: 404 },
  { path: '/bestaat-niet', status: 404 },
  { path: '/en/does-not-exist', status: 404 },
];
// ──────────────────────────────────────────────────────────────────────────────────────

useBrowser();
let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-pages-'));
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('public pages', () => {
  it('are listed in both languages', async () => {
    await expectBothLanguagesListed(server, PAGES);
  });

  it('are valid HTML by the Nu Html Checker, as is the sign-in page', async () => {
    const paths = [...PAGES.map(pathOf), '/admin/login'];
    const documents = await Promise.all(paths.map(async (path) => ({ name: path, html: await (await fetch(server.url + path)).text() })));
    const errors = await htmlErrors(documents);
    expect(errors, describeHtmlErrors(errors)).toEqual([]);
  });

  it('shows /embed inside a frame and lets no other page be framed', async () => {
    const opened = await openPage(`${server.url}/embed`);
    await opened.page.setContent(`<iframe id="embed" title="embed" src="${server.url}/en/embed"></iframe><iframe id="home" title="home" src="${server.url}/"></iframe>`, { waitUntil: 'load' });
    const frame = async (id: string) => (await opened.page.$(`#${id}`))!.contentFrame();
    const embed = (await frame('embed'))!;
    expect(embed.url()).toBe(`${server.url}/en/embed`);
    expect(await embed.locator('h1').innerText()).toMatch(/\S/);
    // frame-ancestors 'none': Chromium shows its error page in place of the home page.
    expect((await frame('home'))!.url()).not.toBe(`${server.url}/`);
    expect(await (await frame('home'))!.locator('.brand').count()).toBe(0);
  });

  it.each(PAGES.map((page) => [pathOf(page), page] as const))('%s in light and dark, 320 and 1280 px, JavaScript on and off', async (_, page) => {
    await checkPages(server, [page]);
  });
});
