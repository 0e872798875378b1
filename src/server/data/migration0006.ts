import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './schema';

/**
 * Change-log seqs as 64-bit integers. They only grow, one per change across all teams, and every
 * device's pull cursor holds them: a 32-bit `integer` on PostgreSQL ends at 2^31 - 1 (a pull
 * cursor past it answered 500, and the next push would have failed). The sequence `changes_seq`
 * is bigint already (0003). PostgreSQL rewrites both tables, holding their locks meanwhile:
 * upgrade with the servers stopped. SQLite's integer is 64-bit already: nothing to do there.
 * node-postgres returns bigint as text; data/createDatabase.ts reads it back as a number, which
 * is exact up to 2^53 - 1 (Number.MAX_SAFE_INTEGER), the most a cursor position may be.
 */
export function m0006BigintSeqs(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`alter table changes alter column seq type bigint`.execute(db);
      await sql`alter table records alter column updated_seq type bigint`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`alter table records alter column updated_seq type integer`.execute(db);
      await sql`alter table changes alter column seq type integer`.execute(db);
    },
  };
}
