import { sql, type Kysely, type Migration } from 'kysely';
import { STATISTICS_INDEXES } from '../statistics/recordFields';
import { statisticsIndexSql } from './migration0005';
import { PG_COPY_FUNCTION } from './migration0013';
import type { Dialect } from './schema';

/**
 * PostgreSQL: the statistics' expression indexes (0005) and the contacts' copy trigger function
 * (0013) made again with the current `pgJson` (data/jsonSql.ts). Run by each migration that
 * widens what `pgJson` makes readable (0015, 0016): a query uses an expression index only when
 * its expression is the index's own.
 */
export async function rebuildJsonReaders(db: Kysely<unknown>): Promise<void> {
  // 0013 dropped the contacts' two: their statistics read statistics_contacts.
  for (const index of STATISTICS_INDEXES.filter((i) => i.entity !== 'contact')) {
    await sql.raw(`drop index if exists ${index.name}`).execute(db);
    await sql.raw(statisticsIndexSql('postgres', index)).execute(db);
  }
  await sql.raw(PG_COPY_FUNCTION).execute(db);
}

/**
 * PostgreSQL only: the statistics' expression indexes and the contacts' copy trigger read a
 * record's JSON through `pgJson`, which PostgreSQL's JSON functions accept when a field holds a
 * NUL. Before, a note, visit, follow-up or contact holding one could not be stored at all: its
 * push failed with 500 every time it was sent. No row needs mending (none such was ever stored).
 * SQLite's JSON functions take a NUL as it is: nothing to do there.
 */
export function m0015NulSafeJson(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') await rebuildJsonReaders(db);
    },
    async down() {
      // The NUL-safe forms read every record the old ones did: nothing to undo.
    },
  };
}
