// Browser tests: one Chromium per test file (call useBrowser() at the top of the file),
// pages opened in it, and the checks every public page must pass: axe-core without a
// serious or critical violation, no horizontal scrolling, a visible keyboard focus, and no
// request beyond the server's own origin, nor for a web font.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  axeViolations,
  describeViolations,
  isFont,
  isThirdParty,
  launchChromium,
  openIn,
  type OpenedPage,
  type PageOptions,
} from './chromium.ts';

export type { OpenedPage, PageOptions } from './chromium.ts';

let browser: Browser | undefined;
const open = new Set<OpenedPage>();

/** Launches Chromium before the file's tests and closes it after; pages left open close after each test. */
export function useBrowser(): void {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all([...open].map((page) => page.close()));
    open.clear();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

function current(): Browser {
  if (!browser) throw new Error('no browser: call useBrowser() at the top of the test file');
  return browser;
}

/** Opens `url` in a fresh context (light, 1280 px wide, JavaScript on unless told otherwise). */
export async function openPage(url: string, options: PageOptions = {}): Promise<OpenedPage> {
  const opened = await openIn(current(), url, options);
  open.add(opened);
  const close = opened.close;
  opened.close = async () => {
    open.delete(opened);
    await close();
  };
  return opened;
}

export function describeOptions({ options }: OpenedPage): string {
  return `${options.width} px, ${options.colorScheme}, JavaScript ${options.javaScript ? 'on' : 'off'}`;
}

/** No axe violation of impact serious or critical (WCAG 2.1 A and AA, and best practice). */
export async function expectAxeClean(opened: OpenedPage, label: string): Promise<void> {
  const violations = await axeViolations(opened, current());
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length > 0) {
    expect.fail(`axe: ${label} (${describeOptions(opened)}) has ${blocking.length} serious or critical violation(s):\n${describeViolations(blocking)}`);
  }
}

export async function expectNoHorizontalScroll(opened: OpenedPage): Promise<void> {
  const result = await opened.page.evaluate(() => {
    const limit = window.innerWidth;
    const name = (e: Element) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.classList].map((c) => `.${c}`).join('');
    // The outermost elements that stick out name the culprit; their children follow from them.
    const wide = [...document.body.querySelectorAll('*')].filter(
      (e) => e.getBoundingClientRect().right > limit + 0.5 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > limit + 0.5),
    );
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: limit, wide: wide.slice(0, 5).map(name) };
  });
  expect(
    result.scrollWidth,
    `${opened.page.url()} (${describeOptions(opened)}) scrolls sideways; wider than the window: ${result.wide.join(', ')}`,
  ).toBeLessThanOrEqual(result.innerWidth);
}

/** Every request went to the server's own origin. */
export function expectOnlyOwnOrigin(opened: OpenedPage): void {
  const foreign = opened.requests.filter((r) => isThirdParty(r, opened.origin)).map((r) => `${r.type} ${r.url}`);
  if (foreign.length > 0) expect.fail(`third-party requests from ${opened.page.url()}: ${foreign.join(', ')}`);
}

/** Chromium blocked nothing under the page's Content-Security-Policy (no inline code without its hash). */
export function expectNoCspViolations(opened: OpenedPage): void {
  if (opened.cspViolations.length > 0) expect.fail(`CSP violations on ${opened.page.url()} (${describeOptions(opened)}):\n${opened.cspViolations.join('\n')}`);
}

/** No font was requested and no @font-face is declared: the pages use the system fonts. */
export async function expectNoWebFonts(opened: OpenedPage): Promise<void> {
  const fonts = opened.requests.filter(isFont).map((r) => r.url);
  if (fonts.length > 0) expect.fail(`font requests from ${opened.page.url()}: ${fonts.join(', ')}`);
  const faces = await opened.page.evaluate(() => [...document.fonts].map((f) => f.family));
  if (faces.length > 0) expect.fail(`@font-face rules on ${opened.page.url()}: ${faces.join(', ')}`);
}

export interface FocusedElement {
  element: string;
  outline: string;
  outlineWidth: number;
  contrast: number | null;
  inViewport: boolean;
}

/** Presses Tab once more and describes where the focus went and how it is shown. */
export async function tabToNext(opened: OpenedPage): Promise<FocusedElement> {
  await opened.page.keyboard.press('Tab');
  const seen = await opened.page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const style = getComputedStyle(e);
    const rect = e.getBoundingClientRect();
    let behind = 'rgba(0, 0, 0, 0)';
    // The outline is drawn around the element, on its parents' background.
    for (let p = e.parentElement; p && /rgba\(.*, 0\)$/.test(behind); p = p.parentElement) behind = getComputedStyle(p).backgroundColor;
    return {
      element: `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      behind,
      inViewport: rect.width > 0 && rect.height > 0 && rect.left >= 0 && rect.top >= 0 && rect.right <= window.innerWidth && rect.bottom <= window.innerHeight,
    };
  });
  if (!seen) throw new Error(`Tab on ${opened.page.url()} focused nothing`);
  const drawn = seen.outlineStyle !== 'none' && seen.outlineWidth > 0;
  return {
    element: seen.element,
    outline: seen.outline,
    outlineWidth: drawn ? seen.outlineWidth : 0,
    contrast: drawn ? contrastRatio(seen.outlineColor, seen.behind) : null,
    inViewport: seen.inViewport,
  };
}

/** The focused element shows an outline of at least 2 px with 3:1 contrast (WCAG 2.4.7, 1.4.11), on screen. */
export function expectVisibleFocus(focused: FocusedElement, where: string): void {
  const what = `${where}: focus on ${focused.element} (outline ${focused.outline}, contrast ${focused.contrast?.toFixed(2) ?? 'none'})`;
  expect(focused.outlineWidth, what).toBeGreaterThanOrEqual(2);
  expect(focused.contrast ?? 0, what).toBeGreaterThanOrEqual(3);
  expect(focused.inViewport, `${what} is not on screen`).toBe(true);
}

/** WCAG contrast ratio of two computed CSS colours ("rgb(…)"/"rgba(…)"; transparent counts as white). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (colour: string) => {
    const m = colour.match(/rgba?\(\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\s*\)/);
    if (!m) throw new Error(`cannot read the colour ${colour}`);
    const alpha = m[4] === undefined ? 1 : Number(m[4]);
    const channel = (v: string) => {
      const c = (Number(v) * alpha + 255 * (1 - alpha)) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
