// The NOC console in Chromium with JavaScript off, on a phone-sized screen, as the README
// tells a new user to use it: the set-up link from the start-up log makes the first admin,
// who adds an operator; the operator signs in, runs an incident (open, update, correct,
// resolve) and a maintenance (refused for the regular window, saved with a reason,
// cancelled), and each step is on the public page and in the feeds at once. Every console
// page passes axe, fits 320 px and asks nothing of another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday, zonedParts } from '#src/time/zone.ts';
import { expectAxeClean, expectNoCspViolations, expectNoHorizontalScroll, expectOnlyOwnOrigin, expectVisibleFocus, openPage, tabToNext, useBrowser, type OpenedPage } from '../support/browser.ts';
import { parseCalendar, parseRss } from '../support/feed-parsers.ts';
import { drivers } from '../support/databases.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { target, type Target } from '../support/targets.ts';

useBrowser();
const PASSWORD = 'correct horse battery staple';

const two = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value `days` ahead on a day of the week (ISO 1–7) at `hour`, Amsterdam time. */
function wallTime(days: number, weekday: number, hour: number): string {
  let date = addDays(zonedParts(Date.now()), days);
  while (isoWeekday(date) !== weekday) date = addDays(date, 1);
  return `${date.year}-${two(date.month)}-${two(date.day)}T${two(hour)}:00`;
}

async function check(opened: OpenedPage, label: string) {
  await expectAxeClean(opened, label);
  await expectNoHorizontalScroll(opened);
  expectOnlyOwnOrigin(opened);
  expectNoCspViolations(opened);
}

async function submit(opened: OpenedPage, button: string) {
  await Promise.all([opened.page.waitForEvent('load'), opened.page.getByRole('button', { name: button, exact: true }).click()]);
}

