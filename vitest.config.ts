import { availableParallelism } from 'node:os';
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
 * The first four share one pool of at least two workers: vitest's default on a 2-core machine is
 * one (cores − 1), which leaves a core idle while a server test waits for PostgreSQL or a file
 * waits for its timers. Every file owns its database (tests/server/helpers/testDatabase.ts) and
 * its ports, so files may run side by side. The e2e files run one at a time after them, alone on
 * the machine: Chromium is timed there (autosave within 300 ms, typing without pause).
 */
export default defineConfig({
  plugins: [react()],
  test: {
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
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
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
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
