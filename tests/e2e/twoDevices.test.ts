import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, readOutbox, readStore, unlock, waitForServiceWorker } from './app';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

let server: E2eServer;
let mette: E2eBrowser;
let anders: E2eBrowser;

function syncRegion(page: Page) {
  return page.getByRole('region', { name: 'Synkronisering' });
}

function syncStatus(page: Page) {
  return syncRegion(page).getByRole('status');
}

beforeAll(async () => {
  server = await startServer();
  [mette, anders] = await Promise.all([launchBrowser(server.url), launchBrowser(server.url)]);
  await login(mette.page, 'mette');
  await login(anders.page, 'anders');
  await waitForServiceWorker(mette.page);
  await mette.page.reload();
  await unlock(mette.page);
});

afterAll(async () => {
  await Promise.all([mette?.close(), anders?.close()]);
  await server?.stop();
});

describe('two caseworkers on the same team', () => {
  it("sees a colleague's note and visit written offline once the colleague is back online", async () => {
    const page = mette.page;
    const status = syncStatus(page);
    await status.getByText('Alt er sendt').waitFor();

    // Offline at the drop-in centre.
    await mette.context.setOffline(true);
    await status.getByText('Offline').waitFor();

    // Offline: the address bar opens the app locked, and the password unlocks it without a network.
    await page.goto('/borgere');
    await unlock(page);
    const citizenLink = page.getByRole('list', { name: 'Borgere' }).getByRole('link').first();
    const citizenName = (await citizenLink.textContent())!.trim();
    const citizenPath = (await citizenLink.getAttribute('href'))!;
    await citizenLink.click();
    await page.getByRole('link', { name: 'Skriv notat' }).first().click();
    const body = `Talt med borgeren om boligsagen, skrevet uden net ${Date.now()}`;
    await page.getByLabel('Notat', { exact: true }).fill(body);
    await page.getByRole('button', { name: 'Gem endeligt' }).click();
    await page.getByRole('heading', { level: 1, name: citizenName, exact: true }).waitFor();

    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Besøg' })
      .click();
    await page.getByRole('button', { name: 'Start besøg' }).click();
    await page.getByLabel('Find borger').fill(citizenName.split(' ')[0]!);
    await page.getByRole('button', { name: `Registrér kontakt med ${citizenName}` }).click();
    await page.getByText(`Kontakt med ${citizenName} registreret.`).waitFor();

    const waiting = (await readOutbox(page)).filter((e) => e.state === 'pending');
    expect(waiting.map((e) => e.entity).sort()).toEqual(['contact', 'note', 'visit']);
    await status.getByText('3 ændringer venter').waitFor();
    const visitId = waiting.find((e) => e.entity === 'visit')!.recordId;

    // Back online: the app sends by itself and says so.
    await mette.context.setOffline(false);
    await status.getByText('Online').waitFor();
    await status.getByText('Alt er sendt').waitFor();
    await status.getByText(/^Synkroniseret/).waitFor();
    expect(await readOutbox(page)).toEqual([]);
    await page.goto(citizenPath);
    await unlock(page);
    const sentNote = page.getByRole('article').filter({ hasText: body });
    await sentNote.getByText('Gemt på serveren').waitFor();

    // The colleague's device pulls the changes.
    const colleague = anders.page;
    await syncRegion(colleague).getByRole('button', { name: 'Synkroniser nu' }).click();
    await colleague.goto(citizenPath);
    await unlock(colleague);
    await colleague.getByRole('article').filter({ hasText: body }).waitFor();
    await expect
      .poll(async () => (await readStore<{ id: string }>(colleague, 'visits')).map((v) => v.id))
      .toContain(visitId);
  });
});
