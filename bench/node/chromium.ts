import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
// The flags that work headless as root on the project's machines: one list, the e2e harness's.
import { CHROMIUM_ARGS } from '../../tests/e2e/harness';

export interface Browser {
  context: BrowserContext;
  version: string;
  close: () => Promise<void>;
}

/** Chromium with a fresh profile (a persistent context: real IndexedDB and service workers). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'fremskudt-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'da-DK',
  });
  const probe = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(probe);
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  await cdp.detach();
  const version = product.replace(/^\D+\//, '');
  return {
    context,
    version,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `work` in a Chromium of its own, with a new empty profile, closed and deleted after.
 * For the scenarios that write a caseload (about 100 MB) into IndexedDB: all databases of an
 * origin share one LevelDB in the profile, and a deleted database stays in it as garbage that
 * LevelDB compacts in the background while the next run writes. In one shared profile the same
 * bare bulkPut of 100,000 records took 38.7 s first and 156.8 s four runs later (2026-11-30); a
 * new tablet starts with an empty profile, so each such measurement gets one.
 */
export async function withFreshChromium<T>(
  executablePath: string,
  work: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const browser = await launchChromium(executablePath);
  try {
    return await work(browser.context);
  } finally {
    await browser.close();
  }
}
