import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dumpIndexedDb, login, unlock } from './app';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

const SEARCH = 'Søg efter navn, kaldenavn, CPR-nummer, telefon eller notattekst';

let server: E2eServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

/** A unique CPR-shaped number (valid date, any serial) nobody else in the demo data has. */
function freshCpr(): string {
  const serial = String(Date.now() % 10_000).padStart(4, '0');
  return `120385-${serial}`;
}

async function createCitizen(page: Page, firstName: string, cpr: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Borgere' })
    .click();
  await page.getByRole('link', { name: 'Ny borger' }).click();
  await page.getByLabel('Fornavn').fill(firstName);
  await page.getByLabel('CPR-nummer (valgfrit)').fill(cpr);
  await page.getByRole('button', { name: 'Gem borger' }).click();
  await page.getByRole('heading', { level: 1, name: firstName }).waitFor();
}

async function writeNote(page: Page, body: string): Promise<void> {
  await page.getByRole('link', { name: 'Skriv notat' }).first().click();
  await page.getByLabel('Notat', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Gem endeligt' }).click();
  await page.getByRole('article').filter({ hasText: body }).waitFor();
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lås Fremskudt nu' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lås Fremskudt op' }).waitFor();
}

describe('the encrypted store in a real browser', () => {
  let browser: E2eBrowser;

  beforeAll(async () => {
    browser = await launchBrowser(server.url);
    await login(browser.page, 'mette');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps no note text or CPR number in clear anywhere in IndexedDB once locked', async () => {
    const { page } = browser;
    const name = `Krypteret${Date.now()}`;
    const cpr = freshCpr();
    const body = `Fortrolig samtale om misbrug ${Date.now()}`;
    await createCitizen(page, name, cpr);
    await writeNote(page, body);
    await lock(page);

    const dump = await dumpIndexedDb(page);
    expect(dump).toContain('fremskudt-u-');
    expect(dump).toContain('fremskudt-profiles');
    for (const secret of [body, cpr, cpr.replace('-', ''), name, DEMO_PASSWORD + '"']) {
      expect(dump).not.toContain(secret);
    }
    // Nothing of it is on the screen either.
    expect(await page.locator('body').innerText()).not.toContain(name);
  });

  it('a wrong password opens nothing; the right one brings everything back', async () => {
    const { page } = browser;
    await page.getByLabel('Adgangskode').fill('forkert-kode');
    await page.getByRole('button', { name: 'Lås op' }).click();
    await page.getByRole('alert').filter({ hasText: 'Forkert adgangskode' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    await unlock(page);
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Borgere' })
      .click();
    await page.getByLabel(SEARCH).fill('Krypteret');
    await page.getByRole('list', { name: 'Borgere' }).getByRole('link').first().waitFor();
  });

  it('unlocks offline after a reload, shows the data and takes a new note', async () => {
    const { page, context } = browser;
    await context.setOffline(true);
    try {
      await page.reload();
      await unlock(page);
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Borgere' })
        .click();
      await page.getByLabel(SEARCH).fill('Krypteret');
      await page.getByRole('list', { name: 'Borgere' }).getByRole('link').first().click();
      const body = `Skrevet offline efter oplåsning ${Date.now()}`;
      await writeNote(page, body);
      await page
        .getByRole('article')
        .filter({ hasText: body })
        .getByText('Kun på denne enhed')
        .waitFor();
    } finally {
      await context.setOffline(false);
    }
  });
});

describe('auto-lock', () => {
  it('locks by itself after the idle time, in every tab', async () => {
    const browser = await launchBrowser(server.url);
    try {
      await browser.context.clock.install();
      await login(browser.page, 'mette');
      const second = await browser.context.newPage();
      await second.goto('/');
      // A new tab receives the key from the unlocked one (no password needed).
      await second.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
      await browser.context.clock.fastForward('06:00');
      for (const page of [browser.page, second]) {
        await page.getByRole('heading', { level: 1, name: 'Lås Fremskudt op' }).waitFor();
        await page
          .getByText('ikke har været brugt i et stykke tid')
          .or(page.getByText('låst i et andet vindue'))
          .first()
          .waitFor();
      }
    } finally {
      await browser.close();
    }
  });
});

describe('two caseworkers on one tablet', () => {
  it('each sees only their own store', async () => {
    const browser = await launchBrowser(server.url);
    try {
      const { page } = browser;
      await login(page, 'mette');
      // Written offline and locked before the network returns: it exists only in Mette's store
      // (the two are on the same team, so a synced citizen would reach Anders from the server).
      const name = `KunMette${Date.now()}`;
      await browser.context.setOffline(true);
      await createCitizen(page, name, freshCpr());
      await lock(page);
      await browser.context.setOffline(false);

      await login(page, 'anders');
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Borgere' })
        .click();
      await page.getByLabel(SEARCH).fill(name);
      await page
        .getByText(name)
        .waitFor({ state: 'detached', timeout: 2_000 })
        .catch(() => undefined);
      expect(await page.getByRole('main').innerText()).not.toContain(name);
      await lock(page);

      // Two profiles now: the unlock screen asks whose.
      await unlock(page, { profile: 'Mette Sørensen (mette)' });
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Borgere' })
        .click();
      await page.getByLabel(SEARCH).fill(name);
      await page.getByRole('list', { name: 'Borgere' }).getByText(name).waitFor();
      const databases = await page.evaluate(async () =>
        (await indexedDB.databases())
          .map((d) => d.name)
          .filter((n) => n?.startsWith('fremskudt-u-')),
      );
      expect(databases).toHaveLength(2);
    } finally {
      await browser.close();
    }
  });
});
