import { sql, type RawBuilder } from 'kysely';
import { jsonFieldSql } from '../data/jsonSql';
import type { Dialect } from '../data/schema';

/** The record fields the statistics read from a record's JSON, and the entities they belong to. */
export type StatisticsField =
  | 'at'
  | 'locationId'
  | 'kind'
  | 'citizenId'
  | 'ageGroup'
  | 'gender'
  | 'startedAt'
  | 'endedAt'
  | 'createdAt'
  | 'dueOn'
  | 'doneAt';

/**
 * One field of `records.data`, written exactly as the statistics indexes (migration 0005) are:
 * a database uses an expression index only for the very same expression, so the text is built
 * here, once, from fixed names (never from input).
 */
export function fieldSql(dialect: Dialect, field: StatisticsField): string {
  // Unqualified `data`: SQLite allows no table prefix in an index expression.
  return jsonFieldSql(dialect, 'data', field);
}

export function field(dialect: Dialect, name: StatisticsField): RawBuilder<string | null> {
  return sql<string | null>`${sql.raw(fieldSql(dialect, name))}`;
}

/** The expression indexes: (leading column, date field) of one entity's live records. */
export const STATISTICS_INDEXES: readonly {
  name: string;
  entity: string;
  lead: 'team_id' | StatisticsField;
  date: StatisticsField;
}[] = [
  // The default report (a period, the user's teams) is one range per team.
  { name: 'records_stats_contact_team', entity: 'contact', lead: 'team_id', date: 'at' },
  // A report filtered to some locations is one range per location.
  { name: 'records_stats_contact_location', entity: 'contact', lead: 'locationId', date: 'at' },
  { name: 'records_stats_visit_team', entity: 'visit', lead: 'team_id', date: 'startedAt' },
  { name: 'records_stats_note_team', entity: 'note', lead: 'team_id', date: 'createdAt' },
  {
    name: 'records_stats_followup_created',
    entity: 'followUp',
    lead: 'team_id',
    date: 'createdAt',
  },
  { name: 'records_stats_followup_due', entity: 'followUp', lead: 'team_id', date: 'dueOn' },
];
