#!/usr/bin/env node
// Takes the README's screenshots from the running production build with demo data:
//   npm run build && node scripts/screenshot.mjs
// Starts its own server (temporary SQLite, DEMO_DATA=1) on a free port, logs in as the demo user
// mette in headless Chromium and writes docs/screenshots/*.png.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './lib/startServer.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(join(ROOT, 'dist/server/main.js')) || !existsSync(join(ROOT, 'dist/index.html'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

const server = await startServer({ tmpPrefix: 'fremskudt-shots-', sqliteName: 'fremskudt.sqlite' });
const { url } = server;
const userDataDir = await mkdtemp(join(tmpdir(), 'fremskudt-shots-chromium-'));
let context;
try {
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
  await server.stop();
  await rm(userDataDir, { recursive: true, force: true });
}
