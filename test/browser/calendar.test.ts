// The maintenance calendar (/maintenance/calendar/YYYY-MM) in Chromium against the demo
// history at FIXED_NOW: every window of every month on each Amsterdam day it touches
// (worked out here with Intl, independently of the page's helpers), across midnight too,
// times with CEST before and CET after the October DST change, cancelled ones struck
// through and said so; Monday-first weeks numbered as in the Netherlands; previous/next
// links; a list of the days with maintenance on a phone; the month's iCalendar file holds
// exactly the windows touching the month; axe-clean in light and dark, 320 and 1280 px.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoHistory } from '#src/demo/history.ts';
import { importDocument } from '#src/history-import/schema.ts';
import { messages } from '#src/i18n/messages.ts';
import { expectAxeClean, expectNoHorizontalScroll, openPage, useBrowser, type OpenedPage } from '../support/browser.ts';
import { FIXED_NOW } from '../support/clock.ts';
import { parseCalendar } from '../support/feed-parsers.ts';
import { startServer, type RunningServer } from '../support/server.ts';

useBrowser();
let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'status-browser-calendar-'));
beforeAll(async () => {
  server = await startServer({ DATA_DIR: dataDir }, { now: FIXED_NOW });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const demo = importDocument.parse(generateDemoHistory(FIXED_NOW));
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The Amsterdam days [start, end) touches (demo windows are shorter than a day). */
const daysOf = (start: Date, end: Date) => [...new Set([dayKey.format(start), dayKey.format(new Date(+end - 1))])];
const MONTHS = [...new Set(demo.maintenances.flatMap((m) => daysOf(m.start, m.end).map((d) => d.slice(0, 7))))].sort();

/** (day, title, cancelled) of every item the page shows on a day of its own month. */
function itemsShown(opened: OpenedPage) {
  return opened.page.evaluate(() =>
    [...document.querySelectorAll('li.cal-day:not(.out) li.cal-item')].map((item) => ({
      day: item.closest('li.cal-day')!.getAttribute('data-day')!,
      title: item.querySelector('.cal-title')!.textContent!.trim(),
      cancelled: item.classList.contains('cancelled'),
      struck: item.querySelector('s') ? getComputedStyle(item.querySelector('s')!).textDecorationLine : null,
      text: (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
      visible: (item as HTMLElement).offsetParent !== null,
    })),
  );
}

describe('the maintenance calendar', () => {
  it('covers the demo in more than one month, with a window across midnight and a cancelled one', () => {
    expect(MONTHS.length).toBeGreaterThanOrEqual(10);
    expect(demo.maintenances.some((m) => daysOf(m.start, m.end).length === 2)).toBe(true);
    expect(demo.maintenances.some((m) => m.cancelled)).toBe(true);
  });

  it.each(['nl', 'en'] as const)('shows every demo window of every month on each day it touches, in %s', async (lang) => {
    const prefix = lang === 'en' ? '/en' : '';
    const t = messages[lang];
    for (const month of MONTHS) {
      const opened = await openPage(`${server.url}${prefix}/maintenance/calendar/${month}`);
      expect(opened.response?.status()).toBe(200);
      const expected = demo.maintenances
        .flatMap((m) => daysOf(m.start, m.end).map((day) => ({ day, title: (lang === 'en' && m.titleEn) || m.title, cancelled: m.cancelled })))
        .filter((e) => e.day.startsWith(month));
      const shown = await itemsShown(opened);
      const key = (e: { day: string; title: string; cancelled: boolean }) => `${e.day} ${e.cancelled ? 'x' : '-'} ${e.title}`;
      expect(shown.map(key).sort(), month).toEqual(expected.map(key).sort());
      for (const item of shown.filter((s) => s.cancelled)) {
        expect(item.struck, item.text).toBe('line-through');
        expect(item.text.startsWith(`${t.maintenanceState.cancelled}:`)).toBe(true);
      }
      await opened.close();
    }
  });

  it('draws a window across midnight on both days with its part of each, and names CEST and CET around the DST change', async () => {
    const august = await openPage(`${server.url}/maintenance/calendar/2026-08`);
    const shown = await itemsShown(august);
    // Regular work Friday 21 August 21:00 – Saturday 01:00 CEST.
    const friday = shown.find((s) => s.day === '2026-08-21')!;
    const saturday = shown.find((s) => s.day === '2026-08-22')!;
    expect(friday.text).toContain('21:00 CEST – 24:00');
    expect(friday.text).toContain(messages.nl.calendar.continues);
    expect(saturday.text).toContain('00:00 – 01:00 CEST');
    expect(saturday.text).toContain(messages.nl.calendar.continued);
    const october = await itemsShown(await openPage(`${server.url}/en/maintenance/calendar/2025-10`));
    expect(october.find((s) => s.day === '2025-10-17')!.text).toContain('20:00 CEST – 24:00');
    expect(october.find((s) => s.day === '2025-10-29')!.text).toContain('20:00 CET – 23:00 CET');
  });

  it('lays the month out Monday first with Dutch week numbers, and links the months either side', async () => {
    const opened = await openPage(`${server.url}/maintenance/calendar/2026-11`);
    const grid = await opened.page.evaluate(() => ({
      weeks: [...document.querySelectorAll('.cal-wk')].map((w) => w.textContent?.trim()),
      first: document.querySelector('li.cal-day')?.getAttribute('data-day'),
      last: [...document.querySelectorAll('li.cal-day')].at(-1)?.getAttribute('data-day'),
      head: [...document.querySelectorAll('.cal-head span')].map((s) => s.textContent?.trim()).filter(Boolean),
      prev: document.querySelector('a[rel="prev"]')?.getAttribute('href'),
      next: document.querySelector('a[rel="next"]')?.getAttribute('href'),
    }));
    expect(grid.weeks).toEqual(['Week 44', 'Week 45', 'Week 46', 'Week 47', 'Week 48', 'Week 49']);
    expect([grid.first, grid.last]).toEqual(['2026-10-26', '2026-12-06']);
    expect(grid.head).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
    expect([grid.prev, grid.next]).toEqual(['/maintenance/calendar/2026-10', '/maintenance/calendar/2026-12']);
    const en = await openPage(`${server.url}/en/maintenance/calendar/2026-01`);
    expect(await en.page.getAttribute('a[rel="prev"]', 'href')).toBe('/en/maintenance/calendar/2025-12');
    // 1 January 2026 is a Thursday: the first week is week 1, from Monday 29 December.
    expect(await en.page.locator('.cal-wk').first().textContent()).toBe('Week 1');
    expect(await en.page.getAttribute('li.cal-day >> nth=0', 'data-day')).toBe('2025-12-29');
  });

  it('is found from the maintenance page and the home page', async () => {
    for (const path of ['/', '/maintenance', '/en/', '/en/maintenance']) {
      const html = await (await fetch(server.url + path)).text();
      expect(html, path).toContain(`href="${path.startsWith('/en') ? '/en' : ''}/maintenance/calendar/2026-11"`);
    }
  });

  it('becomes a list of the days with maintenance on a phone', async () => {
    const opened = await openPage(`${server.url}/maintenance/calendar/2026-08`, { width: 390 });
    const layout = await opened.page.evaluate(() => ({
      head: getComputedStyle(document.querySelector('.cal-head')!).display,
      visibleDays: [...document.querySelectorAll('li.cal-day')].filter((d) => (d as HTMLElement).offsetParent !== null).map((d) => d.getAttribute('data-day')),
      widths: [...document.querySelectorAll('li.cal-day')].filter((d) => (d as HTMLElement).offsetParent !== null).map((d) => d.getBoundingClientRect().width),
      main: document.querySelector('main')!.clientWidth,
    }));
    expect(layout.head).toBe('none');
    expect(layout.visibleDays).toEqual(['2026-08-21', '2026-08-22', '2026-08-24', '2026-08-28']);
    for (const width of layout.widths) expect(width).toBeGreaterThan(layout.main * 0.8);
    expect((await itemsShown(opened)).every((s) => s.visible)).toBe(true);
    await expectNoHorizontalScroll(opened);
  });

  it('offers the month as an iCalendar file holding exactly the windows that touch it', async () => {
    const whole = parseCalendar(await (await fetch(`${server.url}/maintenance.ics`)).text()).events;
    const response = await fetch(`${server.url}/maintenance.ics?month=2026-08`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const month = parseCalendar(await response.text()).events;
    const [start, end] = [+new Date('2026-08-01T00:00:00+02:00'), +new Date('2026-09-01T00:00:00+02:00')];
    const expected = whole.filter((e) => +e.start < end && +e.end > start).map((e) => e.uid);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(month.map((e) => e.uid)).toEqual(expected);
    const page = await (await fetch(`${server.url}/maintenance/calendar/2026-08`)).text();
    expect(page).toContain('href="/maintenance.ics?month=2026-08"');
    expect((await fetch(`${server.url}/maintenance.ics?month=2026-13`)).status).toBe(400);
    expect((await fetch(`${server.url}/maintenance/calendar/2026-13`)).status).toBe(404);
    expect((await fetch(`${server.url}/en/maintenance/calendar/august`)).status).toBe(404);
  });

  it.each([
    { colorScheme: 'light', width: 320 },
    { colorScheme: 'dark', width: 320 },
    { colorScheme: 'light', width: 1280 },
    { colorScheme: 'dark', width: 1280 },
  ] as const)('passes axe and fits the screen in $colorScheme at $width px, Dutch and English', async (options) => {
    for (const path of ['/maintenance/calendar/2026-06', '/en/maintenance/calendar/2026-08']) {
      const opened = await openPage(server.url + path, options);
      await expectAxeClean(opened, path);
      await expectNoHorizontalScroll(opened);
      await opened.close();
    }
  });
});
