import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openFirstCitizen } from './app';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startServer, type E2eServer } from './harness';

/**
 * What a thief with the laptop finds in the browser's own files: the app's storage is sealed, but
 * Chromium keeps page titles (History, Sessions/), the form state of every page in the tab's
 * history (Sessions/, UTF-16) and autofill entries (Web Data) in clear. None may hold case data.
 */

let server: E2eServer;
let profileDir: string;

beforeAll(async () => {
  server = await startServer();
  profileDir = await mkdtemp(join(tmpdir(), 'fremskudt-profile-'));
});

afterAll(async () => {
  await server?.stop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

async function openProfile(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL: server.url,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Every file of the profile holding a secret, byte-wise, in UTF-8 or UTF-16LE. */
async function scanProfile(secrets: Record<string, string>): Promise<string[]> {
  const needles = Object.entries(secrets).flatMap(([what, secret]) => [
    { what: `${what} (UTF-8)`, bytes: Buffer.from(secret, 'utf8') },
    { what: `${what} (UTF-16LE)`, bytes: Buffer.from(secret, 'utf16le') },
  ]);
  const found: string[] = [];
  for await (const path of filesUnder(profileDir)) {
    let content: Buffer;
    try {
      content = await readFile(path);
    } catch {
      continue; // a socket or lock file vanishing while the browser shuts down
    }
    for (const needle of needles) {
      if (content.includes(needle.bytes))
        found.push(`${relative(profileDir, path)}: ${needle.what}`);
    }
  }
  return found;
}

describe('what the browser itself writes to disk', () => {
  it('keeps no citizen name, CPR number, note text, draft or session token in any profile file', async () => {
    const stamp = Date.now().toString(36);
    const secrets = {
      firstName: `Qorvald${stamp}`,
      lastName: `Zimmerbeck${stamp}`,
      cpr: `120385-${String(Date.now() % 10_000).padStart(4, '0')}`,
      lifeStory: `Voksede op hos plejefamilie i Vejle ${stamp}`,
      note: `Fortalte om gælden til udlejer ${stamp}`,
      draft: `Kladde om misbrug der stadig skrives ${stamp}`,
    } as Record<string, string>;

    const { context, page } = await openProfile();
    try {
      const tokenSeen = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.ok());
      await login(page, 'mette');
      const loginAnswer = (await (await tokenSeen).json()) as { token?: string };
      if (loginAnswer.token) secrets.token = loginAnswer.token;

      // A citizen who came from the server (pulled), opened on this device.
      secrets.pulledCitizen = await openFirstCitizen(page);

      const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
      await nav.getByRole('link', { name: 'Borgere' }).click();
      await page.getByRole('link', { name: 'Ny borger' }).click();
      await page.getByLabel('Fornavn').fill(secrets.firstName!);
      await page.getByLabel('Efternavn').fill(secrets.lastName!);
      await page.getByLabel('CPR-nummer (valgfrit)').fill(secrets.cpr!);
      await page.getByLabel('Livshistorie og baggrund').fill(secrets.lifeStory!);
      await page.getByRole('button', { name: 'Gem borger' }).click();
      const fullName = `${secrets.firstName} ${secrets.lastName}`;
      await page.getByRole('heading', { level: 1, name: fullName }).waitFor();

      // A search by name (its term in the field's state, and never in a URL).
      await nav.getByRole('link', { name: 'Borgere' }).click();
      await page.getByLabel(/^Søg efter navn/).fill(secrets.lastName!);
      await page
        .getByRole('list', { name: 'Borgere' })
        .getByRole('link', { name: fullName })
        .click();
      await page.getByRole('heading', { level: 1, name: fullName }).waitFor();

      // The edit screen (its title once said "Rediger <name>").
      await page
        .getByRole('link', { name: /^Rediger/ })
        .first()
        .click();
      await page.getByLabel('Fornavn').waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: fullName }).waitFor();

      await page.getByRole('link', { name: 'Skriv notat' }).first().click();
      await page.getByLabel('Notat', { exact: true }).fill(secrets.note!);
      await page.getByRole('button', { name: 'Gem endeligt' }).click();
      await page.getByRole('article').filter({ hasText: secrets.note! }).waitFor();

      // A draft being typed when the caseworker locks and closes the lid.
      await page.getByRole('link', { name: 'Skriv notat' }).first().click();
      await page.getByLabel('Notat', { exact: true }).pressSequentially(secrets.draft!, {
        delay: 5,
      });
      await page.getByText(/^Kladde gemt lokalt kl\./).waitFor();
      // Leaving the editor unsaved: Chromium keeps the form state of that history entry.
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Borgere' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Borgere' }).waitFor();
      await page.goBack();
      await page.getByLabel('Notat', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Lås Fremskudt nu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lås Fremskudt op' }).waitFor();
    } finally {
      // A graceful close: Chromium writes History and the session-restore files now.
      await context.close();
    }

    expect(secrets.token, 'the session token was seen at login').toBeDefined();
    // The scan reads what Chromium wrote: the app's address is in its History and Sessions.
    const visited = await scanProfile({ address: `${server.url}/borgere` });
    expect(visited).toContain('Default/History: address (UTF-8)');
    expect(await scanProfile(secrets)).toEqual([]);
  });
});
