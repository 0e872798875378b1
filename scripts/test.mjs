#!/usr/bin/env node
// `npm test`: the one gate. Sets up what it can by itself, then runs every check in order:
// prerequisites, typecheck, lint, format, build, vitest. When no PostgreSQL answers at
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and the machine has
// PostgreSQL's binaries, a throwaway cluster serves this run (TEST_DATABASE_URL points at it for
// every step) and is removed at the end. What cannot be set up fails with the command that fixes it.
//
// `npm test -- <vitest filters…>` runs the prerequisites and only those tests (no static checks,
// no build: the end-to-end tests then need `npm run build` first).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  findPostgresBin,
  postgresAnswers,
  startThrowawayPostgres,
} from './lib/throwawayPostgres.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const filters = process.argv.slice(2);

/** One step: a command, or several run side by side (each one's output printed when it ends). */
const steps = [
  [['node', ['scripts/check-prerequisites.mjs']]],
  ...(filters.length > 0
    ? []
    : [
        // The static checks share nothing and each keeps about one core busy: side by side they
        // take as long as the slowest instead of the sum.
        [
          ['npm', ['run', '-s', 'typecheck']],
          ['npm', ['run', '-s', 'lint']],
          ['npm', ['run', '-s', 'format:check']],
        ],
        [['npm', ['run', '-s', 'build']]],
      ]),
  [['npx', ['vitest', 'run', ...filters]]],
];

function runOne([command, args], buffered) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: process.env,
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      if (buffered) {
        console.log(`\n> ${command} ${args.join(' ')}`);
        process.stdout.write(Buffer.concat(output));
      }
      if (code !== 0) console.error(`\ntest: \`${command} ${args.join(' ')}\` failed`);
      resolve(code ?? 1);
    });
  });
}

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
  for (const step of steps) {
    const codes = await Promise.all(step.map((command) => runOne(command, step.length > 1)));
    status = codes.find((code) => code !== 0) ?? 0;
    if (status !== 0) break;
  }
} finally {
  throwaway?.stop();
}
process.exit(status);
