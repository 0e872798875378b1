/**
 * What a bench run measures, read once from the environment (bench/README.md):
 * BENCH_QUICK=1 a smoke run at 2 % of the data; BENCH_SCALE multiplies the data sizes;
 * BENCH_REPS repetitions per scenario; BENCH_ONLY=2,3 picks scenarios; BENCH_PG_URL the
 * PostgreSQL server for scenarios 8 and 11 (empty to skip PostgreSQL); BENCH_LOAD_SECONDS and
 * BENCH_WARM_UP_SECONDS its durations; CHROMIUM_PATH the browser.
 */
export interface BenchSettings {
  root: string;
  /** Where the built bench pages and bundles are. */
  assetsDir: string;
  /** Multiplies every data size (1 = the sizes). */
  scale: number;
  reps: number;
  only: ReadonlySet<number> | null;
  chromium: string;
  postgresUrl: string | null;
  loadSeconds: number;
  /** Scenario 8: how long one extra team warms the server up, unmeasured, before the devices start. */
  warmUpSeconds: number;
  devices: number;
  resultsDir: string | null;
}

/** The sizes and durations: what a full run (bench/results/latest.json) uses. */
export const DEFAULT_SETTINGS = { reps: 3, loadSeconds: 20, warmUpSeconds: 3, devices: 200 };

const number = (value: string | undefined, fallback: number) =>
  value !== undefined && value.trim() !== '' && Number.isFinite(Number(value))
    ? Number(value)
    : fallback;

export function readSettings(
  root: string,
  assetsDir: string,
  env: NodeJS.ProcessEnv = process.env,
): BenchSettings {
  const quick = env.BENCH_QUICK === '1';
  const only = env.BENCH_ONLY?.trim()
    ? new Set(env.BENCH_ONLY.split(',').map((s) => Number(s.trim())))
    : null;
  return {
    root,
    assetsDir,
    scale: number(env.BENCH_SCALE, quick ? 0.02 : 1),
    reps: Math.max(1, number(env.BENCH_REPS, quick ? 2 : DEFAULT_SETTINGS.reps)),
    only,
    chromium: env.CHROMIUM_PATH || '/usr/bin/chromium',
    postgresUrl:
      env.BENCH_PG_URL === undefined
        ? 'postgres://postgres@127.0.0.1:5432/postgres'
        : env.BENCH_PG_URL.trim() || null,
    loadSeconds: number(env.BENCH_LOAD_SECONDS, quick ? 5 : DEFAULT_SETTINGS.loadSeconds),
    warmUpSeconds: number(env.BENCH_WARM_UP_SECONDS, quick ? 1 : DEFAULT_SETTINGS.warmUpSeconds),
    devices: number(env.BENCH_DEVICES, DEFAULT_SETTINGS.devices),
    resultsDir: `${root}/bench/results`,
  };
}

/** Whether this run includes scenario `n` (BENCH_ONLY). */
export const runsScenario = (settings: BenchSettings, n: number) =>
  !settings.only || settings.only.has(n);

/** A data size scaled for this run, never below `min`. */
export const scaled = (settings: BenchSettings, size: number, min = 10) =>
  Math.max(min, Math.round(size * settings.scale));
