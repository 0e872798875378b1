#!/usr/bin/env node
// `npm run bench`: the benchmark suite (bench/README.md). Installs the bench's own package when
// missing or stale, builds the app (skip with BENCH_SKIP_BUILD=1 when dist/ is fresh), bundles
// the bench's TypeScript with esbuild, runs it.
import { execSync } from 'node:child_process';
import { ROOT, importBundled } from './lib/bundled.mjs';
import { ensureBenchDependencies } from './lib/benchDependencies.mjs';

ensureBenchDependencies(ROOT);
if (process.env.BENCH_SKIP_BUILD !== '1')
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
const { main } = await importBundled('bench/node/cli.ts', 'cli.mjs');
await main(ROOT);
