import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
  /** CPU time the server process has used so far, in seconds (Linux /proc). */
  cpuSeconds: () => number;
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux x86_64). */
let clockTicks: number | undefined;

/**
 * CPU time, in seconds, of every process on this machine that `matches` (given its pid), with
 * that of their children that ended (processCpuSeconds). A process that exits during a measure
 * and is not the child of a matching one takes its share with it.
 */
export function processesCpuSeconds(matches: (pid: string) => boolean): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (matches(entry)) total += processCpuSeconds(Number(entry));
    } catch {
      // The process ended while we looked: its time is no longer there to count.
    }
  }
  return total;
}

/**
 * CPU time of every PostgreSQL process on this machine (server and backends), in seconds: the
 * database's share of a load run, when the bench has the machine to itself.
 */
export function postgresCpuSeconds(): number {
  return processesCpuSeconds(
    (pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres',
  );
}

export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After "pid (name) ": state is field 0, utime 11, stime 12, and the CPU of its children that
  // ended and were waited for, cutime 13 and cstime 14: PostgreSQL's backends end when the app's
  // pool closes an idle connection, and their time must still count.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / clockTicks;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

/** How long a stopped server may drain; the browser's idle keep-alive sockets would hold it 10 s. */
const STOP_GRACE_MS = 1_000;

export async function stopChild(child: ChildProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * The production server (dist/server/main.js) in its own process on a free loopback port, on a
 * database the bench has already migrated and filled, serving `staticDir` on the API's origin.
 */
export async function startAppServer(options: {
  root: string;
  sqlitePath?: string;
  postgresUrl?: string;
  staticDir: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE=1: the server writes a V8 CPU profile when it exits (it needs time to drain).
  const profile = process.env.BENCH_PROFILE === '1';
  const profileArgs = profile
    ? ['--cpu-prof', '--cpu-prof-dir', join(options.root, 'bench/results/profiles')]
    : [];
  const child = spawn(
    process.execPath,
    [...profileArgs, join(options.root, 'dist/server/main.js')],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: options.postgresUrl ?? '',
        // Unused with PostgreSQL, but the config requires a path.
        SQLITE_PATH: options.sqlitePath ?? 'unused.sqlite',
        STATIC_DIR: options.staticDir,
        DEMO_DATA: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    url,
    stop: () => stopChild(child, profile ? 15_000 : STOP_GRACE_MS),
    cpuSeconds: () => processCpuSeconds(child.pid),
  };
}
