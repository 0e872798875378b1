#!/usr/bin/env node
// `npm run bench`: rough throughput figures for the sync path, measured on the production build
// (run `npm run build` first). Starts the server on a free port with a temporary SQLite file and
// the demo data, then measures
//   1. push: N citizen creations over HTTP in batches of 200 (the protocol maximum), as one device;
//   2. pull: a colleague's device reading the whole change log in pages of 1,000;
//   3. first sync in Chromium: the real app logging in as that colleague and pulling everything
//      into IndexedDB (Dexie), from the click on "Log ind" until the indicator says "Synkroniseret".
// BENCH_RECORDS (default 5000) sets N. Figures vary with the machine; compare runs on one machine.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { startServer } from './lib/startServer.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RECORDS = Number(process.env.BENCH_RECORDS || 5000);
const PUSH_BATCH = 200;
const PULL_LIMIT = 1000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HEADERS = {
  'content-type': 'application/json',
  'x-fremskudt-protocol': '1',
  'x-fremskudt-schema': '1',
};
/** ~600 characters, like a short life story: records of realistic size, not empty rows. */
const LIFE_STORY =
  'Har boet på herberg i perioder og sover nu mest hos en ven. Kommer på værestedet de fleste ' +
  'formiddage og vil gerne have hjælp til bolig og økonomi. Har en hund, som er vigtig for ham. ' +
  'Ønsker kontakt til egen læge og hjælp til at søge om en lejlighed gennem boligsocial anvisning. ' +
  'Er ikke interesseret i behandling lige nu, men vil gerne snakke om det senere.';

if (!existsSync(join(ROOT, 'dist/server/main.js'))) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

async function api(url, path, { token, body } = {}) {
  const response = await fetch(`${url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { ...HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const rate = (count, ms) => Math.round((count / ms) * 1000).toLocaleString('en');

async function benchPush(url, token) {
  const deviceId = `bench-${uuidv7().slice(-12)}`;
  const latencies = [];
  const started = performance.now();
  for (let done = 0; done < RECORDS; done += PUSH_BATCH) {
    const mutations = [];
    for (let i = done; i < Math.min(RECORDS, done + PUSH_BATCH); i++) {
      mutations.push({
        mutationId: uuidv7(),
        deviceId,
        entity: 'citizen',
        recordId: uuidv7(),
        op: 'create',
        fields: { firstName: `Bench${i}`, lastName: 'Testesen', lifeStory: LIFE_STORY },
        baseVersion: 0,
        clientTime: new Date().toISOString(),
      });
    }
    const t0 = performance.now();
    const { results } = await api(url, '/api/sync/push', { token, body: { deviceId, mutations } });
    latencies.push(performance.now() - t0);
    const refused = results.filter((r) => r.status !== 'applied');
    if (refused.length > 0) throw new Error(`push refused: ${JSON.stringify(refused[0])}`);
  }
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  console.log(
    `push  ${RECORDS} creations in ${(ms / 1000).toFixed(2)} s = ${rate(RECORDS, ms)} mutations/s ` +
      `(batch of ${PUSH_BATCH}: p50 ${percentile(latencies, 0.5).toFixed(0)} ms, ` +
      `p95 ${percentile(latencies, 0.95).toFixed(0)} ms)`,
  );
}

async function benchPull(url, token) {
  let after = 0;
  let changes = 0;
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const page = await api(url, `/api/sync/pull?after=${after}&limit=${PULL_LIMIT}`, { token });
    changes += page.changes.length;
    pages++;
    after = page.cursor;
    if (!page.hasMore) break;
  }
  const ms = performance.now() - started;
  console.log(
    `pull  ${changes} changes in ${pages} pages in ${(ms / 1000).toFixed(2)} s = ${rate(changes, ms)} changes/s`,
  );
  return changes;
}

async function benchFirstSync(url, changes) {
  const profile = await mkdtemp(join(tmpdir(), 'fremskudt-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    headless: true,
    baseURL: url,
    locale: 'da-DK',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/login');
    await page.getByLabel('Brugernavn').fill('anders');
    await page.getByLabel('Adgangskode').fill('demo');
    const started = performance.now();
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page
      .getByRole('region', { name: 'Synkronisering' })
      .getByRole('status')
      .getByText(/^Synkroniseret/)
      .waitFor({ timeout: 600_000 });
    const ms = performance.now() - started;
    console.log(
      `first sync in Chromium (login → all ${changes} changes in IndexedDB) ${(ms / 1000).toFixed(2)} s = ` +
        `${rate(changes, ms)} changes/s`,
    );
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

const server = await startServer({ tmpPrefix: 'fremskudt-bench-', sqliteName: 'bench.sqlite' });
const { url } = server;
try {
  console.log(`Fremskudt bench: ${RECORDS} records, SQLite, Node ${process.versions.node}`);
  const mette = await api(url, '/api/auth/login', {
    body: { username: 'mette', password: 'demo' },
  });
  const anders = await api(url, '/api/auth/login', {
    body: { username: 'anders', password: 'demo' },
  });
  await benchPush(url, mette.token);
  const changes = await benchPull(url, anders.token);
  await benchFirstSync(url, changes);
} finally {
  await server.stop();
}
