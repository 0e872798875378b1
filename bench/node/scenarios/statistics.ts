/**
 * Scenario 10: the statistics report (GET /api/statistics's query layer) for a quarter and every
 * location of 40 teams, on a history of 1,000,000 contacts at 50 locations over four years, and
 * on a database holding that quarter's contacts only, on SQLite and on PostgreSQL. The report
 * must answer within a second, and its cost must follow the period asked, not the history.
 * Contacts are inserted in one SQL statement per database, JSON built in SQL, as a push stores them.
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
import { createTempPostgres } from '../tempPostgres';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CONTACTS = 1_000_000;
const TEAMS = 40;
const LOCATIONS = 50;
/** The history: 2023-01-01 to 2027-01-01 (UTC), 16 quarters; the report asks for Q3 2026. */
const HISTORY_START = Date.UTC(2023, 0, 1) / 1000;
const HISTORY_SECONDS = Date.UTC(2027, 0, 1) / 1000 - HISTORY_START;
const QUARTER_START = Date.UTC(2026, 6, 1) / 1000;
const QUARTER_SECONDS = Date.UTC(2026, 9, 1) / 1000 - QUARTER_START;
const FROM = '2026-07-01';
const TO = '2026-09-30';
const TARGET_MS = 1_000;

/** `count` contacts evenly over [start, start + seconds), spread over the teams and locations. */
async function insertContacts(database: Database, count: number, start: number, seconds: number) {
  const pg = database.dialect === 'postgres';
  const id = pg
    ? sql`'00000000-0000-4000-8000-' || lpad(cast(i as text), 12, '0')`
    : sql`'00000000-0000-4000-8000-' || substr('000000000000' || i, -12, 12)`;
  const location = pg
    ? sql`'00000000-0000-4000-9000-' || lpad(cast(i % ${sql.lit(LOCATIONS)} as text), 12, '0')`
    : sql`'00000000-0000-4000-9000-' || substr('000000000000' || (i % ${sql.lit(LOCATIONS)}), -12, 12)`;
  const step = seconds / count;
  const at = pg
    ? sql`to_char(to_timestamp(${sql.lit(start)} + i * ${sql.lit(step)}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${sql.lit(start)} + i * ${sql.lit(step)}, 'unixepoch')`;
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
  const series = pg
    ? sql`select i from generate_series(0, ${sql.lit(count - 1)}) as s(i)`
    : sql`with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${sql.lit(count)}) select i from n`;
  await sql`insert into records (entity, id, team_id, version, deleted, data, field_versions, updated_seq)
    select 'contact', x.id, x.team, 1, 0, ${data}, '{}', 0
    from (select ${id} as id, 'team-' || (i % ${sql.lit(TEAMS)}) as team, ${location} as location,
      ${at} as at, ${kind} as kind, ${citizen} as citizen, ${ageGroup} as age, ${gender} as gender,
      ${topic} as topic from (${series}) as s) as x`.execute(database.db);
}

export async function seed(database: Database, contacts: number, start: number, seconds: number) {
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
  await insertContacts(database, contacts, start, seconds);
  if (database.dialect === 'postgres') await sql`analyze records`.execute(database.db);
  else await sql`analyze`.execute(database.db);
}

/** The default report (the quarter, every team and location), timed `reps` times after a warm-up. */
async function timeReport(
  database: Database,
  reps: number,
): Promise<{ ms: number[]; total: unknown }> {
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
  for (let r = 0; r < reps; r++) {
    const started = performance.now();
    await statisticsReport(database, request);
    ms.push(performance.now() - started);
  }
  return { ms, total: first.contactsByLocation.total };
}

async function measure(
  dialect: 'sqlite' | 'postgres',
  settings: BenchSettings,
  contacts: number,
  start: number,
  seconds: number,
): Promise<{ ms: number[]; total: unknown }> {
  const reps = Math.max(3, settings.reps);
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'fremskudt-bench-stats-'));
    const database = createDatabase({
      SQLITE_PATH: join(dir, 'stats.sqlite'),
      DATABASE_URL: undefined,
    });
    try {
      await seed(database, contacts, start, seconds);
      return await timeReport(database, reps);
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
    await seed(database, contacts, start, seconds);
    return await timeReport(database, reps);
  } finally {
    await database.close();
    await temp.drop();
  }
}

export async function statisticsScenario(
  settings: BenchSettings,
  bench: BenchContext,
): Promise<ResultRow[]> {
  const history = scaled(settings, CONTACTS, 1_600);
  // The same density: the quarter's share of the four years.
  const quarterOnly = Math.max(100, Math.round((history * QUARTER_SECONDS) / HISTORY_SECONDS));
  const dialects = settings.postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
  const rows: ResultRow[] = [];
  for (const dialect of dialects) {
    bench.log(`10 (${dialect}): statistics over ${history} contacts and over ${quarterOnly}`);
    const big = await measure(dialect, settings, history, HISTORY_START, HISTORY_SECONDS);
    const small = await measure(dialect, settings, quarterOnly, QUARTER_START, QUARTER_SECONDS);
    const b = median(big.ms);
    const s = median(small.ms);
    rows.push({
      id: dialect === 'sqlite' ? '11s' : '11p',
      scenario: `statistics report, a quarter of ${TEAMS} teams (${dialect}), history of ${fmt(history)} contacts vs the quarter's ${fmt(quarterOnly)}`,
      ours: `${fmt(b, 0)} ms`,
      reference: `${fmt(s, 0)} ms (quarter only)`,
      ratio: b / s,
      target: `≤ ${TARGET_MS} ms, ≤ 1.5×`,
      pass: b <= TARGET_MS && b / s <= 1.5,
      data: {
        dialect,
        historyContacts: history,
        quarterContacts: quarterOnly,
        locations: LOCATIONS,
        teams: TEAMS,
        historyMs: big.ms,
        quarterOnlyMs: small.ms,
        reportedTotal: { history: big.total, quarterOnly: small.total },
      },
    });
  }
  return rows;
}
