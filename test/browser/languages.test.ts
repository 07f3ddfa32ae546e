// Both languages all the way, on the demo history at FIXED_NOW: English pages carry no
// Dutch label (the NOC's Dutch-only text is marked lang="nl"), the subscribe page spaces
// its links, every "category" links to the explanation with the SLA's times, and a product
// page marks the incidents that are still open, exactly those the status API calls
// unresolved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '#src/i18n/messages.ts';
import { openPage, useBrowser } from '../support/browser.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { startServer, type RunningServer } from '../support/server.ts';

useBrowser();
let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-languages-'));
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const ENGLISH_PAGES = ['/en/', '/en/maintenance', '/en/history', '/en/products/3cx', '/en/products/voipnow', '/en/subscribe', '/en/maintenance/calendar/2026-06', '/en/availability'];
// Dutch labels the catalogue uses, none of which is English.
const DUTCH = ['Geannuleerd', 'Categorie', 'Onderhoud', 'Storing', 'Gepland', 'Afgerond', 'laatste update', 'Reden van annulering', 'Verwachte hinder', 'Nog niet opgelost'];

describe('English pages', () => {
  it.each(ENGLISH_PAGES)('%s shows no Dutch label outside text marked lang="nl"', async (path) => {
    const opened = await openPage(server.url + path);
    const text = await opened.page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const dutch of body.querySelectorAll('[lang="nl"]')) dutch.remove();
      return body.innerText;
    });
    const found = DUTCH.filter((word) => text.includes(word));
    expect(found, path).toEqual([]);
  });

  it('marks a Dutch cancellation reason as Dutch', async () => {
    const opened = await openPage(`${server.url}/en/maintenance`);
    const reasons = await opened.page.evaluate(() =>
      [...document.querySelectorAll('dt')].filter((dt) => dt.textContent === 'Reason for cancellation').map((dt) => ({ lang: dt.nextElementSibling?.getAttribute('lang'), text: dt.nextElementSibling?.textContent })),
    );
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason.lang).toBe('nl');
      expect(reason.text).not.toMatch(/^Geannuleerd/);
    }
  });
});

describe('the subscribe page', () => {
  it.each(['/subscribe', '/en/subscribe'] as const)('%s puts a space after the colon and around each dot', async (path) => {
    const t = messages[path === '/subscribe' ? 'nl' : 'en'];
    const opened = await openPage(server.url + path, { javaScript: false });
    const rows = await opened.page.locator('main ul.plain:not(.feeds) li').allInnerTexts();
    expect(rows[0]).toBe(`${t.subscribe.allProducts}: ${t.subscribe.incidentsFeed} · ${t.subscribe.maintenanceFeed} · ${t.subscribe.calendarFile}`);
    expect(rows).toHaveLength(7);
  });
});

describe('incident categories', () => {
  it.each(['nl', 'en'] as const)('link to their explanation with the SLA times, in %s', async (lang) => {
    const t = messages[lang];
    const prefix = lang === 'en' ? '/en' : '';
    const home = await openPage(`${server.url}${prefix}/`);
    const link = home.page.locator('main a', { hasText: t.incident.category(1) }).first();
    expect(await link.getAttribute('href')).toBe(`${prefix}/history#categories`);
    await link.click();
    await home.page.waitForURL(`**${prefix}/history#categories`);
    const section = await home.page.locator('#categories').innerText();
    expect(section).toContain(t.incident.categoryMeaning[1]);
    expect(section).toContain(t.incident.categoryMeaning[2]);
    expect(section).toContain(lang === 'nl' ? 'kantooruur' : 'office hour');
    expect(section).toContain('24/7');
  });
});

describe('a product page', () => {
  it.each(['3cx', 'voipnow'])('marks exactly its open incidents (%s)', async (slug) => {
    const unresolved = (await (await fetch(`${server.url}/api/v2/incidents/unresolved.json`)).json()) as {
      incidents: { id: string; components: { id: string }[] }[];
    };
    const open = unresolved.incidents.filter((i) => i.components.some((c) => c.id === `product-${slug}`)).map((i) => i.id.replace('incident-', ''));
    const opened = await openPage(`${server.url}/products/${slug}`);
    const marked = await opened.page.evaluate(() =>
      [...document.querySelectorAll('li[data-incident]')].filter((li) => li.querySelector('.open-mark')).map((li) => li.getAttribute('data-incident')),
    );
    expect(marked.sort()).toEqual(open.sort());
    if (slug === '3cx') expect(marked).toHaveLength(1);
    const en = await openPage(`${server.url}/en/products/${slug}`);
    expect(await en.page.locator('.open-mark').count()).toBe(marked.length);
    if (marked.length > 0) expect(await en.page.locator('.open-mark').first().textContent()).toBe(`${messages.en.product.open}:`);
  });
});
