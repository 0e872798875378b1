import { readFileSync } from 'node:fs';
import { processesCpuSeconds } from './serverProcess';

/** CPU time, in seconds, of every Chromium process on this machine (browser, renderers, utilities). */
export function chromiumCpuSeconds(): number {
  return processesCpuSeconds((pid) => {
    const exe = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return /chrom/i.test(exe.split('/').at(-1) ?? '');
  });
}

/** The machine's CPU counters from /proc/stat, in clock ticks: all, and idle (incl. I/O wait). */
function machineTicks(): { all: number; idle: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const ticks = fields.map(Number);
  return { all: ticks.reduce((a, b) => a + b, 0), idle: (ticks[3] ?? 0) + (ticks[4] ?? 0) };
}

export interface CpuUse {
  /** Chromium's CPU seconds (all its processes: the page, the storage backend, the network). */
  browser: number;
  /** The app server's CPU seconds (0 where no server takes part). */
  server: number;
  /** How busy the whole machine was, 0–1 (1: every core all the time). */
  machineBusy: number;
}

/**
 * Runs `work` and reports the CPU it took beside its result: where the machine's cores are all
 * busy, time follows CPU, and two ways of doing the same job compare by the CPU they need.
 */
export async function measureCpu<T>(
  work: () => Promise<T>,
  serverCpuSeconds: () => number = () => 0,
): Promise<{ result: T; cpu: CpuUse }> {
  const browser0 = chromiumCpuSeconds();
  const server0 = serverCpuSeconds();
  const machine0 = machineTicks();
  const result = await work();
  const machine1 = machineTicks();
  const all = machine1.all - machine0.all;
  return {
    result,
    cpu: {
      browser: chromiumCpuSeconds() - browser0,
      server: serverCpuSeconds() - server0,
      machineBusy: all > 0 ? 1 - (machine1.idle - machine0.idle) / all : Number.NaN,
    },
  };
}
