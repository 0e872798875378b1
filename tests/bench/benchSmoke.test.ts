import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBenchAssets } from '../../bench/node/bundles';
import { formatTable, runBench } from '../../bench/node/runBench';
import { readSettings } from '../../bench/node/settings';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Scenario 3's peer (PouchDB) lives in the bench's own package, which `npm ci` of the app does
 * not install; `npm run bench:smoke` installs it and runs this file with BENCH_SMOKE_POUCH=1.
 */
const withPouch = process.env.BENCH_SMOKE_POUCH === '1';

/**
 * The benchmark's machinery at a tiny scale (200 records, one repetition, 10 devices for 1 s
 * after a warm-up of 0.5 s):
 * every scenario runs end to end against the production build and real Chromium and yields a
 * figure. No timing is asserted here; the targets live in `npm run bench`.
 */
describe('npm run bench, at a tiny scale', () => {
  it(`runs every scenario ${withPouch ? 'with' : 'but'} the PouchDB peer (3) and reports a finite figure for each`, async () => {
    const assetsDir = join(ROOT, '.tmp/bench-smoke/assets');
    await buildBenchAssets(ROOT, assetsDir, { pouch: withPouch });
    const settings = {
      ...readSettings(ROOT, assetsDir, {
        BENCH_ONLY: withPouch ? '' : '1,2,4,5,6,7,8,9,10,11,12',
        BENCH_SCALE: '0.002',
        BENCH_REPS: '1',
        BENCH_DEVICES: '10',
        BENCH_LOAD_SECONDS: '1',
        BENCH_WARM_UP_SECONDS: '0.5',
        BENCH_PG_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      }),
      resultsDir: null,
    };
    const report = await runBench(settings, { log: () => {} });

    expect(report.rows.map((r) => r.id)).toEqual([
      '1',
      '1f',
      '1s',
      '2',
      '2c',
      '2f',
      '2h',
      '2s',
      '2z',
      ...(withPouch ? ['3'] : []),
      '4',
      '5',
      '6',
      '6p',
      '7',
      '7r',
      '8a',
      '8b',
      '9',
      '10',
      '11p',
      '11s',
      '12',
    ]);
    for (const row of report.rows) {
      if (row.ratio !== null) expect(Number.isFinite(row.ratio), row.id).toBe(true);
      expect(row.ours, row.id).not.toContain('NaN');
    }
    // Row 2c counts Chromium's CPU from /proc (a real browser did the work) and the server's (a
    // few clock ticks at this scale, perhaps none; NaN if its process was not found).
    const cpu = report.rows.find((r) => r.id === '2c')?.data as {
      ours: { browser: number; server: number }[];
      reference: { browser: number }[];
    };
    expect(cpu.ours[0]!.browser).toBeGreaterThan(0);
    expect(Number.isFinite(cpu.ours[0]!.server)).toBe(true);
    expect(cpu.reference[0]!.browser).toBeGreaterThan(0);
    // Scenario 8 warmed each server up before the measured devices started.
    for (const id of ['8a', '8b']) {
      const load = report.rows.find((r) => r.id === id)?.data as { warmUpCycles: number };
      expect(load.warmUpCycles, id).toBeGreaterThan(0);
    }
    expect(report.machine.cpus).toBeGreaterThan(0);
    // The machine's speed, measured before and after: real round trips, PostgreSQL's too.
    for (const speed of [report.speed.start, report.speed.end]) {
      expect(speed.jsLoopMs).toBeGreaterThan(0);
      expect(speed.tcpRoundTripUs).toBeGreaterThan(0);
      expect(speed.pgRoundTripUs).toBeGreaterThan(speed.tcpRoundTripUs / 10);
      expect(speed.pgNodeCpuUs).toBeGreaterThan(0);
    }
    expect(formatTable(report.rows)).toContain('| 9 |');
  });
});
