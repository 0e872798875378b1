import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, unlock } from './app';
import { seriousA11yViolations } from './axe';
import { makePhoneClash } from './conflicts';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

let server: E2eServer;
let browser: E2eBrowser;
let citizenPath: string;
let casePath: string;

/** Moderate violations are fixed too, not only the serious and critical ones. */
const IMPACTS = ['moderate', 'serious', 'critical'] as const;

beforeAll(async () => {
  server = await startServer();
  // A conflict on a citizen of Mette's team, so the conflicts list and the citizen page show one.
  const conflicted = await makePhoneClash(server.url);
  browser = await launchBrowser(server.url);
  await login(browser.page, 'mette');
  citizenPath = `/borgere/${conflicted}`;
  // The first citizen with a case: its case page is checked too (in-app navigation, no reload).
  const { page } = browser;
  await page.goto('/borgere');
  await unlock(page);
  const citizens = page.getByRole('list', { name: 'Borgere' }).getByRole('link');
  const caseLink = page.locator('main a[href^="/sager/"]').first();
  for (let i = 0; i < 15 && !casePath; i++) {
    await citizens.nth(i).click();
    await page.getByRole('heading', { level: 2, name: /^Sager/ }).waitFor();
    if ((await caseLink.count()) > 0) casePath = (await caseLink.getAttribute('href')) ?? '';
    await page.goBack();
    await citizens.first().waitFor();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every screen of a signed-in caseworker: name, address, and the start of its <h1>. */
const SCREENS: [string, () => string, RegExp][] = [
  ['I dag', () => '/', /^I dag/],
  ['Borgere', () => '/borgere', /^Borgere/],
  ['a citizen page with a conflict', () => citizenPath, /\S/],
  ['a case page', () => casePath, /\S/],
  ['Ny borger', () => '/borgere/ny', /^Ny borger/],
  ['editing a citizen', () => `${citizenPath}/rediger`, /^Rediger/],
  [
    'the note editor',
    () => `/notater/ny?borger=${citizenPath.split('/').at(-1) ?? ''}`,
    /^Nyt journalnotat/,
  ],
  ['Besøg', () => '/besoeg', /^Besøg/],
  ['Opfølgning', () => '/opfoelgning', /^Opfølgning/],
  ['Steder', () => '/steder', /^Steder/],
  ['Indstillinger', () => '/indstillinger', /^Indstillinger/],
  ['Til behandling', () => '/til-behandling', /^Til behandling/],
  ['Konflikter', () => '/konflikter', /^Konflikter/],
  ['Ændringer der venter', () => '/venter', /^Ændringer der venter/],
  ['an unknown address', () => '/findes-ikke', /^Siden findes ikke/],
];

describe('accessibility (WCAG 2.1 A and AA, axe-core)', () => {
  it('the check itself catches an unlabelled field', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setContent(
        '<html lang="da"><title>t</title><main><input type="text"></main></html>',
      );
      const found = await seriousA11yViolations(page);
      expect(found.join('\n')).toContain('label');
    } finally {
      await page.close();
    }
  });

  it('the unlock screen has no moderate, serious or critical violations', async () => {
    const { page } = browser;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Lås Fremskudt op' }).waitFor();
    expect(await seriousA11yViolations(page, IMPACTS)).toEqual([]);
  });

  it.each(SCREENS)(
    '%s has no moderate, serious or critical violations',
    async (_name, path, heading) => {
      const { page } = browser;
      expect(citizenPath).toMatch(/^\/borgere\/.+/);
      expect(casePath).toMatch(/^\/sager\/.+/);
      await page.goto(path());
      await unlock(page);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Henter' }).waitFor({ state: 'detached' });
      expect(await seriousA11yViolations(page, IMPACTS)).toEqual([]);
    },
  );

  it('the header with its details open has no moderate, serious or critical violations', async () => {
    const { page } = browser;
    await page.goto('/');
    await unlock(page);
    await page.getByRole('button', { name: 'Detaljer' }).click();
    await page.getByText(/^Lagring på enheden: /).waitFor();
    expect(await seriousA11yViolations(page, IMPACTS)).toEqual([]);
  });

  it('Administration (as the administrator lone) has no moderate, serious or critical violations', async () => {
    const admin = await launchBrowser(server.url);
    try {
      await login(admin.page, 'lone');
      await admin.page.goto('/administration');
      await unlock(admin.page);
      await admin.page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      await admin.page
        .getByRole('status')
        .filter({ hasText: 'Henter' })
        .waitFor({ state: 'detached' });
      expect(await seriousA11yViolations(admin.page, IMPACTS)).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});

describe('keyboard order in real Chromium', () => {
  it('the note editor reaches the note with one Tab from its heading, the date field (five stops) later', async () => {
    const { page } = browser;
    await page.goto(`/notater/ny?borger=${citizenPath.split('/').at(-1) ?? ''}`);
    await unlock(page);
    const heading = page.getByRole('heading', { level: 1, name: /^Nyt journalnotat/ });
    await heading.waitFor();
    await heading.focus();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Notat');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Kategori');
  });
});
