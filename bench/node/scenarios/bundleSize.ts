/**
 * Scenario 9: JavaScript sent on first load, gzipped: the scripts index.html loads and preloads
 * (what the browser must have before the app runs). The service worker then precaches the rest;
 * that total is recorded beside it.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ResultRow } from '../result';
import type { BenchSettings } from '../settings';
import { fmt } from '../stats';

const gzipped = async (file: string) => gzipSync(await readFile(file), { level: 6 }).length;

export async function bundleSize(settings: BenchSettings): Promise<ResultRow> {
  const dist = join(settings.root, 'dist');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  const first: Record<string, number> = {};
  for (const src of new Set(scripts)) first[src] = await gzipped(join(dist, src));
  const firstTotal = Object.values(first).reduce((a, b) => a + b, 0);
  const assets = (await readdir(join(dist, 'assets'))).filter((f) => f.endsWith('.js'));
  let allTotal = 0;
  for (const f of assets) allTotal += await gzipped(join(dist, 'assets', f));
  const kb = firstTotal / 1024;
  return {
    id: '9',
    scenario: 'JavaScript on first load, gzipped',
    ours: `${fmt(kb, 1)} KB`,
    reference: '–',
    ratio: null,
    target: '≤ 120 KB',
    pass: kb <= 120,
    data: {
      firstLoadFiles: first,
      firstLoadBytes: firstTotal,
      allAssetsJsGzipBytes: allTotal,
      swJsGzipBytes: await gzipped(join(dist, 'sw.js')),
    },
  };
}
