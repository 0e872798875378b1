import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from './app';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startServer, type E2eServer } from './harness';

const SEARCH = 'Søg efter navn, kaldenavn, CPR-nummer, telefon eller notattekst';

let server: E2eServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** A Chromium whose profile folder this test can read afterwards. */
async function browserWithProfile(): Promise<{
  context: BrowserContext;
  page: Page;
  dir: string;
  close: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'fremskudt-erasure-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL: server.url,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    dir,
    close: async () => {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under the profile's IndexedDB folder, as bytes. */
async function indexedDbBytes(dir: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  const walk = async (path: string): Promise<void> => {
    for (const name of await readdir(path)) {
      const full = join(path, name);
      if ((await stat(full)).isDirectory()) await walk(full);
      else out.push(await readFile(full));
    }
  };
  await walk(join(dir, 'Default', 'IndexedDB'));
  return out;
}

async function searchCitizens(page: Page, text: string): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Borgere' })
    .click();
  await page.getByLabel(SEARCH).fill(text);
  // The list settles after the search's debounce.
  await page.waitForTimeout(800);
  return page.getByRole('main').innerText();
}

async function openCitizen(page: Page, name: string): Promise<void> {
  await searchCitizens(page, name);
  await page.getByRole('list', { name: 'Borgere' }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('erasing a citizen, in real Chromium', () => {
  it('leaves nothing of the citizen on the lead’s device nor on a caseworker’s that wrote offline meanwhile', async () => {
    const marker = `Slettes${Date.now()}`;
    const lead = await browserWithProfile();
    const worker = await browserWithProfile();
    try {
      await login(lead.page, 'mette');
      const page = lead.page;
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Borgere' })
        .click();
      await page.getByRole('link', { name: 'Ny borger' }).click();
      await page.getByLabel('Fornavn').fill(marker);
      await page.getByRole('button', { name: 'Gem borger' }).click();
      await page.getByRole('heading', { level: 1, name: marker }).waitFor();
      await page.getByRole('link', { name: 'Skriv notat' }).first().click();
      await page.getByLabel('Notat', { exact: true }).fill(`Samtale ${marker}`);
      await page.getByRole('button', { name: 'Gem endeligt' }).click();
      await page.getByRole('article').filter({ hasText: marker }).waitFor();
      await page.getByRole('button', { name: 'Synkroniser nu' }).click();
      // Sent once the note is no longer marked as only on this device.
      await page
        .getByRole('article')
        .filter({ hasText: marker })
        .getByText('Kun på denne enhed')
        .waitFor({ state: 'detached' });

      // Anders has the citizen, then writes a note about them offline.
      await login(worker.page, 'anders');
      await openCitizen(worker.page, marker);
      await worker.context.setOffline(true);
      await worker.page.getByRole('link', { name: 'Skriv notat' }).first().click();
      await worker.page.getByLabel('Notat', { exact: true }).fill(`Offline ${marker}`);
      await worker.page.getByRole('button', { name: 'Gem endeligt' }).click();
      await worker.page
        .getByRole('article')
        .filter({ hasText: `Offline ${marker}` })
        .waitFor();

      await openCitizen(page, marker);
      await page.getByRole('button', { name: 'Slet borger permanent' }).click();
      await page.getByRole('button', { name: new RegExp(`^Slet ${marker}.* permanent$`) }).click();
      await page.waitForURL(/\/borgere$/);

      await worker.context.setOffline(false);
      await worker.page.getByRole('button', { name: 'Synkroniser nu' }).click();

      for (const device of [lead, worker]) {
        // The erasure reaches each device at its sync (the lead's right after erasing).
        await expect
          .poll(() => searchCitizens(device.page, marker), { timeout: 20_000, interval: 500 })
          .not.toContain(marker);
        for (const bytes of await indexedDbBytes(device.dir))
          expect(bytes.includes(marker)).toBe(false);
      }
    } finally {
      await lead.close();
      await worker.close();
    }
  });
});
