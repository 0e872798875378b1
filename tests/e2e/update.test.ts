import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openFirstCitizen, waitForServiceWorker, unlock } from './app';
import { launchBrowser, ROOT, startServer, type E2eBrowser, type E2eServer } from './harness';

/** How long the test watches for an unwanted automatic reload after the update is announced. */
const NO_AUTO_RELOAD_WATCH_MS = 2_000;
/** The note editor autosaves 800 ms after the last keystroke; margin for a slow machine. */
const AUTOSAVE_WAIT_MS = 1_500;

let server: E2eServer;
let browser: E2eBrowser;
let dataDir: string;
let nextVersionDir: string;

/** A copy of the build with a changed service worker: what the next deployment looks like. */
async function makeNextVersion(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fremskudt-next-'));
  await cp(join(ROOT, 'dist'), dir, {
    recursive: true,
    filter: (source) => !source.startsWith(join(ROOT, 'dist/server')),
  });
  await appendFile(join(dir, 'sw.js'), `\n// next version ${Date.now()}\n`);
  return dir;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fremskudt-update-'));
  nextVersionDir = await makeNextVersion();
  server = await startServer({ dataDir });
  browser = await launchBrowser(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(nextVersionDir, { recursive: true, force: true });
});

describe('a new version of the app', () => {
  it('is announced, waits for the user, asks about a note being written, and keeps its draft', async () => {
    const { page } = browser;
    await login(page, 'mette');
    await waitForServiceWorker(page);
    await page.reload();
    await unlock(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Deploy the next version on the same origin (same port, same database).
    const port = server.port;
    await server.stop();
    server = await startServer({ dataDir, port, staticDir: nextVersionDir });

    await page.evaluate(() => {
      (window as unknown as { oldPage: boolean }).oldPage = true;
    });
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const reloadButton = page.getByRole('button', { name: 'Ny version klar — genindlæs' });
    await reloadButton.waitFor();

    // Announced, not applied: the page is still the old one a while later.
    await page.waitForTimeout(NO_AUTO_RELOAD_WATCH_MS);
    expect(await page.evaluate(() => 'oldPage' in window)).toBe(true);

    // The caseworker starts a note (in-app navigation: the old page stays loaded).
    await openFirstCitizen(page);
    await page.getByRole('link', { name: 'Skriv notat' }).first().click();
    const text = `Skrevet lige før opdateringen ${Date.now()}`;
    const field = page.getByLabel('Notat', { exact: true });
    await field.fill(text);
    await page.waitForTimeout(AUTOSAVE_WAIT_MS);

    // Asked first, because a note is being written; still the old page.
    await reloadButton.click();
    await page.getByRole('alert').filter({ hasText: 'Du er i gang med et notat' }).waitFor();
    expect(await page.evaluate(() => 'oldPage' in window)).toBe(true);

    await page.getByRole('button', { name: 'Genindlæs alligevel' }).click();
    await page.waitForFunction(() => !('oldPage' in window));
    // The new version starts locked; the draft was sealed on the device and comes back.
    await unlock(page);
    await expect.poll(() => field.inputValue()).toBe(text);
    const stillWaiting = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return Boolean(registration?.waiting);
    });
    expect(stillWaiting).toBe(false);
    expect(await reloadButton.count()).toBe(0);
  });
});
