#!/usr/bin/env node
// `npm run bench:push`: the in-process push measure (bench/node/pushThroughput.ts), bundled with
// esbuild like the bench and run here; no build of the app is needed.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}.tmp/bench/pushThroughput.mjs`;

await build({
  entryPoints: [`${ROOT}bench/node/pushThroughput.ts`],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(OUT).href);
await main();
