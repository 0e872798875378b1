/**
 * Scenario 11: the statistics report (GET /api/statistics's query layer) for a quarter, every
 * location and 40 teams, on the issue's busy municipality: 1,000,000 contacts a year at 50
 * locations. Measured on one year of history, then on the same database grown to three years
 * (two earlier years added, the quarter's contacts the same), on SQLite and on PostgreSQL. The
 * report must answer within a second on the one year, and its cost must follow the period asked,
 * not the history: three years may cost at most 1.5× one year.
 * Contacts are inserted with one INSERT … SELECT per year (JSON built in SQL, one transaction).
 */
import { sql } from 'kysely';
import { reportMonths } from '../../../src/domain/statisticsPeriod';
import { createDatabase } from '../../../src/server/data/createDatabase';
import { runMigrations } from '../../../src/server/data/migrate';
import type { Database } from '../../../src/server/data/schema';
import { statisticsReport } from '../../../src/server/statistics/statisticsReport';
import type { BenchContext, ResultRow } from '../result';
import { scaled, type BenchSettings } from '../settings';
import { fmt, median } from '../stats';
import { processCpuSeconds } from '../serverProcess';
import { createTempPostgres } from '../tempPostgres';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** A busy municipality's year (the issue's size). */
const CONTACTS_PER_YEAR = 1_000_000;
const TEAMS = 40;
const LOCATIONS = 50;
/** The measured year; the two years before it are added for the second measurement. */
const YEAR = 2026;
const HISTORY_YEARS = 3;
const yearStart = (year: number) => Date.UTC(year, 0, 1) / 1000;
const FROM = '2026-07-01';
const TO = '2026-09-30';
const TARGET_MS = 1_000;
const TARGET_RATIO = 1.5;

/**
 * `count` contacts evenly over [start, start + seconds), spread over the teams and locations,
 * numbered from `first` (ids, citizens and the spread follow the number).
 */
async function insertContacts(
  database: Database,
  count: number,
  start: number,
  seconds: number,
  first: number,
) {
  const pg = database.dialect === 'postgres';
  const id = pg
    ? sql`'00000000-0000-4000-8000-' || lpad(cast(i as text), 12, '0')`
    : sql`'00000000-0000-4000-8000-' || substr('000000000000' || i, -12, 12)`;
  const location = pg
    ? sql`'00000000-0000-4000-9000-' || lpad(cast(i % ${sql.lit(LOCATIONS)} as text), 12, '0')`
    : sql`'00000000-0000-4000-9000-' || substr('000000000000' || (i % ${sql.lit(LOCATIONS)}), -12, 12)`;
  const step = seconds / count;
  const at = pg
    ? sql`to_char(to_timestamp(${sql.lit(start)} + (i - ${sql.lit(first)}) * ${sql.lit(step)}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${sql.lit(start)} + (i - ${sql.lit(first)}) * ${sql.lit(step)}, 'unixepoch')`;
  const pickOf = (items: string[], by: ReturnType<typeof sql>) =>
    sql`case ${sql.join(
      items.map((v, k) => sql`when ${by} % ${sql.lit(items.length)} = ${sql.lit(k)} then ${v}`),
      sql` `,
    )} end`;
  const ageGroup = pickOf(
    ['under-18', '18-24', '25-39', '40-59', '60-plus', 'unknown'],
    sql`(i / 7)`,
  );
  const gender = pickOf(['kvinde', 'mand', 'andet', 'ukendt'], sql`(i / 3)`);
  const topic = pickOf(
    ['bolig', 'misbrug', 'psykiatri', 'sundhed', 'oekonomi', 'netvaerk'],
    sql`(i / 11)`,
  );
  const kind = sql`case when i % 3 = 0 then 'named' else 'anonymous' end`;
  const citizen = sql`case when i % 3 = 0 then '00000000-0000-4000-a000-' || ${
    pg
      ? sql`lpad(cast(i % 5000 as text), 12, '0')`
      : sql`substr('000000000000' || (i % 5000), -12, 12)`
  } end`;
  const data = pg
    ? sql`json_build_object('id', x.id, 'teamId', x.team, 'visitId', x.id, 'locationId', x.location,
        'at', x.at, 'kind', x.kind, 'citizenId', x.citizen, 'ageGroup', x.age, 'gender', x.gender,
        'topics', json_build_array(x.topic), 'version', 1)::text`
    : sql`json_object('id', x.id, 'teamId', x.team, 'visitId', x.id, 'locationId', x.location,
        'at', x.at, 'kind', x.kind, 'citizenId', x.citizen, 'ageGroup', x.age, 'gender', x.gender,
        'topics', json_array(x.topic), 'version', 1)`;
  const last = first + count - 1;
  const series = pg
    ? sql`select i from generate_series(${sql.lit(first)}, ${sql.lit(last)}) as s(i)`
    : sql`with recursive n(i) as (select ${sql.lit(first)} union all select i + 1 from n where i < ${sql.lit(last)}) select i from n`;
  await sql`insert into records (entity, id, team_id, version, deleted, data, field_versions, updated_seq)
    select 'contact', x.id, x.team, 1, 0, ${data}, '{}', 0
    from (select ${id} as id, 'team-' || (i % ${sql.lit(TEAMS)}) as team, ${location} as location,
      ${at} as at, ${kind} as kind, ${citizen} as citizen, ${ageGroup} as age, ${gender} as gender,
      ${topic} as topic from (${series}) as s) as x`.execute(database.db);
}

