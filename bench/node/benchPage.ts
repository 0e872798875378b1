import type { BrowserContext, Page } from 'playwright-core';
import type { BrowserBench } from '../browser/entry';
import type { PouchBench } from '../browser/pouch';

/** The bench page on `origin` (served by that server), ready to call `window.bench.*`. */
export async function openBenchPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  page.on('pageerror', (error) => console.error(`[bench page] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[bench page console] ${message.text()}`);
  });
  const url = `${origin}/bench.html`;
  await isolate(page, url);
  await page.goto(url);
  await page.waitForFunction(() => typeof window.bench === 'object');
  if (!(await page.evaluate(() => crossOriginIsolated))) {
    throw new Error('The bench page is not cross-origin isolated: its timer would be coarse');
  }
  // Loaded: no request of the page needs intercepting any more (and one paused by the route
  // would wait for a DevTools network event that is turned off next).
  await page.unroute(url);
  await withoutNetworkInstrumentation(page);
  return page;
}

/** The part of Playwright's own DevTools session for a page that the bench uses. */
interface DevToolsSession {
  send(method: string, params?: object): Promise<unknown>;
}

/**
 * Turns off DevTools' Network domain in Playwright's own session for the page. Playwright
 * enables it on every page it drives, and with it Chromium copies every response into DevTools'
 * buffers and reports each received chunk, a cost per byte fetched (bench/README.md, "How it
 * measures"). A caseworker's browser has no DevTools attached, and the cost falls on the arms
 * that fetch only (not on a reference `bulkPut` of records in memory), so the measured pages go
 * without it. Nothing in the bench waits for Playwright's network
 * events. The session is not public API: if playwright-core changes where it keeps it, this
 * fails loudly rather than measure with the instrumentation on.
 */
export async function withoutNetworkInstrumentation(page: Page): Promise<void> {
  const connection = (page as unknown as { _connection?: { toImpl?: (o: unknown) => unknown } })
    ._connection;
  const impl = connection?.toImpl?.(page) as
    { delegate?: { _mainFrameSession?: { _client?: DevToolsSession } } } | undefined;
  const session = impl?.delegate?._mainFrameSession?._client;
  if (!session || typeof session.send !== 'function') {
    throw new Error(
      "Cannot reach Playwright's DevTools session of the bench page to turn off its network " +
        'instrumentation (playwright-core changed?): see bench/node/benchPage.ts',
    );
  }
  await session.send('Network.disable');
}

/**
 * Serves `url` with COOP and COEP, so the page is cross-origin isolated and performance.now()
 * resolves 5 µs instead of 100 µs: a note save takes 1–3 ms, and a ratio of two medians rounded to
 * 0.1 ms moves by 5 % per step. Only the bench page gets the headers; what it loads is same-origin.
 */
async function isolate(page: Page, url: string): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      },
    });
  });
}

export async function openPouchPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  await page.goto(`${origin}/pouch.html`);
  await page.waitForFunction(() => typeof window.pouchBench === 'object');
  // As for the app's bench page: row 3 compares the two, both without DevTools' instrumentation.
  await withoutNetworkInstrumentation(page);
  return page;
}

type Fn = (...args: never[]) => unknown;

/** Calls `window.bench[name](...args)` in the page and returns its (awaited) result. */
export function callBench<K extends keyof BrowserBench>(
  page: Page,
  name: K,
  ...args: Parameters<BrowserBench[K]>
): Promise<Awaited<ReturnType<BrowserBench[K]>>> {
  return page.evaluate(
    ([n, a]) => {
      const fn: Fn = window.bench[n];
      return fn(...(a as never[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<BrowserBench[K]>>>;
}

export function callPouch<K extends keyof PouchBench>(
  page: Page,
  name: K,
  ...args: Parameters<PouchBench[K]>
): Promise<Awaited<ReturnType<PouchBench[K]>>> {
  return page.evaluate(([n, a]) => (window.pouchBench[n] as Fn)(...(a as never[])), [
    name,
    args,
  ] as const) as Promise<Awaited<ReturnType<PouchBench[K]>>>;
}
