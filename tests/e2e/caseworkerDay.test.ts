import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, unlock, waitForSync } from './app';
import {
  LAPTOP,
  launchBrowser,
  startServer,
  TABLET,
  type DeviceOptions,
  type E2eBrowser,
  type E2eServer,
} from './harness';
import { seriousA11yViolations } from './axe';
import { makePhoneClash } from './conflicts';

/**
 * A caseworker's day without friction, in real Chromium on a laptop and a touch tablet: a header
 * that stays one line, what is waiting, conflicts that can be found after a reload and on a
 * colleague's device, and sync changes announced to screen readers.
 */
let server: E2eServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

function syncRegion(page: Page) {
  return page.getByRole('region', { name: 'Synkronisering' });
}

/** The header's height and whether "Synkroniser nu" sits on the same line as the sync status. */
async function headerLayout(page: Page) {
  const header = await page.getByRole('banner').boundingBox();
  const status = await syncRegion(page).getByRole('status').boundingBox();
  const button = await syncRegion(page)
    .getByRole('button', { name: 'Synkroniser nu' })
    .boundingBox();
  if (!header || !status || !button) throw new Error('header not rendered');
  const middle = (box: { y: number; height: number }) => box.y + box.height / 2;
  return {
    height: Math.round(header.height),
    buttonOffLine: Math.abs(middle(button) - middle(status)) > status.height / 2,
  };
}

const DEVICES: [string, DeviceOptions, number][] = [
  // One line of navigation and one compact sync line.
  ['a laptop (1280×800)', LAPTOP, 110],
  ['a touch tablet (820×1180)', TABLET, 110],
];

describe.each(DEVICES)('the header on %s', (_name, device, maxHeight) => {
  let browser: E2eBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(server.url, device);
    await login(browser.page, 'mette');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is one compact line online and offline, "Synkroniser nu" beside the status', async () => {
    const { page, context } = browser;
    expect(await headerLayout(page)).toEqual({
      height: expect.toSatisfy((h: number) => h <= maxHeight) as number,
      buttonOffLine: false,
    });
    await context.setOffline(true);
    await syncRegion(page).getByRole('status').getByText('Offline').waitFor();
    expect(await headerLayout(page)).toEqual({
      height: expect.toSatisfy((h: number) => h <= maxHeight) as number,
      buttonOffLine: false,
    });
    await context.setOffline(false);
    await syncRegion(page).getByRole('status').getByText('Online').waitFor();
  });

  it('shows the longer texts and the storage on demand, by keyboard, and closes on Escape', async () => {
    const { page } = browser;
    const toggle = syncRegion(page).getByRole('button', { name: 'Detaljer' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await syncRegion(page)
      .getByText(/^Sidste synkronisering: /)
      .waitFor();
    // The storage figure is current: the first sync's data is counted, not "0 B".
    const usage = syncRegion(page).getByText(/^Lagring på enheden: /);
    await expect.poll(async () => await usage.textContent()).not.toMatch(/: 0 B af/);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByText('Browseren kan rydde data ved pladsmangel').count()).toBe(0);
  });

  it('answers "Synkroniser nu" offline: it sends when online', async () => {
    const { page, context } = browser;
    await context.setOffline(true);
    const status = syncRegion(page).getByRole('status');
    await status.getByText('Offline').waitFor();
    await syncRegion(page).getByRole('button', { name: 'Synkroniser nu' }).click();
    await status
      .getByText('Du er offline. Ændringerne sendes, så snart der er forbindelse.')
      .waitFor();
    await context.setOffline(false);
    await status.getByText('Online').waitFor();
    expect(await status.getByText('Du er offline.').count()).toBe(0);
  });
});

