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
 * Every contact aggregate in one statement: the period's contacts are read (and their JSON
 * parsed) once into a materialized CTE, and the breakdowns, the topic mentions and the distinct
 * citizens are grouped from it. Parsing the JSON is most of a report's cost, so reading the
 * period once instead of once per aggregate keeps the default report within its second.
 */
async function contactAggregates(scope: Scope): Promise<ContactAggregates> {
  const { dialect, request } = scope;
  // The period's rows with their fields, each row's JSON parsed once: PostgreSQL parses a json
  // value again for every ->> on it, so json_to_record takes the fields in one pass (several times
  // faster than one ->> per field); SQLite keeps its last parse of a text for the next
  // json_extract.
  const where = placeAndPeriod(scope, 'contact', 'at');
  const source =
    dialect === 'postgres'
      ? sql`select x."locationId" as location_id, x.kind, x."ageGroup" as age_group, x.gender,
          x."citizenId" as citizen_id, x.topics, ${field(dialect, 'at')} as at
        from records cross join lateral json_to_record(records.data::json) as x("locationId" text,
          kind text, "ageGroup" text, gender text, "citizenId" text, topics json)
        where ${where}`
      : sql`select json_extract(data, '$.locationId') as location_id,
          json_extract(data, '$.kind') as kind, json_extract(data, '$.ageGroup') as age_group,
          json_extract(data, '$.gender') as gender, json_extract(data, '$.citizenId') as citizen_id,
          json_extract(data, '$.topics') as topics, ${field(dialect, 'at')} as at
        from records where ${where}`;
  const expand =
    dialect === 'postgres'
      ? sql`lateral json_array_elements_text(c.topics) as t(value)`
      : sql`json_each(c.topics) as t`;
  const result = await sql<{
    part: 'contacts' | 'topics' | 'citizens' | 'citizens-total';
    k1: string | null;
    month: string | null;
    k2: string | null;
    k3: string | null;
    k4: string | null;
    n: number | string;
  }>`with c as materialized (
      select r.location_id as location,
        ${monthOf(sql<string | null>`r.at`, request.months)} as month,
        r.kind, r.age_group, r.gender, r.citizen_id as citizen, r.topics
      from (${source}) as r)
    select 'contacts' as part, location as k1, month, kind as k2, age_group as k3, gender as k4,
      count(*) as n
    from c group by 2, 3, 4, 5, 6
    union all
    select 'topics', t.value, month, null, null, null, count(*)
    from c cross join ${expand} group by 2, 3
    union all
    select 'citizens', location, null, null, null, null, count(distinct citizen)
    from c where citizen is not null group by 2
    union all
    select 'citizens-total', null, null, null, null, null, count(distinct citizen)
    from c where citizen is not null`.execute(scope.db);
  const out: ContactAggregates = { groups: [], topics: [], citizens: { byLocation: [], total: 0 } };
  for (const r of result.rows) {
    const n = Number(r.n);
    if (r.part === 'contacts')
      out.groups.push({
        location: r.k1,
        month: r.month ?? '',
        kind: r.k2,
        age_group: r.k3,
        gender: r.k4,
        n,
      });
    else if (r.part === 'topics') out.topics.push({ topic: r.k1 ?? '', month: r.month ?? '', n });
    else if (r.part === 'citizens') out.citizens.byLocation.push({ location: r.k1, n });
    else out.citizens.total = n;
  }
  return out;
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
