import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from './app';
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

describe('screens loaded on first opening', () => {
  it('open offline on the very first visit, without a reload in between', async () => {
    const { page, context } = browser;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await login(page, 'mette');
    // The first service worker takes control of this page once it has cached the app, and the
    // header's details say so.
    await page.getByRole('button', { name: 'Detaljer' }).click();
    await page
      .getByRole('region', { name: 'Synkronisering' })
      .getByText('Klar til brug uden net', { exact: true })
      .waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const settingsChunk = (path: string) => /\/assets\/SettingsPage-[\w-]+\.js$/.test(path);
    expect(requested.filter(settingsChunk)).toEqual([]);

    await context.setOffline(true);
    try {
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', {
          name: 'Indstillinger',
        })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Indstillinger' }).waitFor();
      expect(requested.filter(settingsChunk)).toHaveLength(1);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    } finally {
      await context.setOffline(false);
    }
  });
});
