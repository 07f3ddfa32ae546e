// A write through the API, seen in Chromium at the next request: the NOC opens an
// incident, corrects its first update and posts a second; the customer's home page names
// the incident and the product's new state, and the incident page shows the corrected
// text marked "edited", in Dutch and English, axe-clean, with JavaScript off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, openPage, useBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { run, target, type Target } from '../support/targets.ts';

useBrowser();
let where: Target;
let server: RunningServer;
let token = '';
const api = async (path: string, method: string, body: unknown) => {
  const response = await fetch(`${server.url}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { id: number; updates: { id: number }[] };
};

beforeAll(async () => {
  where = await target('pglite');
  await run('user', ['add', 'noc@example.nl', '--name', 'NOC', '--role', 'operator'], where.env, 'correct horse battery staple');
  token = (await run('token', ['create', 'noc@example.nl', '--name', 'browser', '--scopes', 'incidents'], where.env)).stdout.trim();
  server = await startServer({ ...where.env, DEMO_DATA: 'off' });
});
afterAll(async () => {
  await server?.stop();
  await where?.remove();
});

describe('an incident published through the API', () => {
  it('is on the home page and the incident page at the next request, the correction marked as edited', async () => {
    const home = await openPage(`${server.url}/`, { javaScript: false });
    expect(await home.page.locator('main').innerText()).not.toContain('Gesprekken naar 3CX vallen weg');
    await home.close();

    const incident = await api('/incidents', 'POST', {
      title: 'Gesprekken naar 3CX vallen weg',
      titleEn: 'Calls to 3CX drop',
      category: 2,
      message: 'We onderzoeken het.',
      messageEn: 'We are investigating.',
      impacts: { '3cx': 'major_outage' },
    });
    await api(`/incidents/${incident.id}/updates/${incident.updates[0]!.id}`, 'PATCH', { message: 'We onderzoeken wegvallende gesprekken.', messageEn: 'We are investigating dropped calls.' });
    await api(`/incidents/${incident.id}/updates`, 'POST', { status: 'identified', message: 'Een SBC is overbelast.', messageEn: 'An SBC is overloaded.', impacts: { '3cx': 'partial_outage' } });

    for (const [prefix, title, corrected, edited, status] of [
      ['', 'Gesprekken naar 3CX vallen weg', 'We onderzoeken wegvallende gesprekken.', 'bewerkt', 'Gedeeltelijke storing'],
      ['/en', 'Calls to 3CX drop', 'We are investigating dropped calls.', 'edited', 'Partial outage'],
    ] as const) {
      const opened = await openPage(`${server.url}${prefix}/`, { javaScript: false });
      expect(await opened.page.locator('main').innerText()).toContain(title);
      const row = opened.page.locator('li[data-product="3cx"]');
      expect(await row.getAttribute('data-status')).toBe('partial_outage');
      expect(await row.innerText()).toContain(status);
      await opened.close();

      const detail = await openPage(`${server.url}${prefix}/incidents/${incident.id}`, { javaScript: false });
      const text = await detail.page.locator('main').innerText();
      expect(text).toContain(corrected);
      expect(text).toMatch(new RegExp(`${edited} `));
      await expectAxeClean(detail, `${prefix}/incidents/${incident.id}`);
      await detail.close();
    }
  });
});
