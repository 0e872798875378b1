import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AGE_GROUPS, CONTACT_TOPICS, GENDERS } from '../../domain/contact';
import {
  protectCount,
  protectLinkedTables,
  protectTable,
  type ProtectedTable,
} from '../../domain/smallNumbers';
import type { ReportMonth } from '../../domain/statisticsPeriod';
import {
  CONTACT_KINDS,
  FOLLOW_UP_MEASURES,
  type NamedRow,
  type StatisticsReport,
} from '../../protocol/statistics';
import type { Database, Dialect, Schema } from '../data/schema';
import { field, fieldSql } from './recordFields';

export interface ReportRequest {
  from: string;
  to: string;
  months: readonly ReportMonth[];
  teams: readonly NamedRow[];
  availableTeams: readonly NamedRow[];
  /** Absent: every location. */
  locationIds?: readonly string[];
  threshold: number;
  /** Today's local date, for "overdue". */
  today: string;
  computedAt: string;
}

/**
 * Live records of one entity: written as literals, so the partial statistics indexes (which say
 * `entity = '…' and deleted = 0`) apply; a bound parameter would hide that from SQLite's planner.
 */
const live = (entity: string) => sql.raw(`records.entity = '${entity}' and records.deleted = 0`);

/** The report month an instant (or date) expression falls in; the period bounds it already. */
function monthOf(expression: RawBuilder<string | null>, months: readonly ReportMonth[]) {
  const last = months[months.length - 1]!;
  if (months.length === 1) return sql<string>`cast(${last.month} as text)`;
  const branches = months
    .slice(0, -1)
    .map((m) => sql`when ${expression} < ${m.end} then cast(${m.month} as text)`);
  return sql<string>`case ${sql.join(branches, sql` `)} else cast(${last.month} as text) end`;
}

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));

interface Scope {
  dialect: Dialect;
  db: Kysely<Schema>;
  request: ReportRequest;
  teamIds: string[];
}

/** "In the teams and period (and locations)" for contacts and visits. */
function placeAndPeriod(scope: Scope, entity: string, date: 'at' | 'startedAt') {
  const { dialect, request } = scope;
  const first = request.months[0]!;
  const last = request.months[request.months.length - 1]!;
  const when = field(dialect, date);
  const locations = request.locationIds
    ? sql` and ${field(dialect, 'locationId')} in (${inList(request.locationIds)})`
    : sql``;
  return sql`${live(entity)} and records.team_id in (${inList(scope.teamIds)})
    and ${when} >= ${first.start} and ${when} < ${last.end}${locations}`;
}

interface ContactGroup {
  location: string | null;
  month: string;
  kind: string | null;
  age_group: string | null;
  gender: string | null;
  n: number | string;
}

interface ContactAggregates {
  groups: ContactGroup[];
  topics: { topic: string; month: string; n: number }[];
  citizens: { byLocation: { location: string | null; n: number }[]; total: number };
}

/**
 * The contact aggregates, from the contacts' copied fields (`statistics_contacts`, migration
 * 0013): the period's rows are one range per team of its covering index, so no record row is
 * fetched and no record JSON parsed. One statement groups the breakdowns and counts the topic
 * mentions alongside (a topic is one of CONTACT_TOPICS, found as its quoted JSON string in the
 * array, so no array is parsed); one counts the distinct citizens. Grouping by team first follows
 * the index's order, which SQLite sorts fastest.
 */