/**
 * A database as a server in use has it: planner statistics; on PostgreSQL the visibility map
 * (index-only scans), as autovacuum keeps them; on SQLite the seeding's WAL written back, as the
 * automatic checkpoints keep it (the seeding wrote up to 2 GB in one transaction).
 */
async function analyze(database: Database) {
  if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
  else {
    await sql`analyze`.execute(database.db);
    await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
  }
}

/** The schema, the teams and `years` years of contacts ending with YEAR (the newest first). */
export async function seed(database: Database, contactsPerYear: number, years = 1) {
  await runMigrations(database);
  const now = new Date().toISOString();
  await database.db
    .insertInto('teams')
    .values(
      Array.from({ length: TEAMS }, (_, t) => ({
        id: `team-${t}`,
        name: `Team ${t}`,
        created_at: now,
      })),
    )
    .execute();
  await addYears(database, contactsPerYear, 0, years);
}

/** Years YEAR − from … YEAR − to + 1 of contacts, one statement per year; then ANALYZE. */
export async function addYears(
  database: Database,
  contactsPerYear: number,
  from: number,
  to: number,
) {
  for (let back = from; back < to; back++) {
    const start = yearStart(YEAR - back);
    const seconds = yearStart(YEAR - back + 1) - start;
    await insertContacts(database, contactsPerYear, start, seconds, back * contactsPerYear);
  }
  await analyze(database);
}

