#!/usr/bin/env node
// `npm run bench:push`: the in-process push measure (bench/node/pushThroughput.ts), bundled with
// esbuild like the bench and run here; no build of the app is needed.
import { importBundled } from './lib/bundled.mjs';

const { main } = await importBundled('bench/node/pushThroughput.ts', 'pushThroughput.mjs');
await main();
