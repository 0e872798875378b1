/**
 * In-process measure of the server's pull pages (`pullChanges` of syncApi: the statement, the
 * page's body as the route sends it), no HTTP, on SQLite and PostgreSQL: a first sync of a
 * seeded caseload (10 % citizens, the rest notes, as scenario 2) read page by page, with pages of
 * 1,000 changes (a first sync) and of 60 (about what a device of scenario 8 pulls), CPU and wall
 * time per 100,000 records. Run by `npm run bench:pull` (scripts/bench-pull.mjs);
 * PULL_BENCH_RECORDS (default 100,000), PULL_BENCH_ROUNDS (default 3) and PULL_BENCH_PG_URL
 * (default the bench's server, empty to skip) tune it.
 */
import { INITIAL_PULL_CURSOR } from '../../src/protocol';
import type { Database } from '../../src/server/data/schema';
import { pullChanges } from '../../src/server/syncApi/pullChanges';
import { createBenchUser, onEachBenchDatabase, seedCaseload } from './serverAdapter';
import { fmt, median } from './stats';

const USER = { id: 'pull-bench', teamId: 'pull-bench-team' };
const PAGE_SIZES = [1_000, 60] as const;

export interface PullMeasure {
  limit: number;
  pages: number;
  megabytes: number;
  /** Per 100,000 records, one per round. */
  cpuMs: number[];
  wallMs: number[];
}

/** Seeds `records` changes of one team into `database` (citizens a tenth of them). */
export async function seedPullCaseload(database: Database, records: number): Promise<void> {
  await createBenchUser(database, USER);
  const citizens = Math.max(1, Math.round(records / 10));
  await seedCaseload(database, USER, { citizens, notes: records - citizens });
}

/** Reads every page of the team's change log from the beginning, `rounds` times per page size. */
export async function measurePull(
  database: Database,
  rounds: number,
  pageSizes: readonly number[] = PAGE_SIZES,
): Promise<PullMeasure[]> {
  const measures: PullMeasure[] = [];
  for (const limit of pageSizes) {
    const measure: PullMeasure = { limit, pages: 0, megabytes: 0, cpuMs: [], wallMs: [] };
    for (let round = 0; round < rounds; round++) {
      let cursor = INITIAL_PULL_CURSOR;
      let records = 0;
      let bytes = 0;
      let pages = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (;;) {
        const page = await pullChanges(database, [USER.teamId], { cursor, limit });
        records += page.count;
        bytes += page.json.length;
        pages++;
        // The cursor is at the body's end: read it from there, as a client would from the whole.
        const tail = page.json.subarray(page.json.lastIndexOf('],"cursor":') + 2).toString();
        const { hasMore, nextCursor } = JSON.parse(`{${tail}`) as {
          hasMore: boolean;
          nextCursor: string;
        };
        if (!hasMore) break;
        cursor = nextCursor;
      }
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const per100k = 100_000 / Math.max(1, records);
      measure.cpuMs.push(((cpu.user + cpu.system) / 1000) * per100k);
      measure.wallMs.push(wall * per100k);
      measure.pages = pages;
      measure.megabytes = bytes / 1e6;
    }
    measures.push(measure);
  }
  return measures;
}

async function run(label: string, open: () => Promise<Database>, records: number, rounds: number) {
  const database = await open();
  try {
    await seedPullCaseload(database, records);
    for (const m of await measurePull(database, rounds)) {
      console.log(
        `${label}: pages of ${m.limit}: ${m.pages} pages, ${fmt(m.megabytes)} MB; per 100,000 ` +
          `records CPU ${m.cpuMs.map((v) => fmt(v)).join(' / ')} ms (median ${fmt(median(m.cpuMs))}), ` +
          `wall ${m.wallMs.map((v) => fmt(v)).join(' / ')} ms`,
      );
    }
  } finally {
    await database.close();
  }
}

export async function main(): Promise<void> {
  const records = Number(process.env.PULL_BENCH_RECORDS ?? 100_000);
  const rounds = Number(process.env.PULL_BENCH_ROUNDS ?? 3);
  const pgUrl = process.env.PULL_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  await onEachBenchDatabase('pullbench', pgUrl, (label, open) => run(label, open, records, rounds));
}
