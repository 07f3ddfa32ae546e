// The 90-day bars in Chromium, as a customer on a phone or with a keyboard uses them: a
// legend whose statuses differ in colour and in pattern, every day reachable with the Tab
// key and by a tap (a target of at least 24×24 px) and then showing its text, a day with news opening its entry with links,
// and never a day that is both an outage and 100 %. On the demo history at FIXED_NOW.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '#src/i18n/messages.ts';
import { expectAxeClean, expectNoHorizontalScroll, openPage, useBrowser } from '../support/browser.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { startServer, type RunningServer } from '../support/server.ts';

useBrowser();
let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-bars-'));
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.each([
  { path: '/', lang: 'nl' },
  { path: '/en/', lang: 'en' },
] as const)('the bars of $path', ({ path, lang }) => {
  const t = messages[lang];

  it('have a legend naming every status, each swatch differing from the others in colour and in pattern', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const opened = await openPage(server.url + path, { width: 390, colorScheme });
      const legend = await opened.page.evaluate(() =>
        [...document.querySelectorAll('.legend li')].map((li) => {
          const style = getComputedStyle(li.querySelector('.swatch')!);
          return { text: (li.textContent ?? '').trim(), colour: style.backgroundColor, image: style.backgroundImage };
        }),
      );
      expect(legend.map((l) => l.text).sort()).toEqual([...Object.values(t.status), t.noData].sort());
      // The three kinds of trouble and maintenance are each drawn with a pattern of their own colour.
      const patterned = legend.filter((l) => l.image !== 'none');
      expect(patterned.map((l) => l.text).sort()).toEqual([t.status.degraded_performance, t.status.partial_outage, t.status.under_maintenance].sort());
      expect(new Set(patterned.map((l) => l.image)).size, colorScheme).toBe(3);
      const solid = legend.filter((l) => l.image === 'none').map((l) => l.colour);
      expect(new Set(solid).size, `${colorScheme}: ${solid.join(', ')}`).toBe(3);
    }
  });

  it('let the keyboard reach every day of a bar, each showing its text as it gets the focus', async () => {
    const opened = await openPage(server.url + path, { width: 1280 });
    const bar = opened.page.locator('li[data-product="voipnow"] .bar');
    expect(await bar.locator(':scope > *').count()).toBe(90);
    await bar.locator(':scope > *').first().focus();
    const seen: { label: string | null; tip: string }[] = [];
    for (let n = 0; n < 90; n++) {
      if (n > 0) await opened.page.keyboard.press('Tab');
      seen.push(
        await opened.page.evaluate(() => {
          const e = document.activeElement!;
          return { label: e.parentElement?.classList.contains('bar') ? e.getAttribute('aria-label') : null, tip: getComputedStyle(e, '::after').content };
        }),
      );
    }
    const labels = await bar.locator(':scope > *').evaluateAll((days) => days.map((d) => d.getAttribute('aria-label')));
    expect(seen.map((s) => s.label)).toEqual(labels);
    for (const { label, tip } of seen) expect(tip).toBe(JSON.stringify(label));
    // The last day is today, 25 November, and says so.
    expect(labels.at(-1)).toMatch(lang === 'nl' ? /^25 nov/ : /^25 Nov/);
  });

  it('open a day by a tap: its text, and for a day with news its entry with links to what happened', async () => {
    const opened = await openPage(server.url + path, { width: 390, touch: true });
    const days = opened.page.locator('li[data-product="voipnow"] .bar > *');
    const calm = days.locator('xpath=self::i').first();
    await calm.tap();
    const calmTip = await calm.evaluate((e) => ({ focused: document.activeElement === e, tip: getComputedStyle(e, '::after').content, label: e.getAttribute('aria-label') }));
    expect(calmTip.focused).toBe(true);
    expect(calmTip.tip).toBe(JSON.stringify(calmTip.label));
    // The maintenance of 4 September (regular work inside its window): blue, 100 %, linked.
    const maintenanceDay = opened.page.locator('li[data-product="voipnow"] .bar > a[href="#voipnow-2026-09-04"]');
    expect(await maintenanceDay.getAttribute('class')).toBe('u');
    expect(await maintenanceDay.getAttribute('aria-label')).toContain(`${t.status.under_maintenance}, ${lang === 'nl' ? '100,00' : '100.00'} %`);
    await maintenanceDay.tap();
    const entry = opened.page.locator('#voipnow-2026-09-04');
    expect(await entry.isVisible()).toBe(true);
    expect(await entry.evaluate((e) => e.matches(':target'))).toBe(true);
    const links = await entry.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(new RegExp(`^${lang === 'en' ? '/en' : ''}/maintenance/\\d+$`));
    await expectNoHorizontalScroll(opened);
  });

  it.each([320, 1280])('give every day a target of at least 24×24 CSS px, in full rows, at %i px (WCAG 2.2 2.5.8)', async (width) => {
    const opened = await openPage(server.url + path, { width });
    const bars = await opened.page.locator('.bar').evaluateAll((all) =>
      all.map((bar) => {
        const boxes = [...bar.children].map((day) => day.getBoundingClientRect());
        return { sizes: boxes.map((b) => [b.width, b.height]), rows: new Set(boxes.map((b) => b.top)).size };
      }),
    );
    expect(bars).toHaveLength(6);
    for (const { sizes, rows } of bars) {
      expect(sizes).toHaveLength(90);
      expect(sizes.filter(([w, h]) => w! < 24 || h! < 24)).toEqual([]);
      // 90 days in rows of 10, 15, 18 or 30: every row full.
      expect([3, 5, 6, 9]).toContain(rows);
    }
    await expectNoHorizontalScroll(opened);
  });

  it('never show a day that is both an outage and 100 %', async () => {
    const opened = await openPage(server.url + path);
    const labels = await opened.page.locator('.bar > *').evaluateAll((days) => days.map((d) => d.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(540);
    const hundred = lang === 'nl' ? '100,00 %' : '100.00 %';
    const outage = labels.filter((l) => (l.includes(t.status.partial_outage) || l.includes(t.status.major_outage)) && l.endsWith(hundred));
    expect(outage).toEqual([]);
    // And the demo's days of planned work inside their windows are maintenance.
    expect(labels.filter((l) => l.includes(`${t.status.under_maintenance}, ${hundred}`)).length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    { colorScheme: 'light', width: 390 },
    { colorScheme: 'dark', width: 390 },
  ] as const)('pass axe with a day focused, $colorScheme at $width px', async (options) => {
    const opened = await openPage(server.url + path, options);
    await opened.page.locator('.bar > a').first().focus();
    await expectAxeClean(opened, `home ${path} with a bar day focused`);
  });
});
