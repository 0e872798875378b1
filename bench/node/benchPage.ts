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
  await isolate(page, `${origin}/bench.html`);
  await page.goto(`${origin}/bench.html`);
  await page.waitForFunction(() => typeof window.bench === 'object');
  if (!(await page.evaluate(() => crossOriginIsolated))) {
    throw new Error('The bench page is not cross-origin isolated: its timer would be coarse');
  }
  return page;
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
