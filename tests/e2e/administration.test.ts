import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, waitForSync } from './app';
import { seriousA11yViolations } from './axe';
import { serverApi } from './serverApi';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

let server: E2eServer;
let browser: E2eBrowser;

/** Signs in through the login screen as any demo user (app.ts knows only the caseworkers). */
async function loginAs(username: string) {
  const { page } = browser;
  await page.goto('/login');
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
  await waitForSync(page);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(server.url);
  // Anders's tablet, signed in once: the device the administrator will block.
  await serverApi(server.url).tokenOf('anders', 'e2e-anders-tablet');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('administration and the access log in the browser', () => {
  it('lets the administrator block a lost device after confirming, on an accessible page', async () => {
    await loginAs('lone');
    const { page } = browser;
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('table', { name: 'Enheder' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spær enhed e2e-anders-tablet for anders' }).click();
    await page.getByRole('button', { name: 'Ja, spær enheden' }).click();
    await page.getByText('Enheden e2e-anders-tablet er spærret.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'e2e-anders-tablet' });
    await row.getByText(/^Spærret/).waitFor();
  });

  it('shows the team leader who accessed a citizen, in an accessible table', async () => {
    await browser.context.clearCookies();
    const { page } = browser;
    // An address-bar navigation reloads the app, which then starts locked: use the menu instead.
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Indstillinger' })
      .click();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('button', { name: /^Ja, log ud/ }).click();
    // Logging out deletes the store and the profile; the login screen follows once it is done.
    await page.getByLabel('Brugernavn').waitFor();
    await loginAs('mette');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Borgere' })
      .click();
    await page.getByRole('list', { name: 'Borgere' }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'Vis adgangslog' }).click();
    const table = page.getByRole('table', { name: /Adgangslog for borgeren/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
