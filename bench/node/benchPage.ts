import type { BrowserContext, Page } from 'playwright-core';
import type { BrowserBench } from '../browser/entry';
import type { PouchBench } from '../browser/pouch';

/** The bench page on `origin` (served by that server), ready to call `window.bench.*`. */
export async function openBenchPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  page.on('pageerror', (error) => console.error(`[bench page] ${error.message}`));
  await page.goto(`${origin}/bench.html`);
  await page.waitForFunction(() => typeof window.bench === 'object');
  return page;
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
