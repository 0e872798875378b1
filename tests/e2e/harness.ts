import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * End-to-end harness: the PRODUCTION build (dist/, built by `npm test` before vitest runs) served
 * by the project's own server on a free port with a throwaway SQLite file and demo data, driven
 * in real Chromium with a fresh browser context per simulated device (its own IndexedDB, Cache
 * Storage and service workers, as on a caseworker's laptop).
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const HEALTH_TIMEOUT_MS = 20_000;
/** Playwright's default is 30 s; a screen that needs longer than this is a failure to report. */
const ACTION_TIMEOUT_MS = 15_000;
const REQUIRED_BUILD_FILES = ['dist/index.html', 'dist/sw.js', 'dist/server/main.js'];

export interface E2eServer {
  url: string;
  port: number;
  /** Output of the server process, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

export function assertBuilt(staticDir = 'dist'): void {
  const missing = REQUIRED_BUILD_FILES.map((f) => f.replace(/^dist/, staticDir)).filter(
    (f) => !existsSync(join(ROOT, f)),
  );
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests use the production build, but ${missing.join(', ')} is missing.\n` +
        'Run `npm run build` first (`npm test` and `npm run test:e2e` do it for you).',
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before /healthz:\n${log()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
      lastError = new Error(`/healthz answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not become healthy: ${String(lastError)}\n${log()}`);
}

export interface StartServerOptions {
  /** Folder with a built client (default dist); a second build lets a test ship a "new version". */
  staticDir?: string;
  /** Reuse a data folder (e.g. to restart the server on the same database). */
  dataDir?: string;
  /** Reuse a port: the browser's origin (and so its service worker and IndexedDB) includes it. */
  port?: number;
  /** More environment for the server (e.g. single sign-on settings). */
  env?: NodeJS.ProcessEnv;
}

/** Starts `node dist/server/main.js` with demo data; resolves once /healthz answers. */
export async function startServer(options: StartServerOptions = {}): Promise<E2eServer> {
  assertBuilt();
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'fremskudt-e2e-')));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The production build is served either way; 'test' allows the test-strength password hash
    // (scrypt 2^10): every file seeds the demo users and signs in several times.
    NODE_ENV: 'test',
    PASSWORD_HASH_COST: '10',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    SQLITE_PATH: join(dataDir, 'fremskudt.sqlite'),
    STATIC_DIR: options.staticDir ?? join(ROOT, 'dist'),
    DEMO_DATA: '1',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const child = spawn(process.execPath, [join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const log = (): string => output.join('').slice(-4000);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, log, stop };
}

export interface E2eBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed page errors seen so far, for diagnosis in assertions. */
  errors: string[];
  close: () => Promise<void>;
}

/** The screen of the device a test plays: a laptop by default, or e.g. a touch tablet. */
export interface DeviceOptions {
  viewport?: { width: number; height: number };
  hasTouch?: boolean;
  isMobile?: boolean;
}

/** A tablet in portrait (iPad Air size), used with touch. */
export const TABLET: DeviceOptions = {
  viewport: { width: 820, height: 1180 },
  hasTouch: true,
  isMobile: true,
};
export const LAPTOP: DeviceOptions = { viewport: { width: 1280, height: 800 } };

let shared: Promise<Browser> | null = null;

/**
 * One Chromium for all the files of the worker (they share it: `isolate: false`), started on first
 * use; it ends with the worker. Starting a Chromium cost about 3 s of CPU (its browser process and
 * its own WebUI renderer), a new context a fraction of that.
 */
function sharedChromium(): Promise<Browser> {
  shared ??= chromium
    .launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
    .then((browser) => {
      browser.on('disconnected', () => {
        shared = null;
      });
      return browser;
    });
  return shared;
}

/**
 * A fresh browser profile: a new context of the shared Chromium, with its own IndexedDB, Cache
 * Storage, service workers and web storage, none of it seen by any other context. The profile of
 * a real device on disk (the byte scans) is opened with `chromium.launchPersistentContext` by the
 * tests that need it (browserTraces, erasure).
 */
export async function launchBrowser(
  baseURL: string,
  device: DeviceOptions = {},
): Promise<E2eBrowser> {
  const context = await (
    await sharedChromium()
  ).newContext({
    baseURL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1280, height: 900 },
    ...device,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  const close = (): Promise<void> => context.close();
  return { context, page, errors, close };
}
