import type { Page } from 'playwright-core';

/** Demo users (src/server/demo): both in team odense-syd, password "demo". */
export const DEMO_PASSWORD = 'demo';

/**
 * Logs in through the login screen and waits for the app shell and the first sync, so the team's
 * data is on the device before a test takes the network away.
 */
export async function login(page: Page, username: 'mette' | 'anders' | 'sara'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
  await waitForSync(page);
}

/** Waits until the sync indicator reports a completed sync ("Synkroniseret …"). */
export async function waitForSync(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: 'Synkronisering' })
    .getByRole('status')
    .getByText(/^Synkroniseret/)
    .waitFor();
}

/** Resolves once a service worker is active for the page (installed and activated). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

export interface RawOutboxEntry {
  seq: number;
  entity: string;
  recordId: string;
  op: string;
  state: string;
  fields?: Record<string, unknown>;
}

/** Reads a table of the app's IndexedDB ('fremskudt') with the raw API, independent of Dexie. */
export async function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (storeName) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('fremskudt');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const database = open.result;
          const request = database
            .transaction(storeName, 'readonly')
            .objectStore(storeName)
            .getAll();
          request.onsuccess = () => {
            database.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error ?? new Error('getAll failed'));
        };
      }),
    store,
  );
}

export function readOutbox(page: Page): Promise<RawOutboxEntry[]> {
  return readStore<RawOutboxEntry>(page, 'outbox');
}

/** Opens the first citizen in the Borgere list and returns the name shown for them. */
export async function openFirstCitizen(page: Page): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Borgere' })
    .click();
  const link = page.getByRole('list', { name: 'Borgere' }).getByRole('link').first();
  await link.waitFor();
  const name = (await link.textContent())?.trim() ?? '';
  await link.click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  return name;
}

/** Outbox entries added since `before`, by seq. */
export function addedSince(before: RawOutboxEntry[], after: RawOutboxEntry[]): RawOutboxEntry[] {
  const known = new Set(before.map((e) => e.seq));
  return after.filter((e) => !known.has(e.seq));
}
