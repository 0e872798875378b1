import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, waitForServiceWorker, unlock } from './app';
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

describe('the installable app', () => {
  it('serves a Danish web app manifest with regular and maskable icons', async () => {
    const response = await fetch(`${server.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as {
      id: string;
      name: string;
      short_name: string;
      lang: string;
      display: string;
      theme_color: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      id: '/',
      short_name: 'Fremskudt',
      lang: 'da',
      display: 'standalone',
      theme_color: '#0b4f6c',
      start_url: '/',
    });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of manifest.icons) {
      const image = await fetch(new URL(icon.src, server.url));
      expect(image.status, icon.src).toBe(200);
      expect(image.headers.get('content-type'), icon.src).toContain('image/png');
    }
  });

  it('has a login screen without serious accessibility problems', async () => {
    const { page } = browser;
    await page.goto('/login');
    await page.getByLabel('Brugernavn').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('installs its service worker, which controls the page after a reload', async () => {
    const { page } = browser;
    await page.goto('/login');
    await waitForServiceWorker(page);
    await page.reload();
    const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(controller).toBe(`${server.url}/sw.js`);
  });

  it('opens without a network after the first visit and shows data from the device', async () => {
    const { page, context } = browser;
    await login(page, 'mette');
    await page.getByRole('link', { name: 'Borgere' }).click();
    const firstCitizen = page.getByRole('main').getByRole('link').first();
    await firstCitizen.waitFor();
    const citizenName = (await firstCitizen.textContent())?.trim() ?? '';
    expect(citizenName).not.toBe('');

    await context.setOffline(true);
    try {
      await page.reload();
      await unlock(page);
      await page.getByRole('link', { name: 'I dag' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Borgere' }).click();
      await page.getByRole('main').getByText(citizenName).first().waitFor();
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    } finally {
      await context.setOffline(false);
    }
  });
});
