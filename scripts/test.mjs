#!/usr/bin/env node
// `npm test`: the one gate. Sets up what it can by itself, then runs every check in order:
// prerequisites, typecheck, lint, format, build, vitest. When no PostgreSQL answers at
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and the machine has
// PostgreSQL's binaries, a throwaway cluster serves this run (TEST_DATABASE_URL points at it for
// every step) and is removed at the end. What cannot be set up fails with the command that fixes it.
//
// `npm test -- <vitest filters…>` runs the prerequisites and only those tests (no static checks,
// no build: the end-to-end tests then need `npm run build` first).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  findPostgresBin,
  postgresAnswers,
  startThrowawayPostgres,
} from './lib/throwawayPostgres.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const filters = process.argv.slice(2);

const steps = [
  ['node', ['scripts/check-prerequisites.mjs']],
  ...(filters.length > 0
    ? []
    : [
        ['npm', ['run', '-s', 'typecheck']],
        ['npm', ['run', '-s', 'lint']],
        ['npm', ['run', '-s', 'format:check']],
        ['npm', ['run', '-s', 'build']],
      ]),
  ['npx', ['vitest', 'run', ...filters]],
];

let throwaway = null;
const url = process.env.TEST_DATABASE_URL || DEFAULT_URL;
const answer = await postgresAnswers(url);
// 3D000: the server answers but the database is missing; check-prerequisites says how to create it.
if (!answer.ok && answer.code !== '3D000' && findPostgresBin()) {
  try {
    throwaway = await startThrowawayPostgres();
    process.env.TEST_DATABASE_URL = throwaway.url;
  } catch (error) {
    console.error(`test: could not start a throwaway PostgreSQL: ${error.message}`);
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    throwaway?.stop();
    process.exit(130);
  });
}

let status = 0;
try {
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (result.status !== 0) {
      status = result.status ?? 1;
      console.error(`\ntest: \`${command} ${args.join(' ')}\` failed`);
      break;
    }
  }
} finally {
  throwaway?.stop();
}
process.exit(status);
