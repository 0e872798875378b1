#!/usr/bin/env node
// `npm run bench:pull`: the in-process measure of the server's pull pages
// (bench/node/pullThroughput.ts), bundled with esbuild like the bench and run here; no build of the
// app is needed.
import { importBundled } from './lib/bundled.mjs';

const { main } = await importBundled('bench/node/pullThroughput.ts', 'pullThroughput.mjs');
await main();
