/**
 * Scenario 8: 200 devices syncing at once against one server on loopback, on SQLite and on
 * PostgreSQL. A device is a loop of sync cycles (push 5 new notes, then pull until up to date)
 * with 2–6 s between cycles, all 200 starting within the first second; teams of 10 devices. The
 * server is warmed up first by one more team syncing back to back, unmeasured (below).
 * Devices pull with the opaque cursor, as the app does.
 * Bounded in time (BENCH_LOAD_SECONDS) and run from this process with node:http (keep-alive).
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { newId } from '../../../src/domain/ids';
import { INITIAL_PULL_CURSOR } from '../../../src/protocol';
import { protocolHeaders } from '../../../src/sync/apiClient';
import { citizenFields, noteFields } from '../../shared/generate';
import type { BenchContext, ResultRow } from '../result';
import { startSeededServer } from '../seededServer';
import { postgresCpuSeconds } from '../serverProcess';
import { createDeviceUsers } from '../serverAdapter';
import type { BenchSettings } from '../settings';
import { fmt, percentile } from '../stats';

const DEVICES_PER_TEAM = 10;
const MUTATIONS_PER_PUSH = 5;
const THINK_MS = { min: 2_000, max: 6_000 };
/** The first seconds, when every device's first sync arrives within about one second. */
const BURST_MS = 5_000;

interface Tally {
  push: number[];
  /** When each push was answered, in ms after the start. */
  pushDoneAt: number[];
  /** Push latencies of cycles started after the first BURST_MS: the steady state. */
  steadyPush: number[];
  startedAt: number;
  pull: number[];
  errors: string[];
  cycles: number;
}

/**
 * The devices' HTTP client: node:http over keep-alive connections (one per device at a time).
 * Not fetch: undici's fetch cost the load generator about 3 ms of CPU per sync cycle, taken from
 * the same two cores the server and PostgreSQL run on; this costs a fraction of that.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function call(url: string, token: string, body?: unknown): Promise<unknown> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        agent,
        method: payload === undefined ? 'GET' : 'POST',
        headers: {
          ...protocolHeaders(token),
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new Error(`HTTP ${status} ${text.slice(0, 200)}`));
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A device's pace: its first cycle within `startWithinMs`, then `think` between cycles. */
interface Pace {
  startWithinMs: number;
  think: { min: number; max: number };
}

const MEASURED: Pace = { startWithinMs: 1_000, think: THINK_MS };
/**
 * Before the measured devices start, one more team's devices sync back to back for
 * settings.warmUpSeconds, unmeasured: a municipality's server has been running when the drop-in
 * centre opens, so its code is compiled and its database connections are open. Without it the
 * first pushes of a cold process took 150-270 ms on SQLite too, whatever the load.
 */
const WARM_UP: Pace = { startWithinMs: 0, think: { min: 0, max: 0 } };

const newTally = (): Tally => ({
  push: [],
  pushDoneAt: [],
  steadyPush: [],
  startedAt: performance.now(),
  pull: [],
  errors: [],
  cycles: 0,
});

async function device(
  origin: string,
  { token, deviceId }: { token: string; deviceId: string },
  index: number,
  until: number,
  tally: Tally,
  pace: Pace,
) {
  // Each device first registers a citizen of its own team, then writes notes about them (the
  // server accepts notes only about an existing citizen of the writer's team).
  const citizenId = newId();
  let citizenSent = false;
  // Pulls as the app does: the initial cursor, then each answer's opaque per-scope cursor (the
  // numeric `after` is the legacy path, which on PostgreSQL waits for the team's writers).
  let cursor = INITIAL_PULL_CURSOR;
  await sleep(Math.random() * pace.startWithinMs);
  while (performance.now() < until) {
    try {
      const clientTime = new Date().toISOString();
      const notes = Array.from({ length: MUTATIONS_PER_PUSH }, (_, i) => ({
        mutationId: newId(),
        deviceId,
        entity: 'note',
        recordId: newId(),
        op: 'create',
        fields: { ...noteFields(index * 1000 + tally.cycles + i, 1, 'load'), citizenId },
        baseVersion: 0,
        clientTime,
      }));
      const citizen = {
        mutationId: newId(),
        deviceId,
        entity: 'citizen',
        recordId: citizenId,
        op: 'create',
        fields: { ...citizenFields(index), usualLocationIds: [], consents: [] },
        baseVersion: 0,
        clientTime,
      };
      const mutations = citizenSent ? notes : [citizen, ...notes];
      let t0 = performance.now();
      const pushed = (await call(`${origin}/api/sync/push`, token, { deviceId, mutations })) as {
        results: { status: string }[];
      };
      const pushMs = performance.now() - t0;
      tally.push.push(pushMs);
      tally.pushDoneAt.push(performance.now() - tally.startedAt);
      if (t0 - tally.startedAt > BURST_MS) tally.steadyPush.push(pushMs);
      citizenSent = true;
      const refused = pushed.results.filter((r) => r.status !== 'applied').length;
      if (refused > 0) tally.errors.push(`${refused} mutations not applied`);
      for (;;) {
        t0 = performance.now();
        const page = (await call(`${origin}/api/sync/pull?limit=500&cursor=${cursor}`, token)) as {
          nextCursor: string;
          hasMore: boolean;
        };
        tally.pull.push(performance.now() - t0);
        cursor = page.nextCursor;
        if (!page.hasMore) break;
      }
      tally.cycles++;
    } catch (error) {
      tally.errors.push(error instanceof Error ? error.message : String(error));
    }
    await sleep(pace.think.min + Math.random() * (pace.think.max - pace.think.min));
  }
}

