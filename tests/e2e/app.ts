import type { Page } from 'playwright-core';

/** Demo users (src/server/demo): both in team odense-syd, password "demo". */
export const DEMO_PASSWORD = 'demo';

/**
 * Logs in through the login screen and waits for the app shell and the first sync, so the team's
 * data is on the device before a test takes the network away.
 */
export async function login(
  page: Page,
  username: 'mette' | 'anders' | 'sara' | 'lone',
): Promise<void> {
  await page.goto('/login');
  // A device with profiles opens on the unlock screen; a new caseworker logs in from there.
  const other = page.getByRole('button', { name: 'Log ind som en anden' });
  const brugernavn = page.getByLabel('Brugernavn');
  await other.or(brugernavn).first().waitFor();
  if (await other.isVisible()) await other.click();
  await brugernavn.fill(username);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
  await waitForSync(page);
  // Many tests go offline next: the app's files must be in the service worker's cache by then (on
  // a busy machine its first install can take longer than the first sync).
  await waitForServiceWorker(page);
}

/**
 * Unlocks the app after a reload or a lock (offline too): the store opens with the password.
 * With several profiles on the device, `displayName` picks one.
 */
export async function unlock(
  page: Page,
  options: { password?: string; profile?: string } = {},
): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Lås Fremskudt op' }).waitFor();
  if (options.profile) await page.getByLabel('Bruger').selectOption({ label: options.profile });
  await page.getByLabel('Adgangskode').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Lås op' }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
}

/** Waits until the sync indicator reports a completed sync ("Synkroniseret …"). */
export async function waitForSync(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: 'Synkronisering' })
    .getByRole('status')
    .getByText(/^Synkroniseret/)
    .waitFor();
}

/**
 * Resolves once a service worker is active for the page (installed, so the app's files are
 * cached, and activated) and controls it (the first install claims the open page).
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
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

/**
 * Reads a table of the signed-in user's IndexedDB ('fremskudt-u-<id>', the only one unless
 * `database` names another) with the raw API, independent of Dexie. Sealed tables show only their
 * clear index fields (ids, dates, status…) and the `sealed` bytes.
 */
export async function readStore<T = unknown>(
  page: Page,
  store: string,
  database?: string,
): Promise<T[]> {
  return page.evaluate(
    async ([storeName, named]) => {
      const all = await indexedDB.databases();
      const name = named ?? all.find((d) => d.name?.startsWith('fremskudt-u-'))?.name;
      if (!name) throw new Error('No user database on this device');
      return new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(name);
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
      });
    },
    [store, database] as const,
  );
}

/**
 * Every value of every IndexedDB database and store on the device, serialised as text with
 * ArrayBuffers and typed arrays decoded byte by byte (latin1), for "no plaintext at rest" checks.
 */
export async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const bytes = (view: Uint8Array) => Array.from(view, (b) => String.fromCharCode(b)).join('');
    const text = (value: unknown): string =>
      JSON.stringify(value, (_key, v: unknown) =>
        v instanceof ArrayBuffer
          ? bytes(new Uint8Array(v))
          : ArrayBuffer.isView(v)
            ? bytes(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))
            : v,
      );
    const parts: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      for (const storeName of Array.from(database.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = database
            .transaction(storeName, 'readonly')
            .objectStore(storeName)
            .getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error('getAll failed'));
        });
        parts.push(`${info.name}/${storeName}: ${values.map(text).join('\n')}`);
      }
      database.close();
    }
    return parts.join('\n');
  });
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
