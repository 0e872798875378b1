#!/usr/bin/env node
// Takes the README's screenshots from the running production build with demo data:
//   npm run build && node scripts/screenshot.mjs
// Starts its own server (temporary SQLite, DEMO_DATA=1) on a free port, logs in as the demo user
// mette in headless Chromium and writes docs/screenshots/*.png.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(join(ROOT, 'dist/server/main.js')) || !existsSync(join(ROOT, 'dist/index.html'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

const dataDir = await mkdtemp(join(tmpdir(), 'fremskudt-shots-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(ROOT, 'dist/server/main.js')], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    SQLITE_PATH: join(dataDir, 'fremskudt.sqlite'),
    DEMO_DATA: '1',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const userDataDir = await mkdtemp(join(tmpdir(), 'fremskudt-shots-chromium-'));
let context;
try {
  await waitForHealth(url, server);
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    headless: true,
    baseURL: url,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1200, height: 800 },
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/login');
  await page.getByLabel('Brugernavn').fill('mette');
  await page.getByLabel('Adgangskode').fill('demo');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
  // Let the first sync finish so the indicator shows a settled state.
  await page.waitForTimeout(1500);

  const shots = [
    ['today.png', '/'],
    ['citizens.png', '/borgere'],
  ];
  for (const [name, path] of shots) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, name) });
    console.log(`wrote docs/screenshots/${name}`);
  }
  // A visit in progress with one anonymous contact registered.
  await page.goto('/besoeg');
  await page.getByRole('button', { name: 'Start besøg' }).click();
  await page.getByRole('group', { name: 'Alder' }).getByRole('button', { name: '25–39' }).click();
  await page.getByRole('group', { name: 'Emner' }).getByRole('button', { name: 'Bolig' }).click();
  await page.getByRole('button', { name: 'Registrér anonym kontakt' }).click();
  await page.getByText('Anonym kontakt registreret.').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, 'visit.png') });
  console.log('wrote docs/screenshots/visit.png');

  await page.goto('/borgere');
  await page.getByRole('list', { name: 'Borgere' }).getByRole('link').first().click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, 'citizen.png'), fullPage: false });
  console.log('wrote docs/screenshots/citizen.png');
} finally {
  await context?.close();
  server.kill('SIGTERM');
  await rm(userDataDir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
}
