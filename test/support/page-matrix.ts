// The checks every public page gets in the ways it is seen: each listed path (Dutch and
// English paths are listed separately) in light and dark, 320 and 1280 px wide, with
// JavaScript on and off, every pair of those covered. Problems are collected over the whole matrix and reported together.
import { expect } from 'vitest';
import {
  describeOptions,
  expectAxeClean,
  expectNoHorizontalScroll,
  expectNoWebFonts,
  expectNoCspViolations,
  expectOnlyOwnOrigin,
  expectVisibleFocus,
  openPage,
  tabToNext,
  type OpenedPage,
  type PageOptions,
} from './browser.ts';
import type { RunningServer } from './server.ts';

/** A path to check; pages that answer other than 200 (the 404 page) say so. */
export type PagePath = string | { path: string; status: number };

/**
 * Four ways that together hold every pair of the three settings (light/dark × 320/1280 ×
 * JavaScript on/off: each two-setting combination appears once), which is where the
 * faults we have seen lie (dark at 320 px, no JavaScript on a phone), at half the time of
 * all eight.
 */
export const PAGE_MATRIX: readonly Required<PageOptions>[] = [
  { colorScheme: 'light', width: 320, javaScript: false, touch: false },
  { colorScheme: 'light', width: 1280, javaScript: true, touch: false },
  { colorScheme: 'dark', width: 320, javaScript: true, touch: false },
  { colorScheme: 'dark', width: 1280, javaScript: false, touch: false },
];

export function pathOf(page: PagePath): string {
  return typeof page === 'string' ? page : page.path;
}

function statusOf(page: PagePath): number {
  return typeof page === 'string' ? 200 : page.status;
}

export function languageOf(path: string): 'nl' | 'en' {
  return path === '/en' || path.startsWith('/en/') || path.startsWith('/en?') ? 'en' : 'nl';
}

/** Runs the whole matrix for every path; throws once, listing every problem found. */
export async function checkPages(server: RunningServer, pages: readonly PagePath[]): Promise<void> {
  const problems: string[] = [];
  for (const page of pages) {
    for (const options of PAGE_MATRIX) problems.push(...(await checkOne(server, page, options)));
  }
  if (problems.length > 0) expect.fail(`${problems.length} problem(s):\n\n${problems.join('\n\n')}`);
}

async function checkOne(server: RunningServer, page: PagePath, options: Required<PageOptions>): Promise<string[]> {
  const path = pathOf(page);
  const label = `${path} (${options.width} px, ${options.colorScheme}, JavaScript ${options.javaScript ? 'on' : 'off'})`;
  const problems: string[] = [];
  const check = async (what: () => unknown) => {
    try {
      await what();
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message}`);
    }
  };
  let opened: OpenedPage;
  try {
    opened = await openPage(server.url + path, options);
  } catch (error) {
    return [`${label}: cannot open: ${(error as Error).message}`];
  }
  try {
    await check(() => expect(opened.response?.status(), 'HTTP status').toBe(statusOf(page)));
    await check(async () => expectContent(opened, path, statusOf(page) === 200));
    await check(() => expectAxeClean(opened, path));
    await check(() => expectNoHorizontalScroll(opened));
    await check(() => expectOnlyOwnOrigin(opened));
    await check(() => expectNoCspViolations(opened));
    await check(() => expectNoWebFonts(opened));
    await check(async () => expectVisibleFocus(await tabToNext(opened), label));
  } finally {
    await opened.close();
  }
  return problems;
}

/** What every page has for a reader, with or without JavaScript. */
async function expectContent(opened: OpenedPage, path: string, found: boolean): Promise<void> {
  const seen = await opened.page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title.trim(),
    h1: [...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').trim()),
    main: (document.querySelector('main')?.textContent ?? '').trim().length,
    emptyIslands: [...document.querySelectorAll('astro-island')].filter((i) => (i.textContent ?? '').trim() === '').length,
    alternates: Object.fromEntries(
      [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), (l as HTMLLinkElement).href]),
    ),
  }));
  const where = describeOptions(opened);
  expect(seen.lang, `<html lang> (${where})`).toBe(languageOf(path));
  expect(seen.title, `<title> (${where})`).not.toBe('');
  expect(seen.h1, `one <h1> with text (${where})`).toHaveLength(1);
  expect(seen.h1[0], `one <h1> with text (${where})`).not.toBe('');
  expect(seen.main, `text in <main> (${where})`).toBeGreaterThan(0);
  // An island without server-rendered content shows nothing without JavaScript.
  expect(seen.emptyIslands, `islands without server-rendered content (${where})`).toBe(0);
  if (found) {
    expect(Object.keys(seen.alternates).sort(), `hreflang alternates (${where})`).toEqual(expect.arrayContaining(['en', 'nl']));
    const self = new URL(seen.alternates[languageOf(path)]!);
    expect(self.origin + self.pathname + self.search, `hreflang alternate of the page itself (${where})`).toBe(new URL(path, opened.origin).href);
  }
}

/**
 * Every listed page that exists is listed in its other language too, as its hreflang
 * alternate names it: the issue asks for every page in both languages.
 */
export async function expectBothLanguagesListed(server: RunningServer, pages: readonly PagePath[]): Promise<void> {
  const listed = new Set(pages.map(pathOf));
  const missing: string[] = [];
  for (const page of pages) {
    if (statusOf(page) !== 200) continue;
    const html = await (await fetch(server.url + pathOf(page))).text();
    const language = languageOf(pathOf(page));
    for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
      const attribute = (name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
      const hreflang = attribute('hreflang');
      if (attribute('rel') !== 'alternate' || (hreflang !== 'nl' && hreflang !== 'en') || hreflang === language) continue;
      const other = new URL(attribute('href')!.replaceAll('&amp;', '&'), server.url);
      if (!listed.has(other.pathname + other.search)) missing.push(`${pathOf(page)} → ${other.pathname + other.search}`);
    }
  }
  expect(missing, 'pages listed in one language only (page → its other language)').toEqual([]);
}
