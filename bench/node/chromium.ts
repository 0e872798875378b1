import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Flags that work headless as root on the project's machines (ENVIRONMENT.md). */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
    args: CHROMIUM_FLAGS,
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
