// Debian's Chromium driven by playwright-core, without vitest: launching it, opening a page
// with a colour scheme, width and JavaScript on or off while recording every request, and
// running axe-core on what the page shows. Used by the browser tests and the page-weight
// script. CI installs /usr/bin/chromium with apt-get (.ci/run); no browser is downloaded.
import { existsSync, readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response, type Route } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
}

export type ColorScheme = 'light' | 'dark';

export interface PageOptions {
  colorScheme?: ColorScheme;
  /** CSS pixels; 320 is the narrowest width the pages must fit, 1280 a desktop. */
  width?: number;
  javaScript?: boolean;
  /** A touch screen (a phone): taps instead of a mouse. */
  touch?: boolean;
}

export interface RequestRecord {
  url: string;
  /** Playwright's resource type: document, stylesheet, script, image, font, fetch, … */
  type: string;
  /** The request itself, for its response and body while the page is open. */
  request: Request;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** The response to the navigation itself. */
  response: Response | null;
  /** The server's own origin: every other origin counts as a third party. */
  origin: string;
  options: Required<PageOptions>;
  /** Every request the page made, in order, including refused third-party ones. */
  requests: RequestRecord[];
  /** What Chromium reported as blocked by the Content-Security-Policy. */
  cspViolations: string[];
  close(): Promise<void>;
}

/** Heights that go with the two widths the issue names (320×640 mobile, 1280×800 desktop). */
function viewport(width: number) {
  return { width, height: width <= 480 ? 640 : 800 };
}

export async function openIn(browser: Browser, url: string, options: PageOptions = {}): Promise<OpenedPage> {
  const settled: Required<PageOptions> = { colorScheme: 'light', width: 1280, javaScript: true, touch: false, ...options };
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    colorScheme: settled.colorScheme,
    javaScriptEnabled: settled.javaScript,
    viewport: viewport(settled.width),
    hasTouch: settled.touch,
  });
  const requests: RequestRecord[] = [];
  context.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType(), request }));
  // Nothing leaves the machine: a request to another origin is recorded above and refused.
  await context.route((target) => target.origin !== origin, (route) => route.abort('blockedbyclient'));
  try {
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (settled.javaScript && (await page.locator('astro-island').count()) > 0) {
      // Let islands load and hydrate before anything looks at the page.
      await page.waitForLoadState('networkidle');
    }
    return { page, context, response, origin, options: settled, requests, cspViolations, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

export function isThirdParty(request: Pick<RequestRecord, 'url'>, origin: string): boolean {
  const url = new URL(request.url);
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return false;
  return url.origin !== origin;
}

export function isFont(request: Pick<RequestRecord, 'url' | 'type'>): boolean {
  return request.type === 'font' || /\.(woff2?|ttf|otf|eot)([?#]|$)/i.test(new URL(request.url).pathname);
}

// --- axe-core -------------------------------------------------------------------------

// WCAG 2.2 AA too: its target size (2.5.8) is what the day marks of the 90-day bars are held to.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/**
 * Every axe violation on the page as it is shown. With JavaScript off Chromium runs no
 * timers, and axe needs them; so axe runs on a copy: the DOM that the JavaScript-less page
 * built (its <noscript> content in place, no scripts), served at the same URL to a page of
 * the same width and colour scheme that may run scripts, with the same stylesheets.
 */
export async function axeViolations(opened: OpenedPage, browser: Browser): Promise<AxeViolation[]> {
  if (opened.options.javaScript) return runAxe(opened.page);
  const html = await opened.page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    for (const script of root.querySelectorAll('script')) script.remove();
    for (const fallback of root.querySelectorAll('noscript')) fallback.replaceWith(...fallback.childNodes);
    return `<!doctype ${document.doctype?.name ?? 'html'}>${root.outerHTML}`;
  });
  const address = new URL(opened.page.url());
  address.hash = '';
  const copy = await browser.newContext({
    colorScheme: opened.options.colorScheme,
    javaScriptEnabled: true,
    viewport: viewport(opened.options.width),
  });
  try {
    await copy.route((target) => target.origin !== opened.origin, (route) => route.abort('blockedbyclient'));
    const served = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    await copy.route((target) => target.href === address.href, served, { times: 1 });
    const page = await copy.newPage();
    await page.goto(address.href, { waitUntil: 'load' });
    return await runAxe(page);
  } finally {
    await copy.close();
  }
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary ?? '' })),
    }));
  }, AXE_TAGS);
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>`,
        ...v.nodes.map((n) => `    ${n.target}  ${n.html.slice(0, 160)}\n      ${n.summary.replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    )
    .join('\n');
}
