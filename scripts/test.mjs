#!/usr/bin/env node
// `npm test`: the one gate. Sets up what it can by itself, then runs every check: prerequisites,
// typecheck, lint, format, build and the five vitest projects. When no PostgreSQL answers at
// TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and the machine has
// PostgreSQL's binaries, a throwaway cluster serves this run (TEST_DATABASE_URL points at it for
// every step) and is removed at the end. What cannot be set up fails with the command that fixes it.
//
// Two stages: the build (the end-to-end tests and the bench use it); then three lanes side by
// side: the static checks (typecheck, format, lint) then the unit tests; half of the end-to-end
// files, then integration, bench; the server tests, then the other half (see `stages`). The three
// take about as long, so neither core idles at the end. One vitest run alone left a core mostly
// idle while the browser tests waited for Chromium and timers, and the lint alone at the start
// left one idle too. Each line of a test step's output is prefixed with its name as it arrives; a
// static check prints its output when it ends.
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

const vitest = (...args) => ['npx', ['vitest', 'run', ...args]];
const step = (name, run, stream = true) => ({ name, run, stream });

/**
 * The checks, in stages: the tasks of a stage run side by side, and a stage starts only when the
 * one before has passed. A lane is a list of steps run one after the other (each step runs even
 * when one before it in the lane failed, so one run reports every failure). Every vitest project
 * runs in a vitest process of its own: its files then share one worker (isolate off), which a run
 * of several projects does not do. The end-to-end files are split in two shards, in two lanes;
 * the lanes take about as long (420–500 s each on 2 cores).
 */
const stages =
  filters.length > 0
    ? [[[step('vitest', vitest(...filters))]]]
    : [
        [[step('build', ['npm', ['run', '-s', 'build']], false)]],
        [
          [
            step('typecheck', ['npm', ['run', '-s', 'typecheck']], false),
            step('format', ['npm', ['run', '-s', 'format:check']], false),
            step('lint', ['npm', ['run', '-s', 'lint']], false),
            step('unit', vitest('--project', 'unit')),
          ],
          [
            step('e2e 2/2', vitest('--project', 'e2e', '--shard=2/2')),
            step('integration', vitest('--project', 'integration')),
            step('bench', vitest('--project', 'bench')),
          ],
          [
            step('server', vitest('--project', 'server')),
            step('e2e 1/2', vitest('--project', 'e2e', '--shard=1/2')),
          ],
        ],
      ];

/** Runs one step; its output prefixed as it comes (stream) or printed whole at the end. */
function runTask(task) {
  const [command, args] = task.run;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = [];
    let partial = '';
    const onData = (chunk) => {
      if (!task.stream) return output.push(chunk);
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${task.name}] ${line}\n`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (partial) process.stdout.write(`[${task.name}] ${partial}\n`);
      if (!task.stream) {
        console.log(`\n> ${command} ${args.join(' ')}`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`test: ${task.name} ${code === 0 ? 'passed' : 'FAILED'} (${seconds} s)`);
      resolve(code ?? 1);
    });
  });
}

/** Runs the stages; returns the names of the steps that failed (or were not run). */
async function runStages() {
  const failed = [];
  for (const [i, stage] of stages.entries()) {
    await Promise.all(
      stage.map(async (lane) => {
        for (const task of lane) if ((await runTask(task)) !== 0) failed.push(task.name);
      }),
    );
    if (failed.length > 0 && i < stages.length - 1) {
      const skipped = stages
        .slice(i + 1)
        .flatMap((s) => s.flatMap((lane) => lane.map((t) => t.name)));
      console.log(`test: not run, since a check before them failed: ${skipped.join(', ')}`);
      failed.push(...skipped);
      break;
    }
  }
  return failed;
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

let status;
const started = Date.now();
try {
  status = await runTask({
    name: 'prerequisites',
    run: ['node', ['scripts/check-prerequisites.mjs']],
  });
  if (status === 0) {
    const failed = await runStages();
    if (failed.length > 0) console.error(`\ntest: failed: ${failed.join(', ')}`);
    status = failed.length > 0 ? 1 : 0;
  }
} finally {
  throwaway?.stop();
}
console.log(
  `test: ${status === 0 ? 'every check passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(status);
