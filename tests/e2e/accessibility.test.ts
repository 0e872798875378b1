import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, unlock } from './app';
import { seriousA11yViolations } from './axe';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

let server: E2eServer;
let browser: E2eBrowser;
let citizenPath: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(server.url);
  await login(browser.page, 'mette');
  await browser.page.goto('/borgere');
  await unlock(browser.page);
  const first = browser.page.getByRole('list', { name: 'Borgere' }).getByRole('link').first();
  citizenPath = (await first.getAttribute('href')) ?? '';
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The main screens: name, address, and the start of the <h1> that shows it has rendered. */
const SCREENS: [string, () => string, RegExp][] = [
  ['I dag', () => '/', /^I dag/],
  ['Borgere', () => '/borgere', /^Borgere/],
  ['a citizen page', () => citizenPath, /\S/],
  [
    'the note editor',
    () => `/notater/ny?borger=${citizenPath.split('/').at(-1) ?? ''}`,
    /^Nyt journalnotat/,
  ],
  ['Besøg', () => '/besoeg', /^Besøg/],
  ['Opfølgning', () => '/opfoelgning', /^Opfølgning/],
  ['Steder', () => '/steder', /^Steder/],
  ['Indstillinger', () => '/indstillinger', /^Indstillinger/],
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

  it('the unlock screen has no serious or critical violations', async () => {
    const { page } = browser;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Lås Fremskudt op' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it.each(SCREENS)('%s has no serious or critical violations', async (_name, path, heading) => {
    const { page } = browser;
    expect(citizenPath).toMatch(/^\/borgere\/.+/);
    await page.goto(path());
    await unlock(page);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Henter' }).waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
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
