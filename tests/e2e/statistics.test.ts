import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, unlock } from './app';
import { seriousA11yViolations } from './axe';
import { launchBrowser, ROOT, startServer, type E2eBrowser, type E2eServer } from './harness';

let server: E2eServer;
let browser: E2eBrowser;
/** Every script the browser fetched, to tell when the statistics chunk was loaded. */
const scripts: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser(server.url);
  browser.page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const menu = () => browser.page.getByRole('navigation', { name: 'Hovedmenu' });

describe('Statistik in the browser', () => {
  it("keeps the statistics code out of the caseworker's first load and under 60 KB gzipped", async () => {
    const assets = await readdir(join(ROOT, 'dist/assets'));
    const chunk = assets.find((f) => /^StatisticsPage-.*\.js$/.test(f));
    expect(chunk, 'a separate statistics chunk').toBeDefined();
    const gzipped = gzipSync(await readFile(join(ROOT, 'dist/assets', chunk!))).length;
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
    const html = await readFile(join(ROOT, 'dist/index.html'), 'utf8');
    expect(html).not.toContain('StatisticsPage');
  });

  it('shows the lead Mette her teams’ numbers as a summary, charts and accessible tables, loaded only when opened', async () => {
    const { page } = browser;
    await login(page, 'mette');
    expect(scripts.some((s) => s.includes('StatisticsPage'))).toBe(false);
    const before = new Set(scripts);
    await menu().getByRole('link', { name: 'Statistik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
    const table = page.getByRole('table', { name: 'Kontakter pr. sted og måned' });
    await table.waitFor();
    expect(scripts.some((s) => s.includes('StatisticsPage'))).toBe(true);
    // The route's own JavaScript: every script first fetched when it opened, ≤ 60 KB gzipped.
    const opened = [...new Set(scripts.filter((s) => !before.has(s)))];
    let routeBytes = 0;
    for (const url of opened) {
      const file = join(ROOT, 'dist', new URL(url).pathname);
      routeBytes += gzipSync(await readFile(file)).length;
    }
    expect(routeBytes).toBeGreaterThan(0);
    expect(routeBytes).toBeLessThanOrEqual(60 * 1024);
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
    await page.getByText(/^I \d\. kvartal \d{4} mødte Fremskudt team Syd \d+ borgere/).waitFor();
    await page.getByText(/data synkroniseret til serveren til/).waitFor();
    await page.getByText(/Små tal beskyttes: antal personer under 5 vises som "< 5"/).waitFor();
    await page.getByRole('img', { name: 'Kontakter over tid pr. sted' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Another period through the picker: a year.
    await page.getByLabel('Periode', { exact: true }).selectOption({ label: 'År' });
    await page.getByRole('button', { name: 'Vis statistik' }).click();
    await page.getByText(/^I \d{4} mødte Fremskudt team Syd \d+ borgere/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('keeps the last report on the device for reading offline, marked with when it was computed', async () => {
    const { page, context } = browser;
    await context.setOffline(true);
    try {
      await menu().getByRole('link', { name: 'I dag' }).click();
      await menu().getByRole('link', { name: 'Statistik' }).click();
      await page
        .getByText(/Viser den senest hentede rapport\. Gemt rapport for \d{4}, beregnet/)
        .waitFor();
      await page.getByRole('table', { name: 'Kontakter pr. sted og måned' }).waitFor();
    } finally {
      await context.setOffline(false);
    }
  });

  it('gives the caseworker Anders no Statistik link, and /statistik tells him he has no access', async () => {
    const { page } = browser;
    await login(page, 'anders');
    await menu().getByRole('link', { name: 'I dag' }).waitFor();
    expect(await menu().getByRole('link', { name: 'Statistik' }).count()).toBe(0);
    await page.goto('/statistik');
    // An address-bar navigation reloads the app, which opens locked.
    await unlock(page, { profile: 'Anders Holm (anders)' });
    await page.getByText('Du har ikke adgang til statistik.', { exact: false }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