async function contactAggregates(scope: Scope): Promise<ContactAggregates> {
  const { dialect, request } = scope;
  const first = request.months[0]!;
  const last = request.months[request.months.length - 1]!;
  const locations = request.locationIds
    ? sql` and s.location_id in (${inList(request.locationIds)})`
    : sql``;
  const where = sql`s.team_id in (${inList(scope.teamIds)})
    and s.at >= ${first.start} and s.at < ${last.end}${locations}`;
  const position = dialect === 'postgres' ? sql`strpos` : sql`instr`;
  const mentions = CONTACT_TOPICS.map(
    (topic, i) =>
      sql`sum(case when ${position}(s.topics, ${JSON.stringify(topic)}) > 0 then 1 else 0 end)
        as ${sql.ref(`topic_${i}`)}`,
  );
  const statements = async (db: Kysely<Schema>) => {
    const groups = await sql<ContactGroup & Record<`topic_${number}`, number | string>>`
      select s.team_id as team, s.location_id as location,
        ${monthOf(sql<string | null>`s.at`, request.months)} as month,
        s.kind, s.age_group, s.gender, count(*) as n, ${sql.join(mentions)}
      from statistics_contacts as s where ${where}
      group by s.team_id, s.location_id, 3, s.kind, s.age_group, s.gender`.execute(db);
    const citizens = await sql<{ part: string; location: string | null; n: number | string }>`
      select 'location' as part, s.location_id as location, count(distinct s.citizen_id) as n
      from statistics_contacts as s where ${where} and s.citizen_id is not null
      group by s.location_id
      union all
      select 'total', null, count(distinct s.citizen_id)
      from statistics_contacts as s where ${where} and s.citizen_id is not null`.execute(db);
    return { groups: groups.rows, citizens: citizens.rows };
  };
  // PostgreSQL, for this transaction only: no JIT compilation, which its cost estimate asked
  // for and which took longer than the statements (1.7 s of a 4.5 s report on the bench
  // machine); and memory enough that it groups in a hash table (it cannot tell how few groups
  // the month expression makes) instead of sorting a quarter's contacts.
  const { groups, citizens } =
    dialect === 'postgres'
      ? await scope.db.transaction().execute(async (trx) => {
          await sql`set local jit = off`.execute(trx);
          await sql`set local work_mem = '64MB'`.execute(trx);
          return statements(trx);
        })
      : await statements(scope.db);
  // Mentions per (topic, month), summed over the groups.
  const mentionsOf = new Map<string, { topic: string; month: string; n: number }>();
  for (const g of groups)
    CONTACT_TOPICS.forEach((topic, i) => {
      const key = `${topic} ${g.month}`;
      const sum = mentionsOf.get(key) ?? { topic, month: g.month, n: 0 };
      sum.n += Number(g[`topic_${i}`]);
      mentionsOf.set(key, sum);
    });
  const topics = [...mentionsOf.values()];
  const total = citizens.find((c) => c.part === 'total');
  return {
    groups,
    topics,
    citizens: {
      byLocation: citizens
        .filter((c) => c !== total)
        .map((c) => ({ location: c.location, n: Number(c.n) })),
      total: Number(total?.n ?? 0),
    },
  };
}

async function visitGroups(scope: Scope) {
  const { dialect, request } = scope;
  const started = fieldSql(dialect, 'startedAt');
  const ended = fieldSql(dialect, 'endedAt');
  const hours =
    dialect === 'sqlite'
      ? sql.raw(`(julianday(${ended}) - julianday(${started})) * 24`)
      : sql.raw(`extract(epoch from ((${ended})::timestamptz - (${started})::timestamptz)) / 3600`);
  const result = await sql<{
    location: string | null;
    month: string;
    n: number | string;
    hours: number | string | null;
  }>`select ${field(dialect, 'locationId')} as location,
      ${monthOf(field(dialect, 'startedAt'), request.months)} as month,
      count(*) as n, sum(${hours}) as hours
    from records where ${placeAndPeriod(scope, 'visit', 'startedAt')}
    group by 1, 2`.execute(scope.db);
  return result.rows;
}

/** Follow-ups created per month; and, of those due in each month, done on time or overdue. */
async function followUpGroups(scope: Scope) {
  const { dialect, request } = scope;
  const first = request.months[0]!;
  const last = request.months[request.months.length - 1]!;
  const teams = sql`records.team_id in (${inList(scope.teamIds)})`;
  const created = field(dialect, 'createdAt');
  const createdRows = await sql<{ month: string; n: number | string }>`
    select ${monthOf(created, request.months)} as month, count(*) as n from records
    where ${live('followUp')} and ${teams} and ${created} >= ${first.start} and ${created} < ${last.end}
    group by 1`.execute(scope.db);
  const due = field(dialect, 'dueOn');
  const done = field(dialect, 'doneAt');
  // A follow-up is done on time when marked done on or before its due date (the date part of
  // the instant: within the hours Danish time is ahead of UTC, a late evening counts as that day).
  const dueRows = await sql<{ month: string; on_time: number | string; overdue: number | string }>`
    select substr(${due}, 1, 7) as month,
      sum(case when ${done} is not null and substr(${done}, 1, 10) <= ${due} then 1 else 0 end)
        as on_time,
      sum(case when (${done} is null and ${due} < ${request.today})
          or (${done} is not null and substr(${done}, 1, 10) > ${due}) then 1 else 0 end)
        as overdue
    from records
    where ${live('followUp')} and ${teams} and ${due} >= ${request.from} and ${due} <= ${request.to}
    group by 1`.execute(scope.db);
  return { createdRows: createdRows.rows, dueRows: dueRows.rows };
}

async function noteGroups(scope: Scope) {
  const { dialect, request } = scope;
  const first = request.months[0]!;
  const last = request.months[request.months.length - 1]!;
  const created = field(dialect, 'createdAt');
  const result = await sql<{ team: string; month: string; n: number | string }>`
    select records.team_id as team, ${monthOf(created, request.months)} as month, count(*) as n
    from records
    where ${live('note')} and records.team_id in (${inList(scope.teamIds)})
      and ${created} >= ${first.start} and ${created} < ${last.end}
    group by 1, 2`.execute(scope.db);
  return result.rows;
}

