import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, openFirstCitizen, readOutbox, waitForSync } from './app';
import { serverApi, type ApiOptions } from './serverApi';
import { launchBrowser, startServer, type E2eBrowser, type E2eServer } from './harness';

/**
 * The server's word reaching the app in a real browser, across both halves of the security
 * design: an administrator's action on the server (block a device, end sessions, move a citizen)
 * and what the caseworker's device does about it at its next sync, plus an offline read reaching
 * the team leader's access view.
 */
let server: E2eServer;

async function api<T = unknown>(path: string, options: ApiOptions = {}): Promise<T> {
  return serverApi(server.url).call<T>(path, options);
}

function tokenOf(username: string): Promise<string> {
  return serverApi(server.url).tokenOf(username);
}

/** The user databases and profiles on the device, by name. */
function userDatabases(browser: E2eBrowser): Promise<string[]> {
  return browser.page.evaluate(async () =>
    (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n.startsWith('fremskudt-u-')),
  );
}

async function syncNow(browser: E2eBrowser): Promise<void> {
  await browser.page
    .getByRole('region', { name: 'Synkronisering' })
    .getByRole('button', { name: 'Synkroniser nu' })
    .click();
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("the server's decisions reach the caseworker's device", () => {
  it('wipes the local data when an administrator has blocked the device', async () => {
    const browser = await launchBrowser(server.url);
    try {
      await login(browser.page, 'anders');
      expect(await userDatabases(browser)).toEqual(['fremskudt-u-anders']);
      const admin = await tokenOf('lone');
      const { devices } = await api<{ devices: { id: string; userId: string }[] }>(
        '/api/admin/devices',
        { token: admin },
      );
      const tablet = devices.filter((d) => d.userId === 'anders' && !d.id.startsWith('e2e-'));
      expect(tablet).toHaveLength(1);
      await api(`/api/admin/users/anders/devices/${tablet[0]!.id}/revoke`, {
        method: 'POST',
        token: admin,
        body: {},
      });

      await syncNow(browser);
      await browser.page.getByText('Denne enhed er spærret af en administrator').waitFor();
      await expect.poll(() => userDatabases(browser)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('keeps a note written offline when the session was ended, and sends it after a new login', async () => {
    const browser = await launchBrowser(server.url);
    const { page, context } = browser;
    try {
      await login(page, 'mette');
      await context.setOffline(true);
      const name = await openFirstCitizen(page);
      await page.getByRole('link', { name: 'Skriv notat' }).first().click();
      const body = `Skrevet før sessionen blev lukket ${Date.now()}`;
      await page.getByLabel('Notat', { exact: true }).fill(body);
      await page.getByRole('button', { name: 'Gem endeligt' }).click();
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

      const admin = await tokenOf('lone');
      await api('/api/admin/users/mette/revoke-sessions', {
        method: 'POST',
        token: admin,
        body: {},
      });
      await context.setOffline(false);
      await syncNow(browser);
      const status = page.getByRole('region', { name: 'Synkronisering' });
      await status.getByText('Log ind igen for at synkronisere').waitFor();
      const waiting = await readOutbox(page);
      expect(waiting.map((e) => `${e.entity} ${e.op} ${e.state}`)).toEqual(['note create pending']);

      await status.getByRole('link', { name: 'Log ind igen' }).click();
      await page.getByText('Din session er udløbet').waitFor();
      await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await waitForSync(page);
      await expect.poll(async () => (await readOutbox(page)).length).toBe(0);
      const lead = await tokenOf('mette');
      const pulled = await api<{ changes: { record: { body?: string } | null }[] }>(
        '/api/sync/pull?limit=1000',
        { token: lead },
      );
      expect(pulled.changes.some((c) => c.record?.body === body)).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it("shows a caseworker's offline reading of a citizen in the team leader's access log", async () => {
    const browser = await launchBrowser(server.url);
    const { page, context } = browser;
    try {
      await login(page, 'anders');
      await context.setOffline(true);
      await openFirstCitizen(page);
      const citizenId = new URL(page.url()).pathname.split('/').at(-1)!;
      await context.setOffline(false);
      await syncNow(browser);
      await waitForSync(page);

      const lead = await tokenOf('mette');
      await expect
        .poll(async () => {
          const log = await api<{ entries: { action: string; userId: string | null }[] }>(
            `/api/audit/citizens/${citizenId}`,
            { token: lead },
          );
          return log.entries.some((e) => e.action === 'read' && e.userId === 'anders');
        })
        .toBe(true);
    } finally {
      await browser.close();
    }
  });

  it("removes a citizen from the old team's device when it moves to another team", async () => {
    const browser = await launchBrowser(server.url);
    const { page } = browser;
    try {
      await login(page, 'mette');
      const name = await openFirstCitizen(page);
      const citizenId = new URL(page.url()).pathname.split('/').at(-1)!;
      const admin = await tokenOf('lone');
      await api(`/api/citizens/${citizenId}/move`, {
        method: 'POST',
        token: admin,
        body: { teamId: 'odense-nord' },
      });

      await syncNow(browser);
      await waitForSync(page);
      await page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('link', { name: 'Borgere' })
        .click();
      const list = page.getByRole('list', { name: 'Borgere' });
      await list.getByRole('link').first().waitFor();
      await expect.poll(() => list.getByRole('link', { name }).count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
