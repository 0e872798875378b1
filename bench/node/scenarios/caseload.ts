/**
 * Scenarios 1, 2, 4 and 6 share one server: team `bench` holds the caseload a new tablet pulls
 * (scenario 2), team `bench-push` starts empty and receives scenario 4's pushes. The page is
 * served by that server, so the sync engine talks to its own origin as in the app.
 */
import type { BrowserContext } from 'playwright-core';
import { callBench, openBenchPage } from '../benchPage';
import { withFreshChromium } from '../chromium';
import { measureCpu, type CpuUse } from '../cpuMeter';
import { maybeProfile } from '../cpuProfile';
import type { BenchContext, ResultRow } from '../result';
import { startSeededServer } from '../seededServer';
import { capturePullPages, startReplayServer, type ReplayServer } from '../replayServer';
import { createBenchSessions, createBenchUser, seedCaseload } from '../serverAdapter';
import { scaled, type BenchSettings } from '../settings';
import { fmt, median, percentile, perSecond } from '../stats';

/** Scenario 2's caseload: 100,000 records, a tenth of them citizens, the rest journal notes. */
const CASELOAD_RECORDS = 100_000;
const PUSH_MUTATIONS = 10_000;
const SAVE_PAIRS = 300;
const SEARCH_CITIZENS = 10_000;
const SEARCH_NOTES = 50_000;
/** Scenario 6p: the citizen's file printed as PDF on the device. */
const PRINT_NOTES = 500;

export async function caseloadScenarios(
  settings: BenchSettings,
  context: BrowserContext,
  bench: BenchContext,
): Promise<ResultRow[]> {
  const on = (n: number) => !settings.only || settings.only.has(n);
  const records = scaled(settings, CASELOAD_RECORDS, 100);
  const citizens = Math.round(records / 10);
  bench.log(`seeding ${records} records (server data layer, one transaction)`);
  const server = await startSeededServer({
    root: settings.root,
    staticDir: settings.assetsDir,
    seed: async (database) => {
      await createBenchUser(database, { id: 'bench-a', teamId: 'bench' });
      // The pushing device belongs to the same team: its notes are about the team's citizens.
      await createBenchUser(database, { id: 'bench-push', teamId: 'bench' });
      if (on(2) || on(4))
        await seedCaseload(
          database,
          { id: 'bench-a', teamId: 'bench' },
          { citizens, notes: records - citizens },
        );
      const [pullToken] = await createBenchSessions(database, 'bench-a', 1);
      const [pushToken] = await createBenchSessions(database, 'bench-push', 1);
      return { pullToken, pushToken };
    },
  });
  const rows: ResultRow[] = [];
  try {
    const page = await openBenchPage(context, server.url);
    const pullToken = String(server.seeded.pullToken);
    const pushToken = String(server.seeded.pushToken);
    if (on(1)) rows.push(...(await saveNote(settings, page, bench)));
    const fresh: Fresh = (work, origin = server.url) =>
      withFreshChromium(settings.chromium, async (freshContext) =>
        work(await openBenchPage(freshContext, origin)),
      );
    if (on(2)) {
      const replay = await startReplayServer(
        await capturePullPages(server.url, pullToken),
        server.url,
      );
      try {
        rows.push(...(await firstSync(settings, fresh, bench, pullToken, server, replay)));
      } finally {
        await replay.stop();
      }
    }
    if (on(4)) rows.push(...(await pushQueued(settings, fresh, bench, pushToken, rows, citizens)));
    if (on(6)) rows.push(await search(settings, page, bench));
    if (on(6)) rows.push(await printCitizen(settings, page, bench));
    await page.close();
  } finally {
    await server.stop();
  }
  return rows;
}

type Page = Awaited<ReturnType<typeof openBenchPage>>;
/**
 * Runs `work` on the bench page of a new Chromium with an empty profile (chromium.ts says why),
 * served by the app server, or by `origin` (the replay of scenario 2).
 */
type Fresh = <T>(work: (page: Page) => Promise<T>, origin?: string) => Promise<T>;