/** PostgreSQL: the backends of this database's connections (the pool's, open between reports). */
async function backendPids(database: Database): Promise<number[]> {
  if (database.dialect !== 'postgres') return [];
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`.execute(database.db);
  return rows.map((r) => r.pid);
}

const backendsCpuMs = (pids: readonly number[]) =>
  pids.reduce((sum, pid) => {
    try {
      return sum + processCpuSeconds(pid) * 1000;
    } catch {
      return sum; // the backend ended meanwhile
    }
  }, 0);

/** The default report (the quarter, every team and location), timed `reps` times after a warm-up. */
async function timeReport(
  database: Database,
  reps: number,
): Promise<{ ms: number[]; cpuMs: number[]; total: unknown; load: number }> {
  const request = {
    from: FROM,
    to: TO,
    months: reportMonths(FROM, TO),
    teams: Array.from({ length: TEAMS }, (_, t) => ({ id: `team-${t}`, name: `Team ${t}` })),
    availableTeams: [],
    threshold: 5,
    today: '2026-12-06',
    computedAt: new Date().toISOString(),
  };
  const first = await statisticsReport(database, request);
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const backends = await backendPids(database);
    const backends0 = backendsCpuMs(backends);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await statisticsReport(database, request);
    ms.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000 + backendsCpuMs(backends) - backends0);
  }
  // The machine's load while measuring, and the CPU each report took (this process's, and on
  // PostgreSQL its connections' backends; parallel workers, if a plan starts any, are not
  // counted): the report is CPU-bound, so on a shared machine its wall time follows the load.
  return { ms, cpuMs, total: first.contactsByLocation.total, load: loadavg()[0]! };
}

interface Measured {
  ms: number[];
  cpuMs: number[];
  total: unknown;
  load: number;
  seedSeconds: number;
}

/** One database: one year seeded and measured, then grown to HISTORY_YEARS and measured again. */
async function measure(
  database: Database,
  settings: BenchSettings,
  perYear: number,
  bench: BenchContext,
): Promise<{ year: Measured; history: Measured }> {
  const reps = Math.max(3, settings.reps);
  let started = performance.now();
  await seed(database, perYear, 1);
  const yearSeed = (performance.now() - started) / 1000;
  bench.log(`  one year seeded in ${fmt(yearSeed, 1)} s`);
  const year = { ...(await timeReport(database, reps)), seedSeconds: yearSeed };
  bench.log(
    `  one year: ${year.ms.map((m) => fmt(m, 0)).join(', ')} ms, CPU ${year.cpuMs.map((m) => fmt(m, 0)).join(', ')} ms (load ${fmt(year.load, 1)})`,
  );
  started = performance.now();
  await addYears(database, perYear, 1, HISTORY_YEARS);
  const moreSeed = (performance.now() - started) / 1000;
  bench.log(`  ${HISTORY_YEARS - 1} more years seeded in ${fmt(moreSeed, 1)} s`);
  const history = { ...(await timeReport(database, reps)), seedSeconds: moreSeed };
  bench.log(
    `  ${HISTORY_YEARS} years: ${history.ms.map((m) => fmt(m, 0)).join(', ')} ms, CPU ${history.cpuMs.map((m) => fmt(m, 0)).join(', ')} ms (load ${fmt(history.load, 1)})`,
  );
  return { year, history };
}

async function withDatabase<T>(
  dialect: 'sqlite' | 'postgres',
  settings: BenchSettings,
  run: (database: Database) => Promise<T>,
): Promise<T> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'fremskudt-bench-stats-'));
    const database = createDatabase({
      SQLITE_PATH: join(dir, 'stats.sqlite'),
      DATABASE_URL: undefined,
    });
    try {
      return await run(database);
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const temp = await createTempPostgres(settings.postgresUrl!, 'bench_stats');
  const database = createDatabase({
    DATABASE_URL: temp.url,
    SQLITE_PATH: ':memory:',
    PG_POOL_MAX: 8,
  });
  try {
    return await run(database);
  } finally {
    await database.close();
    await temp.drop();
  }
}

export async function statisticsScenario(
  settings: BenchSettings,
  bench: BenchContext,
): Promise<ResultRow[]> {
  const perYear = scaled(settings, CONTACTS_PER_YEAR, 2_000);
  const dialects = settings.postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
  const rows: ResultRow[] = [];
  for (const dialect of dialects) {
    bench.log(
      `11 (${dialect}): statistics over ${perYear} contacts a year, 1 and ${HISTORY_YEARS} years`,
    );
    const { year, history } = await withDatabase(dialect, settings, (database) =>
      measure(database, settings, perYear, bench),
    );
    const y = median(year.ms);
    const h = median(history.ms);
    rows.push({
      id: dialect === 'sqlite' ? '11s' : '11p',
      scenario: `statistics report, a quarter of ${TEAMS} teams at ${LOCATIONS} locations (${dialect}), ${fmt(perYear)} contacts a year: history of 1 year vs ${HISTORY_YEARS} years`,
      ours: `${fmt(y, 0)} ms (1 year), ${fmt(h, 0)} ms (${HISTORY_YEARS} years)`,
      reference: `${fmt(y, 0)} ms (1 year)`,
      ratio: h / y,
      target: `≤ ${TARGET_MS} ms, ${HISTORY_YEARS} years ≤ ${TARGET_RATIO}× 1 year`,
      pass: y <= TARGET_MS && h <= TARGET_MS && h / y <= TARGET_RATIO,
      data: {
        dialect,
        contactsPerYear: perYear,
        historyYears: HISTORY_YEARS,
        locations: LOCATIONS,
        teams: TEAMS,
        oneYearMs: year.ms,
        historyMs: history.ms,
        cpuMs: { oneYear: year.cpuMs, history: history.cpuMs },
        seedSeconds: { oneYear: year.seedSeconds, moreYears: history.seedSeconds },
        reportedTotal: { oneYear: year.total, history: history.total },
        loadAverage: { oneYear: year.load, history: history.load },
      },
    });
  }
  return rows;
}
