import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMachineSpeed, measureMachineSpeed } from '../../bench/node/machineSpeed';
import { reportSettings, writeResults, type BenchReport } from '../../bench/node/runBench';
import { readSettings } from '../../bench/node/settings';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SPEED = {
  jsLoopMs: 1,
  tcpRoundTripUs: 1,
  tcpCpuUs: 1,
  pgRoundTripUs: null,
  pgNodeCpuUs: null,
};

function reportFor(env: NodeJS.ProcessEnv, at: string): BenchReport {
  return {
    at,
    machine: { cpus: 2, cpuModel: 'test', memoryGiB: 1, os: 'test', node: '20', chromium: '1' },
    speed: { start: SPEED, end: SPEED },
    settings: reportSettings(readSettings('/unused', '/unused', env)),
    rows: [],
    minutes: 1,
  };
}

function resultsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  dirs.push(dir);
  // The committed table of an earlier full run.
  writeFileSync(join(dir, 'latest.json'), '{"full":true}\n');
  return dir;
}

describe('bench results', () => {
  it.each([
    ['BENCH_ONLY=8', { BENCH_ONLY: '8' }],
    ['BENCH_QUICK=1', { BENCH_QUICK: '1' }],
    ['BENCH_SCALE=0.5', { BENCH_SCALE: '0.5' }],
    ['BENCH_DEVICES=20', { BENCH_DEVICES: '20' }],
    ['BENCH_LOAD_SECONDS=5', { BENCH_LOAD_SECONDS: '5' }],
  ])('a partial run (%s) keeps the full run in latest.json and says so', async (_, env) => {
    const dir = resultsDir();
    const logged: string[] = [];
    await writeResults(dir, reportFor(env, '2026-11-30T10:00:00.000Z'), {
      log: (m) => logged.push(m),
    });
    expect(readFileSync(join(dir, 'latest.json'), 'utf8')).toBe('{"full":true}\n');
    expect(readdirSync(dir).sort()).toEqual(['2026-11-30T10-00-00-000Z.json', 'latest.json']);
    expect(logged.join('\n')).toContain('latest.json is left as it was');
  });

  it('a full run replaces latest.json and keeps its own timestamped copy', async () => {
    const dir = resultsDir();
    const report = reportFor({}, '2026-11-30T11:00:00.000Z');
    await writeResults(dir, report, { log: () => {} });
    const latest = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as BenchReport;
    expect(latest.at).toBe(report.at);
    expect(readFileSync(join(dir, '2026-11-30T11-00-00-000Z.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'latest.json'), 'utf8'),
    );
  });
});

describe('the machine speed line', () => {
  it('measures real loopback round trips here and says when PostgreSQL was not measured', async () => {
    const speed = await measureMachineSpeed(null);
    expect(speed.jsLoopMs).toBeGreaterThan(0);
    expect(speed.tcpRoundTripUs).toBeGreaterThan(0);
    expect(speed.tcpCpuUs).toBeGreaterThan(0);
    expect(speed.pgRoundTripUs).toBeNull();
    expect(formatMachineSpeed(speed)).toMatch(
      /^JS loop \d+ ms · TCP echo \d+ µs \(CPU \d+ µs\) · PostgreSQL not measured$/,
    );
    expect(formatMachineSpeed({ ...speed, pgRoundTripUs: 170.4, pgNodeCpuUs: 149.6 })).toContain(
      'PostgreSQL statement 170 µs (Node CPU 150 µs)',
    );
  });

  it('stops with what to set when PostgreSQL cannot be reached', async () => {
    const failure = measureMachineSpeed('postgres://postgres:secret@127.0.0.1:1/none');
    await expect(failure).rejects.toThrow(
      /PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none cannot be reached \(BENCH_PG_URL/,
    );
    await expect(failure).rejects.not.toThrow(/secret/);
  });
});