async function loadOne(settings: BenchSettings, bench: BenchContext, postgresUrl: string | null) {
  const label = postgresUrl ? 'PostgreSQL' : 'SQLite';
  const devices = settings.devices;
  // The disk quiet first: the scenarios before this one wrote gigabytes of browser profiles, and
  // while the kernel still writes them back a database's fsync (SQLite's WAL checkpoint,
  // PostgreSQL's commit) waited up to a second, stalling every push behind it (run F, bench/README.md).
  execFileSync('sync');
  const server = await startSeededServer({
    root: settings.root,
    staticDir: settings.assetsDir,
    postgresUrl,
    seed: async (database) => ({
      devices: await createDeviceUsers(
        database,
        // The last team warms the server up.
        Math.ceil(devices / DEVICES_PER_TEAM) + 1,
        DEVICES_PER_TEAM,
      ),
    }),
  });
  try {
    const seeded = server.seeded.devices as { token: string; deviceId: string }[];
    const tokens = seeded.slice(0, devices);
    const warmUp = newTally();
    const warmUntil = performance.now() + settings.warmUpSeconds * 1000;
    await Promise.all(
      seeded
        .slice(-DEVICES_PER_TEAM)
        .map((d, i) => device(server.url, d, devices + i, warmUntil, warmUp, WARM_UP)),
    );
    if (warmUp.errors.length > 0) throw new Error(`Warm-up failed: ${warmUp.errors[0]}`);
    bench.log(
      `8: ${tokens.length} devices on ${label} for ${settings.loadSeconds} s (after ${warmUp.cycles} warm-up cycles)`,
    );
    const tally = newTally();
    const started = tally.startedAt;
    const cpuBefore = server.cpuSeconds();
    const pgBefore = postgresUrl ? postgresCpuSeconds() : 0;
    const generatorBefore = process.cpuUsage();
    const until = started + settings.loadSeconds * 1000;
    await Promise.all(tokens.map((d, i) => device(server.url, d, i, until, tally, MEASURED)));
    const seconds = (performance.now() - started) / 1000;
    const p99 = percentile(tally.push, 0.99);
    // What the server's work costs, and how long every device's first push took to be answered:
    // with p99 over the run, at most 1 % of the pushes may wait longer than 250 ms.
    const perCycle = (seconds: number) => (seconds * 1000) / Math.max(1, tally.cycles);
    const cpuMsPerCycle = perCycle(server.cpuSeconds() - cpuBefore);
    const pgMsPerCycle = postgresUrl ? perCycle(postgresCpuSeconds() - pgBefore) : 0;
    const generator = process.cpuUsage(generatorBefore);
    // The simulated devices share the machine's cores with the server: their cost counts too.
    const generatorMsPerCycle = perCycle((generator.user + generator.system) / 1e6);
    const burstDrainedMs = [...tally.pushDoneAt].sort((a, b) => a - b)[tokens.length - 1];
    const database = postgresUrl ? ` + PostgreSQL ${fmt(pgMsPerCycle, 1)} ms` : '';
    const cost = `server CPU per sync cycle: Node ${fmt(cpuMsPerCycle, 1)} ms${database}; every device's first push answered after ${fmt(burstDrainedMs ?? Number.NaN)} ms`;
    return {
      label,
      p99,
      row: {
        id: postgresUrl ? '8b' : '8a',
        scenario: `${tokens.length} devices syncing at once, ${label}`,
        ours: `push p50 ${fmt(percentile(tally.push, 0.5))} / p99 ${fmt(p99)} ms on a server warmed up for ${settings.warmUpSeconds} s (after the first ${BURST_MS / 1000} s: p99 ${fmt(percentile(tally.steadyPush, 0.99))} ms), ${tally.errors.length} errors; ${cost}`,
        reference: '–',
        ratio: null,
        target: 'no errors, p99 push ≤ 250 ms',
        pass: tally.errors.length === 0 && p99 <= 250,
        data: {
          devices: tokens.length,
          seconds,
          cycles: tally.cycles,
          serverCpuMsPerCycle: cpuMsPerCycle,
          postgresCpuMsPerCycle: postgresUrl ? pgMsPerCycle : null,
          loadGeneratorCpuMsPerCycle: generatorMsPerCycle,
          firstPushesAnsweredAfterMs: burstDrainedMs,
          warmUpCycles: warmUp.cycles,
          mutationsPerSecond: (tally.push.length * MUTATIONS_PER_PUSH) / seconds,
          pushP50: percentile(tally.push, 0.5),
          pushP95: percentile(tally.push, 0.95),
          pushP99: p99,
          steadyPushP50: percentile(tally.steadyPush, 0.5),
          steadyPushP99: percentile(tally.steadyPush, 0.99),
          pullP50: percentile(tally.pull, 0.5),
          pullP99: percentile(tally.pull, 0.99),
          errors: tally.errors.slice(0, 20),
          errorCount: tally.errors.length,
        },
      } satisfies ResultRow,
    };
  } finally {
    await server.stop();
  }
}

export async function manyDevices(
  settings: BenchSettings,
  bench: BenchContext,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [(await loadOne(settings, bench, null)).row];
  if (settings.postgresUrl) rows.push((await loadOne(settings, bench, settings.postgresUrl)).row);
  return rows;
}
