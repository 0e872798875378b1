import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Five projects, one command (`vitest run`):
 * - unit: domain rules, db repositories and React screens in jsdom with fake-indexeddb (all under
 *   tests/unit/, mirroring src/);
 * - server: the Fastify app against SQLite and PostgreSQL;
 * - integration: the client sync engine against the real server in-process;
 * - bench: `npm run bench`'s machinery at a tiny scale (no timing asserted);
 * - e2e: the production build served by the project's server, driven in real Chromium.
 *
 * vitest's default pool (cores − 1 workers) stays: on 2 cores a second worker made the server
 * project slower, not faster (157 s with one, 172 s with two), since PostgreSQL and Node share
 * the same cores. `npm test` (scripts/test.mjs) runs each project in a vitest process of its own,
 * in two lanes side by side; the e2e files run one at a time within their lane.
 *
 * unit, server, integration and e2e run with `isolate: false`: the files of a project share one worker,
 * its module graph and (unit) its jsdom window, instead of a new one per file. Setting that up
 * took longer than the tests themselves (unit: 190 s against 33 s). Each file still starts from a
 * clean state: its own databases and servers (server, integration), and a page-like reset of the
 * window, web storage and the page's stores (tests/setup/jsdom.ts).
 */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          // A screen test types and clicks like a user; on a busy 2-core machine that can pass
          // vitest's 5 s default without anything being wrong.
          testTimeout: 20_000,
          setupFiles: ['tests/setup/jsdom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          isolate: false,
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          isolate: false,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/node-indexeddb.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.test.ts'],
          environment: 'node',
          // The smoke run takes about 95 s alone on 2 cores; beside another test file, longer.
          testTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          isolate: false,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
