// The state at a glance: the home page's banner names the affected products and the worst
// impact, links the open incident and says when it was last updated; the tab's title and
// favicon follow the state; with JavaScript, the refresh island polls the status document
// (a 304 while nothing changed) and turns the banner red within a minute of a new incident,
// saying so to screen readers. The browser's timers run on Playwright's clock, so "a
// minute" is fast-forwarded; the server has the fixed clock and the demo history, where
// incident "demo" 3CX is open with degraded performance at FIXED_NOW.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '#src/i18n/messages.ts';
import { expectAxeClean, openPage, useBrowser, type OpenedPage } from '../support/browser.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { startServer, type RunningServer } from '../support/server.ts';

useBrowser();
const PASSWORD = 'correct horse battery staple';
const nl = messages.nl;
let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-state-'));
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function banner(opened: OpenedPage) {
  return opened.page.evaluate(() => {
    const section = document.querySelector('[data-live="banner"] section')!;
    return {
      state: section.getAttribute('data-state'),
      headline: section.querySelector('h1')?.textContent?.trim(),
      affected: section.querySelector('.affected')?.textContent?.trim() ?? null,
      links: [...section.querySelectorAll('li a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent?.trim() })),
      items: [...section.querySelectorAll('li')].map((li) => li.textContent?.trim()),
      background: getComputedStyle(section).backgroundColor,
      title: document.title,
      icon: document.querySelector('link[rel="icon"]')?.getAttribute('href'),
      said: document.querySelector('[data-live-say]')?.textContent ?? '',
    };
  });
}

describe('the state banner', () => {
  it.each(['/', '/en/'] as const)('%s names the affected product with its status and links its open incident, with and without JavaScript', async (path) => {
    const t = messages[path === '/' ? 'nl' : 'en'];
    for (const javaScript of [true, false]) {
      const opened = await openPage(server.url + path, { width: 390, javaScript });
      const shown = await banner(opened);
      expect(shown.state).toBe('degraded_performance');
      expect(shown.headline).toBe(t.overall.degraded_performance);
      expect(shown.affected).toBe(t.home.affected('3CX', t.status.degraded_performance));
      expect(shown.links).toHaveLength(1);
      expect(shown.links[0]!.href).toMatch(new RegExp(`^${path === '/' ? '' : '/en'}/incidents/\\d+$`));
      expect(shown.items[0]).toMatch(path === '/' ? / · laatste update \d+ \w+ 2026 om \d\d:\d\d CET$/ : / · last update \d+ \w+ 2026 at \d\d:\d\d CET$/);
      expect(shown.title.startsWith(`⚠ ${t.overall.degraded_performance} · `)).toBe(true);
      expect(shown.icon).toBe('/favicon-degraded_performance.svg');
      await opened.close();
    }
  });

  it.each(['light', 'dark'] as const)('is a filled block that passes axe in %s', async (colorScheme) => {
    const opened = await openPage(`${server.url}/`, { width: 320, colorScheme });
    expect((await banner(opened)).background).not.toBe('rgba(0, 0, 0, 0)');
    await expectAxeClean(opened, `home ${colorScheme}`);
  });
});

describe('the refresh island', () => {
  it('costs a 304 while nothing changes, and turns the banner red within a minute of a new incident', async () => {
    const home = await openPage(`${server.url}/`, { width: 390 });
    await home.page.clock.install();
    const polls: number[] = [];
    home.page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/v2/status.json') polls.push(r.status());
    });
    await home.page.reload({ waitUntil: 'networkidle' });
    expect(polls).toEqual([200]);
    await home.page.clock.runFor(46_000);
    await expect.poll(() => polls.length).toBe(2);
    expect(polls[1]).toBe(304);
    const requests = home.requests.filter((r) => r.url.endsWith('/api/v2/status.json'));
    expect(await requests.at(-1)!.request.headerValue('if-none-match')).toMatch(/^"/);

    // A new incident, published in the console by the first administrator.
    const link = /create one within the hour at (\S+)/.exec(server.output())![1]!;
    const noc = await openPage(link, { javaScript: false, width: 390 });
    await noc.page.getByLabel('E-mailadres').fill('admin@example.nl');
    await noc.page.getByLabel('Naam').fill('Beheer');
    await noc.page.getByLabel(/^Wachtwoord/).fill(PASSWORD);
    await Promise.all([noc.page.waitForEvent('load'), noc.page.getByRole('button', { name: 'Beheerder aanmaken' }).click()]);
    await noc.page.goto(`${server.url}/admin/incidents/new`);
    await noc.page.getByLabel('Titel', { exact: true }).fill('Storing VOIPNOW');
    await noc.page.getByLabel('Bericht', { exact: true }).fill('Gesprekken via VOIPNOW komen niet tot stand.');
    await noc.page.getByLabel('VOIPNOW').selectOption('major_outage');
    await Promise.all([noc.page.waitForEvent('load'), noc.page.getByRole('button', { name: 'Storing publiceren' }).click()]);
    const id = new URL(noc.page.url()).pathname.split('/').at(-1);
    expect(id).toMatch(/^\d+$/);

    // Not yet: the page waits for its next poll, at most 45 seconds away.
    expect((await banner(home)).state).toBe('degraded_performance');
    await home.page.clock.runFor(46_000);
    await expect.poll(async () => (await banner(home)).state, { timeout: 10_000 }).toBe('major_outage');
    const shown = await banner(home);
    expect(shown.headline).toBe(nl.overall.major_outage);
    expect(shown.affected).toBe(`${nl.home.affected('VOIPNOW', nl.status.major_outage)} · ${nl.home.affected('3CX', nl.status.degraded_performance)}`);
    expect(shown.links.map((l) => l.text)).toContain('Storing VOIPNOW');
    expect(shown.links.map((l) => l.href)).toContain(`/incidents/${id}`);
    expect(shown.title.startsWith(`⛔ ${nl.overall.major_outage} · `)).toBe(true);
    expect(shown.icon).toBe('/favicon-major_outage.svg');
    expect(shown.said).toBe(`${nl.home.liveChanged} ${nl.overall.major_outage}. ${shown.affected}`);
    expect(await home.page.getAttribute('[data-live-say]', 'aria-live')).toBe('polite');
    // The open incidents below the banner were swapped too.
    expect(await home.page.locator('[data-live="incidents"]').innerText()).toContain('Storing VOIPNOW');
    await expectAxeClean(home, 'home after the refresh');
  });
});
