// What a customer relies on, page by page, in Chromium with JavaScript off: the incident
// timeline in order with its SLA times, the availability table equal to the SLA engine's
// figures, the history filter as a plain form, maintenance with its rule, feeds linked,
// and a helpful 404.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoHistory } from '#src/demo/history.ts';
import { DEFAULT_IMPACT_WEIGHTS } from '#src/domain/vocabulary.ts';
import { formatPercent } from '#src/i18n/format.ts';
import { loadAvailabilityTable, type AvailabilityTable } from '#src/availability/load.ts';
import { monthKeyOf } from '#src/time/zone.ts';
import { openPage, useBrowser } from '../support/browser.ts';
import { launchChromium } from '../support/chromium.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { seededDatabase } from '../support/databases.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const noScript = { javaScript: false } as const;
useBrowser();
let server: RunningServer;
let expected: AvailabilityTable;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-content-'));

beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
  // The server's clock stands at FIXED_NOW and its history is the demo history of that
  // moment; the same history in a database of our own gives the figures the page must show.
  const replica = await seededDatabase('pglite', { catalogueAt: FIXED_NOW, history: generateDemoHistory(FIXED_NOW), now: FIXED_NOW });
  expected = await loadAvailabilityTable(replica.handle.db, FIXED_NOW, { weights: DEFAULT_IMPACT_WEIGHTS, officeHours: {} });
  await replica.drop();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('incident page', () => {
  it('shows the whole NOC timeline newest first, each update with its permalink, and the SLA times', async () => {
    const { page, response } = await openPage(`${server.url}/incidents/1`, noScript);
    expect(response?.status()).toBe(200);
    const updates = await page.$$eval('ol.timeline > li', (items) =>
      items.map((li) => ({ id: li.id, at: li.querySelector('time')?.getAttribute('datetime') ?? '', link: li.querySelector('a[href^="#update-"]')?.getAttribute('href') })),
    );
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (const u of updates) expect(u.link).toBe(`#${u.id}`);
    const times = updates.map((u) => Date.parse(u.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Categorie [12]/);
    expect(text).toContain('Eerste reactie');
    expect(text).toMatch(/\d{2}:\d{2} CES?T/);
  });

  it('answers 404 with a way back for an incident that does not exist', async () => {
    const { page, response } = await openPage(`${server.url}/en/incidents/999999`, noScript);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    expect(await page.locator('main a[href="/en/"]').count()).toBe(1);
  });
});

describe('availability page', () => {
  it('shows for every product and every complete month the figures of the SLA engine, rounded down', async () => {
    const { page } = await openPage(`${server.url}/availability`, noScript);
    const current = monthKeyOf(+FIXED_NOW);
    let compared = 0;
    for (const { product, rows } of expected.products) {
      for (const row of rows.filter((r) => r.month !== current)) {
        const cells = await page.$$eval(`section[data-product="${product.slug}"] tr[data-month="${row.month}"] td`, (tds) => tds.map((td) => td.textContent?.trim()));
        expect(cells.slice(0, 2), `${product.slug} ${row.month}`).toEqual([
          formatPercent(row.monthly.availability, 'nl', 3),
          formatPercent(row.rolling12.availability, 'nl', 3),
        ]);
        compared++;
      }
    }
    expect(compared).toBe(6 * 11);
    // One availability chart per product, and the two SLA §3.2 indicators (set-up time, success ratio).
    expect(await page.locator('section[data-product] svg.chart').count()).toBe(6);
    expect(await page.locator('svg.chart').count()).toBe(8);
    expect(await page.locator('main').innerText()).toContain('Een gedeeltelijke storing telt voor 0,30 mee.');
  });
});

describe('history page', () => {
  it('filters by product with a plain form, without JavaScript', async () => {
    const { page } = await openPage(`${server.url}/history`, noScript);
    await page.selectOption('select#product', '3cx');
    await Promise.all([page.waitForURL(/product=3cx/), page.click('form.filter button')]);
    expect(await page.locator('h1').innerText()).toBe('Storingshistorie: 3CX');
    const items = await page.locator('li[data-incident]').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toContain('3CX');
  });
});

describe('maintenance pages', () => {
  it('list every state and explain a maintenance with its SLA rule and calendar links', async () => {
    const { page } = await openPage(`${server.url}/en/maintenance`, noScript);
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings).toEqual(['In progress', 'Scheduled', 'Completed', 'Cancelled']);
    // The demo history always has two windows ahead: a regular and a necessary one.
    expect(await page.locator('#upcoming ~ article').count()).toBeGreaterThanOrEqual(2);
    const detail = await openPage(`${server.url}/en/maintenance/1`, noScript);
    const text = await detail.page.locator('main').innerText();
    expect(text).toMatch(/(Regular|Necessary|Emergency|Unannounced) maintenance/);
    expect(text).toMatch(/announced|Without notice|not announced/i);
  });
});

describe('subscribe page and feed links', () => {
  it('offers the calendar as webcal and the feeds, for all services and per service', async () => {
    const { page } = await openPage(`${server.url}/subscribe`, noScript);
    const webcal = await page.$$eval('a[href^="webcal://"]', (links) => links.map((a) => a.getAttribute('href')));
    // startServer sets SITE_URL to the address the tests use.
    expect(webcal).toContain(`${server.url.replace('http://', 'webcal://')}/maintenance.ics`);
    expect(webcal.length).toBe(7);
    const rss = await page.$$eval('main a[type="application/rss+xml"]', (links) => links.map((a) => a.getAttribute('href')));
    expect(rss).toContain('/products/voizapps/incidents.rss');
    const alternates = await page.$$eval('link[rel="alternate"][type]', (links) => links.map((l) => l.getAttribute('href')));
    expect(alternates).toEqual(['/incidents.rss', '/maintenance.rss', '/maintenance.ics']);
  });
});

describe('times in the viewer\'s zone', () => {
  it('a visitor in New York switches the incident times to their zone and back; without JavaScript the zone is named', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ timezoneId: 'America/New_York' });
      const page = await context.newPage();
      await page.goto(`${server.url}/en/incidents/1`);
      const first = page.locator('ol.timeline time').first();
      const dutchTime = await first.innerText();
      expect(dutchTime).toMatch(/ CES?T$/);
      const button = page.getByRole('button', { name: 'Show times in America/New_York' });
      await button.click();
      // The same instant, six hours earlier on the clock (five or six around the switches).
      await expect.poll(() => first.innerText()).toMatch(/\(America\/New_York\)$/);
      const iso = await first.getAttribute('datetime');
      const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso!));
      expect(await first.innerText()).toBe(`${expected} (America/New_York)`);
      await page.getByRole('button', { name: 'Show Dutch time' }).click();
      await expect.poll(() => first.innerText()).toBe(dutchTime);
    } finally {
      await browser.close();
    }
    const { page } = await openPage(`${server.url}/incidents/1`, noScript);
    expect(await page.locator('main').innerText()).toContain('Alle tijden in Nederlandse tijd (CET/CEST).');
  });
});

describe('demo notice', () => {
  it('tells on every page, in its language, that the history is made up', async () => {
    for (const [path, label] of [
      ['/', 'Voorbeeldgegevens'],
      ['/en/availability', 'Sample data'],
      ['/maintenance/1', 'Voorbeeldgegevens'],
      ['/en/does-not-exist', 'Sample data'],
    ] as const) {
      const { page } = await openPage(`${server.url}${path}`, noScript);
      const notice = page.getByRole('complementary', { name: label });
      expect(await notice.count(), path).toBe(1);
      expect(await notice.innerText(), path).toContain('npm run -s demo -- remove');
    }
  });
});