async function saveNote(
  settings: BenchSettings,
  page: Page,
  bench: BenchContext,
): Promise<ResultRow[]> {
  const pairs = scaled(settings, SAVE_PAIRS, 20);
  bench.log(`1: ${pairs} note saves alternating with ${pairs} bare puts`);
  const { ours, reference, floor, seal } = await callBench(page, 'saveNotes', pairs);
  const f50 = median(floor);
  const s50 = median(seal);
  const o50 = median(ours);
  const o95 = percentile(ours, 0.95);
  const r50 = median(reference);
  const r95 = percentile(reference, 0.95);
  const ratio = o50 / r50;
  const first: ResultRow = {
    id: '1',
    scenario: 'save a journal note (record + outbox), p50 / p95',
    ours: `${fmt(o50, 2)} / ${fmt(o95, 2)} ms`,
    reference: `bare put ${fmt(r50, 2)} / ${fmt(r95, 2)} ms`,
    ratio,
    target: '≤ 1.5× (p50)',
    pass: ratio <= 1.5,
    data: {
      pairs,
      oursP50: o50,
      oursP95: o95,
      refP50: r50,
      refP95: r95,
      p95Ratio: o95 / r95,
      // The least a record-plus-outbox write costs: both puts bare in one transaction.
      floorP50: f50,
      floorRatio: f50 / r50,
    },
  };
  return [
    first,
    floorRow('1f', 'floor: bare put of record + outbox entry, one transaction', {
      ours: `${fmt(f50, 2)} / ${fmt(percentile(floor, 0.95), 2)} ms`,
      reference: first.reference,
      ratio: f50 / r50,
      target: '(what the target allows)',
      pass: null,
      data: { floor },
    }),
    // Sealing (issue 4) must finish before the transaction opens, so a sealed save costs at
    // least the floor plus this: the two rows together are the least the app can take.
    floorRow('1s', 'what sealing adds: record + outbox entry sealed (AES-GCM), concurrently', {
      ours: `${fmt(s50, 2)} / ${fmt(percentile(seal, 0.95), 2)} ms`,
      reference: first.reference,
      ratio: s50 / r50,
      target: `floor + sealing: ${fmt((f50 + s50) / r50, 2)}×`,
      pass: null,
      data: { seal },
    }),
  ];
}

