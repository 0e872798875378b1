import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, waitForSync } from './app';
import { seriousA11yViolations } from './axe';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

let server: E2eServer;
let browser: E2eBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a user created in the app', () => {
  it('is created with an initial password and a team, then chooses their own and sees the team’s citizens', async () => {
    const { page } = browser;
    await page.goto('/login');
    await page.getByLabel('Brugernavn').fill('lone');
    await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Administration' })
      .click();
    const form = page.getByRole('form', { name: 'Opret bruger' });
    await form.waitFor();
    await page.getByRole('heading', { name: 'Administrationslog' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // By keyboard: type into the fields, Space ticks the team, Enter submits.
    await form.getByLabel('Brugernavn', { exact: true }).fill('nina');
    await form.getByLabel('Fulde navn').fill('Nina Nybegynder');
    await form.getByLabel('Fremskudt team Syd').focus();
    await page.keyboard.press('Space');
    await form.getByLabel('Midlertidig adgangskode').focus();
    await page.keyboard.type('velkommen-1');
    await page.keyboard.press('Enter');
    await page.getByText('Brugeren nina er oprettet.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Nina Nybegynder' });
    await row.getByText('Skal skifte adgangskode').waitFor();
    await page
      .getByRole('table', { name: /Administrative handlinger/ })
      .getByText('Bruger oprettet')
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Indstillinger' })
      .click();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: /^Ja, log ud/ }).click();
    await page.getByLabel('Brugernavn').waitFor();

    await page.getByLabel('Brugernavn').fill('nina');
    await page.getByLabel('Adgangskode').fill('velkommen-1');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: 'Vælg din egen adgangskode' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Ny adgangskode', { exact: true }).fill('ninas-egen-kode');
    await page.getByLabel('Gentag ny adgangskode').fill('ninas-egen-kode');
    await page.getByRole('button', { name: 'Skift adgangskode og log ind' }).click();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
    await waitForSync(page);
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Borgere' })
      .click();
    const citizens = page.getByRole('list', { name: 'Borgere' }).getByRole('link');
    await citizens.first().waitFor();
    expect(await citizens.count()).toBeGreaterThan(0);
  });

  it('shows a team lead the members of their team and its log, on an accessible page', async () => {
    const { page } = browser;
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Indstillinger' })
      .click();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: /^Ja, log ud/ }).click();
    await page.getByLabel('Brugernavn').fill('mette');
    await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Administration' })
      .click();
    const members = page.getByRole('region', { name: 'Medlemmer af Fremskudt team Syd' });
    await members.getByText('Nina Nybegynder (nina)').waitFor();
    // The administrator's creation of Nina in team Syd is in Mette's log.
    await page
      .getByRole('table', { name: /Administrative handlinger/ })
      .getByText('Bruger oprettet')
      .waitFor();
    expect(await page.getByRole('form', { name: 'Opret bruger' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