describe.each(drivers)('the console without JavaScript at 320 px on %s', (driver) => {
  let where: Target;
  let server: RunningServer;
  beforeAll(async () => {
    where = await target(driver);
    server = await startServer({ ...where.env, DEMO_DATA: 'off' });
  });
  afterAll(async () => {
    await server?.stop();
    await where?.remove();
  });

  it('takes a new user from the set-up link to a published incident and maintenance', async () => {
    const link = /create one within the hour at (\S+)/.exec(server.output())![1]!;
    expect(link).toMatch(new RegExp(`^${server.url}/admin/setup\\?token=[A-Za-z0-9_-]{32}$`));
    const options = { javaScript: false, width: 320 } as const;

    const setup = await openPage(link, options);
    await check(setup, 'set-up');
    await setup.page.getByLabel('E-mailadres').fill('admin@example.nl');
    await setup.page.getByLabel('Naam').fill('Beheer');
    await setup.page.getByLabel(/^Wachtwoord/).fill(PASSWORD);
    await submit(setup, 'Beheerder aanmaken');
    expect(new URL(setup.page.url()).pathname).toBe('/admin');
    await check(setup, 'dashboard');
    // The link works once.
    expect((await fetch(link)).status).toBe(403);

    await setup.page.goto(`${server.url}/admin/users`);
    await check(setup, 'users');
    await setup.page.getByLabel('E-mailadres').first().fill('op@example.nl');
    await setup.page.getByLabel('Naam', { exact: true }).first().fill('Operator');
    await setup.page.getByLabel('Rol').selectOption('operator');
    await setup.page.getByLabel(/^Wachtwoord/).fill(PASSWORD);
    await submit(setup, 'Gebruiker toevoegen');
    expect(await setup.page.locator('main').innerText()).toContain('op@example.nl');

    // A template for a common incident, for the operators.
    await setup.page.goto(`${server.url}/admin/templates`);
    await check(setup, 'templates');
    await setup.page.getByLabel('Naam van het sjabloon').fill('3CX-gesprekken');
    await setup.page.getByLabel('Titel', { exact: true }).fill('Storing 3CX');
    await setup.page.getByLabel('Bericht', { exact: true }).fill('Gesprekken via 3CX vallen weg.');
    await setup.page.getByLabel('3CX').selectOption('major_outage');
    await submit(setup, 'Sjabloon opslaan');
    expect(await setup.page.locator('main').innerText()).toContain('3CX-gesprekken');
    await setup.close();

    const op = await openPage(`${server.url}/admin/incidents/new`, options);
    expect(new URL(op.page.url()).pathname).toBe('/admin/login');
    await check(op, 'sign-in');
    await op.page.getByLabel('E-mailadres').fill('op@example.nl');
    await op.page.getByLabel('Wachtwoord').fill(PASSWORD);
    await submit(op, 'Aanmelden');
    expect(new URL(op.page.url()).pathname).toBe('/admin/incidents/new');
    await check(op, 'new incident');

    // Start from the template: the form is filled in, without JavaScript.
    await op.page.getByLabel('Beginnen met sjabloon').selectOption({ label: '3CX-gesprekken' });
    await submit(op, 'Sjabloon invullen');
    expect(await op.page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Storing 3CX');
    expect(await op.page.getByLabel('3CX').inputValue()).toBe('major_outage');
    // A mistake first: no message. The error is next to the field and the input is kept.
    await op.page.getByLabel('Bericht', { exact: true }).fill(' ');
    await op.page.evaluate(() => {
      for (const e of document.querySelectorAll('[required]')) e.removeAttribute('required');
    });
    await submit(op, 'Storing publiceren');
    // In the page's language (the API says "must not be empty").
    expect(await op.page.locator('#f-message-error').innerText()).toBe('mag niet leeg zijn');
    expect(await op.page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Storing 3CX');
    await check(op, 'new incident with an error');
    await op.page.getByLabel('Bericht', { exact: true }).fill('Gesprekken via 3CX vallen weg.');
    // The NMS's number, by which a later import names this incident.
    await op.page.getByLabel(/^Extern kenmerk/).fill('NMS-2026-0042');
    await submit(op, 'Storing publiceren');
    const incidentPath = new URL(op.page.url()).pathname;
    expect(incidentPath).toMatch(/^\/admin\/incidents\/\d+$/);
    const id = incidentPath.split('/').at(-1);
    expect(await op.page.locator('main').innerText()).toContain('Extern kenmerk: NMS-2026-0042');
    await check(op, 'incident');
    // The same number on a second incident is refused next to the field, naming the first.
    await op.page.goto(`${server.url}/admin/incidents/new`);
    await op.page.getByLabel('Titel', { exact: true }).fill('Nogmaals');
    await op.page.getByLabel('Bericht', { exact: true }).fill('Dubbel.');
    await op.page.getByLabel('3CX').selectOption('major_outage');
    await op.page.getByLabel(/^Extern kenmerk/).fill('NMS-2026-0042');
    await submit(op, 'Storing publiceren');
    expect(await op.page.locator('#f-externalId-error').innerText()).toBe(`is al in gebruik bij storing ${id}`);
    await op.page.goto(`${server.url}${incidentPath}`);
    expect(await (await fetch(`${server.url}/`)).text()).toContain('Storing 3CX');

    // The dashboard counts down to the next update (category 2: two hours, 24/7).
    await op.page.goto(`${server.url}/admin`);
    expect(await op.page.locator('main').innerText()).toContain('Volgende update uiterlijk');

    await op.page.goto(`${server.url}${incidentPath}`);
    await op.page.getByLabel('Status').first().selectOption('identified');
    await op.page.locator('#f-message').fill('Een SBC is overbelast.');
    await op.page.getByLabel('3CX').selectOption('partial_outage');
    await submit(op, 'Update publiceren');
    await op.page.locator('details').last().locator('summary').click();
    await op.page.locator('details').last().locator('textarea').first().fill('Gesprekken via 3CX vallen weg, ook inkomend.');
    await submit(op, 'Correctie publiceren');
    const incidentPage = await (await fetch(`${server.url}/incidents/${id}`)).text();
    expect(incidentPage).toContain('Gesprekken via 3CX vallen weg, ook inkomend.');
    expect(incidentPage).toContain('Een SBC is overbelast.');
    expect(incidentPage).toMatch(/class="edited">bewerkt/);

    await op.page.getByLabel('Status').first().selectOption('resolved');
    await op.page.locator('#f-message').fill('Opgelost.');
    await submit(op, 'Update publiceren');
    expect(await op.page.locator('main').innerText()).toContain('Deze storing is opgelost');
    const feed = parseRss(await (await fetch(`${server.url}/incidents.rss`)).text());
    expect(feed.items.some((item) => item.title.includes('Storing 3CX'))).toBe(true);

    // The report: a draft the public does not see, then published with the SLA facts under it.
    await op.page.locator('#f-body').fill('Een SBC was overbelast.\n\nWe hebben capaciteit bijgeplaatst.');
    await submit(op, 'Concept opslaan');
    expect(await op.page.locator('main').innerText()).toContain('Concept, niet openbaar');
    expect(await (await fetch(`${server.url}/incidents/${id}`)).text()).not.toContain('We hebben capaciteit bijgeplaatst.');
    await submit(op, 'Rapport publiceren');
    await check(op, 'incident with its report');
    await op.page.goto(`${server.url}/incidents/${id}`);
    const report = await op.page.locator('#report').innerText();
    expect(report).toContain('We hebben capaciteit bijgeplaatst.');
    expect(report).toContain('Feiten volgens de SLA');
    expect(report).toMatch(/Eerste reactie\s+.*norm: binnen 1 uur, 24\/7\): gehaald/);
    await check(op, 'public incident page with its report');

    // Maintenance on a Thursday breaks the regular window: refused with the rule named.
    await op.page.goto(`${server.url}/admin/maintenance/new`);
    await check(op, 'new maintenance');
    await op.page.getByLabel('Titel', { exact: true }).fill('Onderhoud voizplus');
    await op.page.getByLabel('voizplus').check();
    await op.page.getByLabel(/^Begin/).fill(wallTime(20, 4, 21));
    await op.page.getByLabel('Einde').fill(wallTime(20, 4, 23));
    await submit(op, 'Onderhoud aankondigen');
    expect(op.response?.status() ?? 0).toBeLessThan(500);
    expect(await op.page.locator('#f-start-error').innerText()).toMatch(/mag alleen plaatsvinden van vrijdag 20:00 tot zaterdag 03:00 \(Europe\/Amsterdam\); dit onderhoud loopt van donderdag /);
    await check(op, 'maintenance refused');
    await op.page.getByLabel(/^Reden om af te wijken/).fill('Leverancier kan alleen donderdag.');
    await submit(op, 'Onderhoud aankondigen');
    expect(new URL(op.page.url()).pathname).toMatch(/^\/admin\/maintenance\/\d+$/);
    const maintenanceId = new URL(op.page.url()).pathname.split('/').at(-1);
    const calendar = parseCalendar(await (await fetch(`${server.url}/maintenance.ics`)).text());
    expect(calendar.events.some((e) => e.uid.startsWith(`maintenance-${maintenanceId}@`))).toBe(true);
    expect(await (await fetch(`${server.url}/maintenance/${maintenanceId}`)).text()).toContain('Leverancier kan alleen donderdag.');

    await op.page.getByLabel('Reden', { exact: true }).fill('Uitgesteld door de leverancier.');
    await submit(op, 'Onderhoud annuleren');
    expect(await op.page.locator('main').innerText()).toContain('Dit onderhoud is afgesloten.');
    const cancelled = parseCalendar(await (await fetch(`${server.url}/maintenance.ics`)).text()).events.find((e) => e.uid.startsWith(`maintenance-${maintenanceId}@`))!;
    expect(cancelled.status).toBe('CANCELLED');
    await op.close();

    // In English, on a desktop with JavaScript on, by keyboard: sign in and set a month's KPIs.
    const en = await openPage(`${server.url}/en/admin/kpis`, { javaScript: true, width: 1280, colorScheme: 'dark' });
    expect(new URL(en.page.url()).pathname).toBe('/en/admin/login');
    expect(await en.page.getAttribute('html', 'lang')).toBe('en');
    await check(en, 'sign-in (en)');
    // The title link, then the e-mail field, each with a visible focus.
    expectVisibleFocus(await tabToNext(en), 'sign-in (en)');
    const field = await tabToNext(en);
    expectVisibleFocus(field, 'sign-in (en)');
    expect(field.element).toMatch(/^input/);
    await en.page.keyboard.type('op@example.nl');
    await en.page.keyboard.press('Tab');
    await en.page.keyboard.type(PASSWORD);
    await Promise.all([en.page.waitForEvent('load'), en.page.keyboard.press('Enter')]);
    expect(new URL(en.page.url()).pathname).toBe('/en/admin/kpis');
    expect(await en.page.locator('h1').innerText()).toBe('KPIs per month');
    await check(en, 'KPIs (en)');
    await en.page.getByLabel('Call set-up (seconds)').fill('1,85');
    await en.page.getByLabel('Successful calls (%)').fill('99.2');
    await submit(en, 'Save');
    expect(await en.page.locator('[role="status"]').innerText()).toBe('Saved and published.');
    await en.close();
  });
});