async function firstSync(
  settings: BenchSettings,
  fresh: Fresh,
  bench: BenchContext,
  token: string,
  server: { url: string; cpuSeconds: () => number },
  replay: ReplayServer,
): Promise<ResultRow[]> {
  let loaded = 0;
  const floor: number[] = [];
  // Per timed run: records per second, and CPU per 1,000 records (core-milliseconds) with how
  // busy the machine was.
  const samples = () => ({ rates: [] as number[], cpu: [] as CpuUse[] });
  const ours = samples();
  const reference = samples();
  const overHttp = samples();
  const replayed = samples();
  const bareReplayed = samples();
  let rep = 0;
  /** Times `work`: its records per second and CPU per 1,000 records go into `into`. */
  const pull = async (
    into: ReturnType<typeof samples>,
    label: string,
    cpuOf: () => number,
    work: () => Promise<{ ms: number; records: number }>,
  ) => {
    const { result, cpu } = await measureCpu(work, cpuOf);
    into.rates.push(perSecond(result.records, result.ms));
    into.cpu.push(perThousand(cpu, result.records));
    bench.log(`2: ${label}, ${result.records} in ${fmt(result.ms)} ms, ${cpuText(cpu)}`);
  };
  const runs = {
    ref: async (page: Page) => {
      loaded = await callBench(page, 'loadCaseload', token);
      await pull(
        reference,
        'reference bulkPut',
        () => 0,
        () => callBench(page, 'bulkPutReference'),
      );
    },
    floor: async (page: Page) => {
      loaded = await callBench(page, 'loadCaseload', token);
      const f = await callBench(page, 'bulkPutChunkedFloor');
      floor.push(perSecond(f.records, f.ms));
      bench.log(`2: floor, bulkPut 1,000 per transaction, ${f.records} in ${fmt(f.ms)} ms`);
    },
    ours: (page: Page) =>
      pull(ours, 'first sync', server.cpuSeconds, () =>
        maybeProfile(page, settings.resultsDir, `s2-first-sync-${rep}`, () =>
          callBench(page, 'firstSync', token),
        ),
      ),
    http: (page: Page) =>
      pull(overHttp, 'over HTTP, stored bare', server.cpuSeconds, () =>
        callBench(page, 'httpPullFloor', token),
      ),
    replayed: (page: Page) =>
      pull(replayed, 'first sync, pages replayed', replay.cpuSeconds, () =>
        callBench(page, 'firstSync', token),
      ),
    bareReplayed: (page: Page) =>
      pull(bareReplayed, 'pages replayed, stored bare', replay.cpuSeconds, () =>
        callBench(page, 'httpPullFloor', token),
      ),
  };
  type Run = keyof typeof runs;
  const onReplay: ReadonlySet<Run> = new Set(['replayed', 'bareReplayed']);
  const order: Run[] = ['ref', 'ours', 'floor', 'http', 'replayed', 'bareReplayed'];
  for (rep = 0; rep < settings.reps; rep++) {
    // Alternate the order, so a slow stretch of the machine hits all alike. Each run is a new
    // device: its own browser profile (the references load the records untimed first).
    for (const which of rep % 2 === 0 ? order : [...order].reverse()) {
      await fresh(runs[which], onReplay.has(which) ? replay.url : server.url);
    }
  }
  const o = median(ours.rates);
  const r = median(reference.rates);
  const oCpu = median(ours.cpu.map((c) => c.browser + c.server));
  const rCpu = median(reference.cpu.map((c) => c.browser));
  const busy = (list: CpuUse[]) => `${fmt(100 * median(list.map((c) => c.machineBusy)))} %`;
  /** A row of a pull measured beside row 2: its rate against the reference, and its CPU. */
  const pullRow = (
    id: string,
    scenario: string,
    target: string,
    { rates, cpu }: ReturnType<typeof samples>,
  ) =>
    floorRow(id, scenario, {
      ours: `${fmt(median(rates))} records/s, ${cpuPerThousand(cpu)}`,
      reference: `bulkPut ${fmt(r)} records/s`,
      ratio: median(rates) / r,
      target,
      pass: null,
      data: { perSecond: rates, cpu },
    });
  return [
    {
      id: '2',
      scenario: `first sync of ${fmt(loaded)} records (HTTP + validation + IndexedDB)`,
      ours: `${fmt(o)} records/s`,
      reference: `bulkPut ${fmt(r)} records/s`,
      ratio: o / r,
      target: '≥ 0.8×',
      pass: o / r >= 0.8,
      data: { records: loaded, oursPerSecond: ours.rates, referencePerSecond: reference.rates },
    },
    floorRow('2f', 'floor: the same bulkPut, 1,000 records per transaction', {
      ours: `${fmt(median(floor))} records/s`,
      reference: `bulkPut ${fmt(r)} records/s`,
      ratio: median(floor) / r,
      target: '(what the target allows)',
      pass: null,
      data: { perSecond: floor },
    }),
    // Plain records cost IndexedDB more than the app's sealed rows (a blob and a few clear
    // fields), so the app can beat this row: it is the server's pages as plain data, not a floor.
    pullRow(
      '2h',
      'over HTTP: the same pull pages stored bare (no validation, no sealing)',
      '(plain records from this server)',
      overHttp,
    ),
    pullRow(
      '2z',
      'the same first sync from a server that costs nothing: its pages replayed from memory',
      '(the most a faster server could give the app)',
      replayed,
    ),
    pullRow(
      '2s',
      'floor of HTTP: those replayed pages stored bare (no server, no validation, no sealing)',
      '(plain records over HTTP on this machine)',
      bareReplayed,
    ),
    // With every core busy, time follows CPU: the reference's CPU over ours is the most the
    // ratio in row 2 can reach on this machine, whatever the order of the work.
    floorRow('2c', 'CPU per 1,000 records (Chromium + server), machine busy', {
      ours: `${fmt(oCpu)} core-ms (server ${fmt(median(ours.cpu.map((c) => c.server)))}), busy ${busy(ours.cpu)}`,
      reference: `bulkPut ${fmt(rCpu)} core-ms, busy ${busy(reference.cpu)}`,
      ratio: rCpu / oCpu,
      target: '(ceiling while the cores are saturated)',
      pass: null,
      data: { ours: ours.cpu, reference: reference.cpu },
    }),
  ];
}

/** Median CPU per 1,000 records of a run's repetitions: Chromium + server, and the server's. */
function cpuPerThousand(list: readonly CpuUse[]): string {
  const all = median(list.map((c) => c.browser + c.server));
  return `${fmt(all)} core-ms per 1,000 (server ${fmt(median(list.map((c) => c.server)))})`;
}

/** CPU use scaled to 1,000 records, in core-milliseconds; machine busy left as it is. */
function perThousand(cpu: CpuUse, records: number): CpuUse {
  const scale = 1_000_000 / Math.max(1, records);
  return { browser: cpu.browser * scale, server: cpu.server * scale, machineBusy: cpu.machineBusy };
}

