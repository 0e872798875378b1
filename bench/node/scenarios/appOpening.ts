/**
 * Scenario 7: the installed app (the production build and its service worker) opening offline
 * on the citizen list, with 10,000 citizens on the device versus none. Each origin is its own
 * server, so the two devices have their own IndexedDB and service worker in one browser.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { maybeProfile } from '../cpuProfile';
import type { BenchContext, ResultRow } from '../result';
import { startSeededServer, type SeededServer } from '../seededServer';
import { BENCH_PASSWORD, createBenchUser, seedCaseload } from '../serverAdapter';
import { scaled, type BenchSettings } from '../settings';
import { fmt, median } from '../stats';

const CITIZENS = 10_000;

async function appServer(settings: BenchSettings, citizens: number): Promise<SeededServer> {
  return startSeededServer({
    root: settings.root,
    staticDir: join(settings.root, 'dist'),
    seed: async (database) => {
      const user = { id: 'bench-a', teamId: 'bench' };
      await createBenchUser(database, user);
      if (citizens > 0) await seedCaseload(database, user, { citizens, notes: 0 });
      return {};
    },
  });
}

/** Signs in through the login screen, waits for the first sync and the service worker. */
async function install(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`${origin}/login`);
  await page.getByLabel('Brugernavn').fill('bench-a');
  await page.getByLabel('Adgangskode').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page
    .getByRole('region', { name: 'Synkronisering' })
    .getByRole('status')
    .getByText(/^Synkroniseret/)
    .waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  return page;
}

/**
 * Milliseconds from navigation start until the citizen list is on screen with its search field:
 * its first row, or for the empty device the empty list. Polled every animation frame. The app
 * opens locked (the data key lives only in memory), so the time includes the unlock with the
 * password (PBKDF2, 600,000 iterations) on both devices alike.
 */
async function openOffline(page: Page, origin: string, expectRows: boolean): Promise<number> {
  await page.goto(`${origin}/borgere`, { waitUntil: 'commit' });
  await page.getByLabel('Adgangskode').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Lås op' }).click();
  const handle = await page.waitForFunction(
    (rows) => {
      const list = document.querySelector('ul[aria-label="Borgere"]');
      const search = document.querySelector('input[type="search"]');
      if (!list || !search) return false;
      if (rows && list.children.length === 0) return false;
      return performance.now();
    },
    expectRows,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Each opening in a new window, the one before closed: the installed app starting, not a page
 * reloading over a running one (whose teardown, with 10,000 decrypted citizens in memory and
 * its search index still being built, would be measured too).
 */
async function inNewPage<T>(context: BrowserContext, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  try {
    return await work(page);
  } finally {
    await page.close();
  }
}

/** Which app opens first in repetition `rep`: alternating, so a slow stretch hits both alike. */
const alternating = (rep: number) =>
  rep % 2 === 0 ? (['empty', 'full'] as const) : (['full', 'empty'] as const);

/**
 * For scale: reading every citizen record from IndexedDB (raw getAll, no Dexie). The list does
 * not wait for that: it shows its first rows after the first 500 are read and unsealed.
 */
async function readAllCitizens(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('fremskudt-u-bench-a');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const t0 = performance.now();
          const request = open.result.transaction('citizens').objectStore('citizens').getAll();
          request.onsuccess = () => {
            const ms = performance.now() - t0;
            open.result.close();
            resolve(ms);
          };
          request.onerror = () => reject(new Error('getAll failed'));
        };
      }),
  );
}

export async function appOpening(
  settings: BenchSettings,
  context: BrowserContext,
  bench: BenchContext,
): Promise<ResultRow[]> {
  const citizens = scaled(settings, CITIZENS, 50);
  const full = await appServer(settings, citizens);
  const empty = await appServer(settings, 0);
  const times = { full: [] as number[], empty: [] as number[] };
  const reloads = { full: [] as number[], empty: [] as number[] };
  const floor = { readAllMs: Number.NaN };
  try {
    bench.log(`7: installing the app with ${citizens} citizens and an empty one`);
    for (const server of [full, empty]) await (await install(context, server.url)).close();
    await context.setOffline(true);
    try {
      // One opening of each first, unmeasured: the first start after install compiles the code.
      await inNewPage(context, (page) =>
        maybeProfile(page, settings.resultsDir, 's7-open-full', () =>
          openOffline(page, full.url, true),
        ),
      );
      await inNewPage(context, (page) => openOffline(page, empty.url, false));
      const reps = settings.reps * 2;
      for (let rep = 0; rep < reps; rep++) {
        for (const which of alternating(rep)) {
          const origin = which === 'full' ? full.url : empty.url;
          const ms = await inNewPage(context, (page) =>
            openOffline(page, origin, which === 'full'),
          );
          times[which].push(ms);
        }
      }
      // For comparison: the same opening as a reload over the app still running in that window.
      const open = { full: await context.newPage(), empty: await context.newPage() };
      for (let rep = 0; rep < settings.reps; rep++) {
        for (const which of alternating(rep)) {
          const origin = which === 'full' ? full.url : empty.url;
          reloads[which].push(await openOffline(open[which], origin, which === 'full'));
        }
      }
      floor.readAllMs = await readAllCitizens(open.full);
      await Promise.all([open.full.close(), open.empty.close()]);
    } finally {
      await context.setOffline(false);
    }
  } finally {
    await full.stop();
    await empty.stop();
  }
  const f = median(times.full);
  const e = median(times.empty);
  const [rf, re] = [median(reloads.full), median(reloads.empty)];
  bench.log(
    `7: full ${fmt(f)} ms, empty ${fmt(e)} ms, raw getAll of the citizens ${fmt(floor.readAllMs)} ms`,
  );
  const reloadRow: ResultRow = {
    id: '7r',
    scenario: `↳ the same as a reload over the app running in that window (not a new opening)`,
    ours: `${fmt(rf)} ms`,
    reference: `empty app ${fmt(re)} ms`,
    ratio: rf / re,
    target: '(for comparison)',
    pass: null,
    data: { fullMs: reloads.full, emptyMs: reloads.empty },
  };
  return [
    {
      id: '7',
      scenario: `installed app opening offline to the citizen list, ${fmt(citizens)} citizens`,
      ours: `${fmt(f)} ms`,
      reference: `empty app ${fmt(e)} ms`,
      ratio: f / e,
      target: '≤ 2×',
      pass: f / e <= 2,
      data: {
        citizens,
        fullMs: times.full,
        emptyMs: times.empty,
        rawGetAllCitizensMs: floor.readAllMs,
      },
    },
    reloadRow,
  ];
}
