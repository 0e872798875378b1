#!/usr/bin/env node
// `npm run bench`: the benchmark suite (README, section Benchmark). Builds the app (skip with
// BENCH_SKIP_BUILD=1 when dist/ is fresh), bundles the bench's TypeScript with esbuild, runs it.
import { execSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}.tmp/bench/cli.mjs`;

if (process.env.BENCH_SKIP_BUILD !== '1')
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
await build({
  entryPoints: [`${ROOT}bench/node/cli.ts`],
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
await main(ROOT);