function cpuText(cpu: CpuUse): string {
  const server = cpu.server > 0 ? ` + server ${fmt(cpu.server, 1)} s` : '';
  return `CPU: Chromium ${fmt(cpu.browser, 1)} s${server}, machine ${fmt(100 * cpu.machineBusy)} % busy`;
}

async function pushQueued(
  settings: BenchSettings,
  fresh: Fresh,
  bench: BenchContext,
  token: string,
  earlier: readonly ResultRow[],
  citizens: number,
): Promise<ResultRow[]> {
  const count = scaled(settings, PUSH_MUTATIONS, 50);
  const rates: number[] = [];
  for (let rep = 0; rep < settings.reps; rep++) {
    const r = await fresh((page) =>
      maybeProfile(page, settings.resultsDir, `s4-push-${rep}`, () =>
        callBench(page, 'pushQueued', token, count, rep * count, citizens),
      ),
    );
    if (r.acknowledged !== count) throw new Error(`4: ${r.acknowledged} of ${count} acknowledged`);
    rates.push(perSecond(count, r.ms));
    bench.log(`4: pushed ${count} in ${fmt(r.ms)} ms`);
  }
  const o = median(rates);
  const pull = earlier.find((row) => row.id === '2');
  const pullRate = pull ? median(pull.data.oursPerSecond as number[]) : Number.NaN;
  const ratio = o / pullRate;
  const first: ResultRow = {
    id: '4',
    scenario: `push ${fmt(count)} queued mutations`,
    ours: `${fmt(o)} mutations/s`,
    reference: pull ? `scenario 2: ${fmt(pullRate)} records/s` : '–',
    ratio: Number.isFinite(ratio) ? ratio : null,
    target: '≥ 0.5× scenario 2',
    pass: Number.isFinite(ratio) ? ratio >= 0.5 : null,
    data: { mutations: count, perSecond: rates },
  };
  return [first];
}

async function search(
  settings: BenchSettings,
  page: Page,
  bench: BenchContext,
): Promise<ResultRow> {
  const count = scaled(settings, SEARCH_CITIZENS, 100);
  const notes = scaled(settings, SEARCH_NOTES, 100);
  const keystrokes: number[] = [];
  const builds: number[] = [];
  for (let rep = 0; rep < settings.reps; rep++) {
    const r = await callBench(page, 'searchKeystrokes', count, notes);
    keystrokes.push(...r.keystrokes);
    builds.push(r.buildMs);
  }
  const m = median(keystrokes);
  bench.log(`6: ${keystrokes.length} keystrokes, median ${fmt(m, 2)} ms`);
  return {
    id: '6',
    scenario: `search per keystroke, ${fmt(count)} citizens and ${fmt(notes)} notes (name/alias/CPR/phone/note text)`,
    ours: `median ${fmt(m, 2)} ms, p95 ${fmt(percentile(keystrokes, 0.95), 2)} ms`,
    reference: '–',
    ratio: null,
    target: 'median ≤ 16 ms',
    pass: m <= 16,
    data: {
      citizens: count,
      notes,
      keystrokes,
      indexBuildMs: builds,
      indexBuildMedianMs: median(builds),
    },
  };
}

async function printCitizen(
  settings: BenchSettings,
  page: Page,
  bench: BenchContext,
): Promise<ResultRow> {
  const notes = scaled(settings, PRINT_NOTES, 20);
  const reps = Math.max(3, settings.reps);
  const r = await callBench(page, 'printCitizen', notes, reps);
  const o50 = median(r.ours);
  const r50 = median(r.reference);
  bench.log(`6p: PDF of ${notes} notes, median ${fmt(o50, 0)} ms`);
  return {
    id: '6p',
    scenario: `citizen's file as PDF on the device, ${fmt(notes)} notes (read + PDF)`,
    ours: `median ${fmt(o50, 0)} ms`,
    reference: `reading the notes ${fmt(r50, 1)} ms`,
    ratio: o50 / r50,
    target: '≤ 3,000 ms',
    pass: o50 <= 3000,
    data: { notes, ours: r.ours, reference: r.reference, bytes: r.bytes },
  };
}

/** A row measured beside the app's figure (the least any implementation could take), marked ↳. */
function floorRow(
  id: string,
  scenario: string,
  figures: Pick<ResultRow, 'ours' | 'reference' | 'ratio' | 'target' | 'pass' | 'data'>,
): ResultRow {
  return { id, scenario: `↳ ${scenario}`, ...figures };
}