async function locationRows(scope: Scope, seen: ReadonlySet<string>): Promise<NamedRow[]> {
  const rows = await scope.db
    .selectFrom('records')
    .select(['id', 'data'])
    .where('entity', '=', 'location')
    .where('deleted', '=', 0)
    .execute();
  const named = new Map(rows.map((r) => [r.id, (JSON.parse(r.data) as { name?: string }).name]));
  const wanted = scope.request.locationIds ?? [...new Set([...named.keys(), ...seen])];
  return wanted
    .map((id) => ({ id, name: named.get(id) ?? '?' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** A rows × months matrix of zeros, filled by (row key, month) from `groups`. */
function matrix<R extends { month: string }>(
  keys: readonly string[],
  months: readonly ReportMonth[],
  groups: readonly R[],
  keyOf: (row: R) => string | null,
  valueOf: (row: R) => number,
): number[][] {
  const out = keys.map(() => months.map(() => 0));
  const rowIndex = new Map(keys.map((k, i) => [k, i]));
  const columnIndex = new Map(months.map((m, i) => [m.month, i]));
  for (const g of groups) {
    const r = rowIndex.get(keyOf(g) ?? '');
    const c = columnIndex.get(g.month);
    if (r !== undefined && c !== undefined) out[r]![c]! += valueOf(g);
  }
  return out;
}

/**
 * The whole report for the teams and period, aggregated in SQL (GROUP BY) and protected against
 * small numbers before it is returned: nothing withheld is in the result.
 */
export async function statisticsReport(
  database: Database,
  request: ReportRequest,
): Promise<StatisticsReport> {
  const scope: Scope = {
    dialect: database.dialect,
    db: database.db,
    request,
    teamIds: request.teams.map((t) => t.id),
  };
  const { months, threshold } = request;
  const empty = scope.teamIds.length === 0;
  const [{ groups: contacts, topics, citizens }, visits, followUps, notes] = empty
    ? [
        { groups: [], topics: [], citizens: { byLocation: [], total: 0 } },
        [],
        { createdRows: [], dueRows: [] },
        [],
      ]
    : await Promise.all([
        contactAggregates(scope),
        visitGroups(scope),
        followUpGroups(scope),
        noteGroups(scope),
      ]);
  const seen = new Set(
    [...contacts, ...visits].map((g) => g.location).filter((l): l is string => l !== null),
  );
  const locations = await locationRows(scope, seen);
  const locationIds = locations.map((l) => l.id);
  const count = (g: { n: number | string }) => Number(g.n);

  const [contactsByLocation, contactsByKind, contactsByAgeGroup, contactsByGender] =
    protectLinkedTables(
      [
        matrix(locationIds, months, contacts, (g) => g.location, count),
        matrix(CONTACT_KINDS, months, contacts, (g) => g.kind, count),
        matrix(AGE_GROUPS, months, contacts, (g) => g.age_group ?? 'unknown', count),
        matrix(GENDERS, months, contacts, (g) => g.gender ?? 'ukendt', count),
      ],
      months.length,
      threshold,
    ) as [ProtectedTable, ProtectedTable, ProtectedTable, ProtectedTable];
  const distinct = new Map(citizens.byLocation.map((g) => [g.location, Number(g.n)]));
  const dueMonths = [...followUps.dueRows];
  const measures = {
    created: matrix(['x'], months, followUps.createdRows, () => 'x', count)[0]!,
    doneOnTime: matrix(
      ['x'],
      months,
      dueMonths,
      () => 'x',
      (g) => Number(g.on_time),
    )[0]!,
    overdue: matrix(
      ['x'],
      months,
      dueMonths,
      () => 'x',
      (g) => Number(g.overdue),
    )[0]!,
  };
  const round1 = (h: number) => Math.round(h * 10) / 10;
  return {
    from: request.from,
    to: request.to,
    months: months.map((m) => m.month),
    computedAt: request.computedAt,
    threshold,
    teams: [...request.teams],
    availableTeams: [...request.availableTeams],
    locations,
    contactsByLocation,
    contactsByKind,
    contactsByAgeGroup,
    contactsByGender,
    contactsByTopic: protectTable(
      matrix(CONTACT_TOPICS, months, topics, (g) => g.topic, count),
      months.length,
      threshold,
    ),
    distinctCitizens: {
      byLocation: locationIds.map((id) => protectCount(distinct.get(id) ?? 0, threshold)),
      total: protectCount(citizens.total, threshold),
    },
    visits: {
      counts: matrix(locationIds, months, visits, (g) => g.location, count),
      hours: matrix(
        locationIds,
        months,
        visits,
        (g) => g.location,
        (g) => Number(g.hours ?? 0),
      ).map((row) => row.map(round1)),
    },
    followUps: FOLLOW_UP_MEASURES.map((m) => protectTable([measures[m]], months.length, threshold)),
    notesByTeam: protectTable(
      matrix(scope.teamIds, months, notes, (g) => g.team, count),
      months.length,
      threshold,
    ),
  };
}
