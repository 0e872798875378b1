import { sql, type Kysely, type Migration } from 'kysely';
import { fieldSql, STATISTICS_INDEXES, type StatisticsField } from '../statistics/recordFields';
import type { Dialect } from './schema';

/** The statement creating one of the statistics' expression indexes (0015 rebuilds them with it). */
export function statisticsIndexSql(
  dialect: Dialect,
  index: (typeof STATISTICS_INDEXES)[number],
): string {
  const expression = (name: string) =>
    name === 'team_id' ? 'team_id' : `(${fieldSql(dialect, name as StatisticsField)})`;
  return `create index ${index.name} on records (${expression(index.lead)}, ${expression(index.date)})
    where entity = '${index.entity}' and deleted = 0`;
}

/**
 * Indexes for the statistics report: per entity, (team or location, date field of the JSON), on
 * live records only (partial). A report then reads the records of its period, however long the
 * history; both databases index expressions, each in its own JSON syntax.
 */
export function m0005StatisticsIndexes(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const index of STATISTICS_INDEXES)
        await sql.raw(statisticsIndexSql(dialect, index)).execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const index of STATISTICS_INDEXES) await sql.raw(`drop index ${index.name}`).execute(db);
    },
  };
}