describe('what is waiting, and announcements', () => {
  let browser: E2eBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(server.url, TABLET);
    await login(browser.page, 'anders');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('announces going offline and a waiting change through the live region', async () => {
    const { page, context } = browser;
    const live = page.getByRole('banner').locator('[aria-live="polite"]');
    expect(await live.count()).toBe(1);
    await context.setOffline(true);
    await expect.poll(() => live.ariaSnapshot()).toContain('Offline');
    expect(await live.ariaSnapshot()).toContain('Alt er sendt');
  });

  it('lists each waiting change with its kind, citizen, time and state', async () => {
    const { page } = browser;
    await page.goto('/borgere');
    await unlock(page);
    const link = page.getByRole('list', { name: 'Borgere' }).getByRole('link').first();
    const name = (await link.textContent())!.trim();
    await link.click();
    await page.getByRole('link', { name: 'Skriv notat' }).first().click();
    await page.getByLabel('Notat', { exact: true }).fill(`Skrevet uden net ${Date.now()}`);
    await page.getByRole('button', { name: 'Gem endeligt' }).click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

    const live = page.getByRole('banner').locator('[aria-live="polite"]');
    await expect.poll(() => live.ariaSnapshot()).toContain('1 ændring venter');
    await syncRegion(page).getByRole('link', { name: '1 ændring venter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ændringer der venter' }).waitFor();
    const item = page.getByRole('list', { name: 'Ændringer der venter' }).getByRole('listitem');
    // The list comes from a live query that answers after the heading is drawn.
    await expect.poll(() => item.count()).toBe(1);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('Notat: Oprettet');
    expect(text).toContain(name);
    expect(text).toMatch(/Skrevet \d+\. \w+\.? \d{4}/);
    expect(text).toContain('Venter');
    expect(await seriousA11yViolations(page, ['moderate', 'serious', 'critical'])).toEqual([]);

    await browser.context.setOffline(false);
    await waitForSync(page);
    await page.getByText('Intet venter. Alt er sendt.').waitFor();
  });
});

describe('a conflict a caseworker can find', () => {
  let mette: E2eBrowser;
  let anders: E2eBrowser;
  let citizenId: string;

  beforeAll(async () => {
    [mette, anders] = await Promise.all([
      launchBrowser(server.url, LAPTOP),
      launchBrowser(server.url, TABLET),
    ]);
    await login(mette.page, 'mette');
    await login(anders.page, 'anders');
    // Two devices change the same citizen's phone from the same version: a clash the server
    // keeps visible in the record.
    citizenId = await makePhoneClash(server.url);
  });

  afterAll(async () => {
    await Promise.all([mette?.close(), anders?.close()]);
  });

  async function syncNow(page: Page) {
    await syncRegion(page).getByRole('button', { name: 'Synkroniser nu' }).click();
  }

  it('is counted in the header from the stored records, after a reload too, and listed', async () => {
    const { page } = mette;
    await syncNow(page);
    const link = syncRegion(page).getByRole('link', { name: '1 konflikt' });
    await link.waitFor();
    await page.reload();
    await unlock(page);
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Konflikter' }).waitFor();
    const record = page.getByRole('article');
    await record.getByRole('heading', { level: 4, name: 'Telefon' }).waitFor();
    expect(await record.getByText('11 11 11 11').count()).toBe(1);
    expect(await record.getByText(/Skrevet af Mette Sørensen/).count()).toBe(1);
    expect(await record.getByText(/Forsøgt af Anders/).count()).toBe(1);
    expect(await seriousA11yViolations(page, ['moderate', 'serious', 'critical'])).toEqual([]);
    await record.getByRole('heading', { level: 2 }).getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/borgere/${citizenId}`);
    await page.getByRole('heading', { level: 3, name: 'Telefon' }).waitFor();
  });

  it("shows on a colleague's device of the same team too", async () => {
    const { page } = anders;
    await syncNow(page);
    await syncRegion(page).getByRole('link', { name: '1 konflikt' }).waitFor();
  });

  it('goes away everywhere once settled', async () => {
    const { page } = mette;
    await page.goto('/konflikter');
    await unlock(page);
    await page.getByRole('button', { name: 'Brug den anden værdi: 22 22 22 22' }).click();
    await page.getByText('Ingen konflikter at afgøre.').waitFor();
    expect(
      await syncRegion(page)
        .getByRole('link', { name: /konflikt/ })
        .count(),
    ).toBe(0);
    await waitForSync(page);
    await syncNow(anders.page);
    await expect
      .poll(() =>
        syncRegion(anders.page)
          .getByRole('link', { name: /konflikt/ })
          .count(),
      )
      .toBe(0);
  });

  it('says the same in English', async () => {
    const { page } = anders;
    await makePhoneClash(server.url, ['33 33 33 33', '44 44 44 44']);
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Indstillinger' })
      .click();
    await page.getByLabel('English').check();
    const region = page.getByRole('region', { name: 'Synchronization' });
    await region.getByRole('button', { name: 'Synchronize now' }).click();
    await region.getByRole('link', { name: '1 conflict' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conflicts' }).waitFor();
    await page.getByRole('heading', { level: 4, name: 'Phone' }).waitFor();
    await page.getByText(/^Written by Mette Sørensen, /).waitFor();
    await region.getByRole('button', { name: 'Details' }).click();
    await region.getByText(/^Storage on this device: /).waitFor();
    await region.getByRole('link', { name: 'Everything sent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Changes waiting' }).waitFor();
    await page.getByText('Nothing is waiting. Everything is sent.').waitFor();
  });
});
