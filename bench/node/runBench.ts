/**
 * `npm run bench`: runs the scenarios (bench/README.md), prints one table and writes
 * bench/results/<timestamp>.json and latest.json with the machine the figures come from.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { formatMachineSpeed, measureMachineSpeed, type MachineSpeed } from './machineSpeed';
import type { BenchContext, ResultRow } from './result';
import { appOpening } from './scenarios/appOpening';
import { bundleSize } from './scenarios/bundleSize';
import { caseloadScenarios } from './scenarios/caseload';
import { erasureScenario } from './scenarios/erasure';
import { longChangeLog } from './scenarios/longChangeLog';
import { manyDevices } from './scenarios/manyDevices';
import { pouchPeer } from './scenarios/pouchPeer';
import { statisticsScenario } from './scenarios/statistics';
import { typingDuringSync } from './scenarios/typingDuringSync';
import { DEFAULT_SETTINGS, runsScenario, type BenchSettings } from './settings';
import { fmt } from './stats';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
}

export interface BenchReport {
  at: string;
  machine: Machine;
  /** The machine's speed at the start and at the end of the run (machineSpeed.ts). */
  speed: { start: MachineSpeed; end: MachineSpeed };
  settings: {
    scale: number;
    reps: number;
    only: number[] | null;
    loadSeconds: number;
    devices: number;
  };
  rows: ResultRow[];
  minutes: number;
}

export function formatTable(rows: readonly ResultRow[]): string {
  const header = ['#', 'scenario', 'ours', 'reference', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [
    r.id,
    r.scenario,
    r.ours,
    r.reference,
    r.ratio === null ? '–' : `${fmt(r.ratio, 2)}×`,
    r.target,
    r.pass === null ? '–' : r.pass ? 'pass' : 'MISS',
  ]);
  return [header, header.map(() => '---'), ...lines]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}

export function formatMachine(m: Machine): string {
  return `${m.cpus} × ${m.cpuModel}, ${fmt(m.memoryGiB)} GiB, ${m.os}, Node ${m.node}, Chromium ${m.chromium}`;
}

export function formatSpeed(speed: BenchReport['speed']): string {
  return `start: ${formatMachineSpeed(speed.start)}\n       end: ${formatMachineSpeed(speed.end)}`;
}

/** The settings a report records: what makes a run full or partial (isFullRun). */
export function reportSettings(settings: BenchSettings): BenchReport['settings'] {
  return {
    scale: settings.scale,
    reps: settings.reps,
    only: settings.only ? [...settings.only] : null,
    loadSeconds: settings.loadSeconds,
    devices: settings.devices,
  };
}

export async function runBench(
  settings: BenchSettings,
  bench: BenchContext = {
    log: (m) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`),
  },
): Promise<BenchReport> {
  const started = performance.now();
  const on = (n: number) => runsScenario(settings, n);
  const rows: ResultRow[] = [];
  const speedAtStart = await measureMachineSpeed(settings.postgresUrl);
  bench.log(`Machine speed: ${formatMachineSpeed(speedAtStart)}`);
  const browser = await launchChromium(settings.chromium);
  try {
    if ([1, 2, 4, 6].some(on))
      rows.push(...(await caseloadScenarios(settings, browser.context, bench)));
    if (on(3)) rows.push(await pouchPeer(settings, bench, rows));
    if (on(5)) rows.push(await longChangeLog(settings, browser.context, bench));
    if (on(7)) rows.push(...(await appOpening(settings, browser.context, bench)));
    if (on(10)) rows.push(await typingDuringSync(settings, browser.context, bench));
  } finally {
    await browser.close();
  }
  if (on(8)) rows.push(...(await manyDevices(settings, bench)));
  if (on(9)) rows.push(await bundleSize(settings));
  if (on(11)) rows.push(...(await statisticsScenario(settings, bench)));
  if (on(12)) rows.push(await erasureScenario(settings, bench));
  rows.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const speedAtEnd = await measureMachineSpeed(settings.postgresUrl);
  const cpu = cpus();
  const report: BenchReport = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      memoryGiB: totalmem() / 1024 ** 3,
      os: `${osType()} ${release()}`,
      node: process.versions.node,
      chromium: browser.version,
    },
    speed: { start: speedAtStart, end: speedAtEnd },
    settings: reportSettings(settings),
    rows,
    minutes: (performance.now() - started) / 60_000,
  };
  if (settings.resultsDir) await writeResults(settings.resultsDir, report, bench);
  return report;
}

/**
 * A run of every scenario at the issue's sizes and defaults: only such a run may stand for the
 * bench as a whole (latest.json, the READMEs' tables). BENCH_ONLY, BENCH_QUICK, BENCH_SCALE,
 * BENCH_DEVICES or shorter load make a partial run.
 */
export function isFullRun(settings: BenchReport['settings']): boolean {
  return (
    settings.only === null &&
    settings.scale === 1 &&
    settings.reps >= DEFAULT_SETTINGS.reps &&
    settings.devices === DEFAULT_SETTINGS.devices &&
    settings.loadSeconds >= DEFAULT_SETTINGS.loadSeconds
  );
}

/**
 * Writes the report to `<dir>/<time>.json`, and to `<dir>/latest.json` (committed) only for a
 * full run: a partial run (say BENCH_ONLY=8 while profiling) must not replace the full table.
 */
export async function writeResults(
  dir: string,
  report: BenchReport,
  bench: BenchContext,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const files = [join(dir, `${report.at.replace(/[:.]/g, '-')}.json`)];
  if (isFullRun(report.settings)) files.push(join(dir, 'latest.json'));
  else bench.log('A partial run: latest.json is left as it was (only a full run replaces it).');
  for (const file of files) await writeFile(file, json);
  return files;
}
