import { sql, type Kysely, type Migration } from 'kysely';
import { STATISTICS_INDEXES } from '../statistics/recordFields';
import { statisticsIndexSql } from './migration0005';
import { PG_COPY_FUNCTION } from './migration0013';
import type { Dialect } from './schema';

/**
 * PostgreSQL only: the statistics' expression indexes (0005) and the contacts' copy trigger (0013)
 * read a record's JSON through `pgJson` (data/jsonSql.ts), which PostgreSQL's JSON functions
 * accept when a field holds a NUL. Before, a note, visit, follow-up or contact holding one could
 * not be stored at all: its push failed with 500 every time it was sent. No row needs mending (none
 * such was ever stored). SQLite's JSON functions take a NUL as it is: nothing to do there.
 */
export function m0015NulSafeJson(dialect: Dialect): Migration {
  // 0013 dropped the contacts' two: their statistics read statistics_contacts.
  const live = STATISTICS_INDEXES.filter((i) => i.entity !== 'contact');
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      for (const index of live) {
        await sql.raw(`drop index if exists ${index.name}`).execute(db);
        await sql.raw(statisticsIndexSql(dialect, index)).execute(db);
      }
      await sql.raw(PG_COPY_FUNCTION).execute(db);
    },
    async down() {
      // The NUL-safe forms read every record the old ones did: nothing to undo.
    },
  };
}
