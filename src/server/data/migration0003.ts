import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './schema';

/**
 * Where change-log seqs come from, so that no seq is ever handed out twice and writers of
 * different scopes need no common lock (data/writeTransaction.ts allocateSeqs).
 * - PostgreSQL: the sequence `changes_seq`. CACHE 1 (the default) keeps values in the order they
 *   are drawn across sessions, which the per-scope commit order relies on; never raise it.
 * - SQLite (one writer): the one-row table `change_seq` with the last seq handed out.
 * Both start at the log's max(seq). max(seq) + 1 itself is not safe: a move deletes the old
 * team's entries of the moved records, and when the newest entry of the log is one of them the
 * next writer would hand its seq out again, below a position devices already hold.
 * Upgrade with every server of the old version stopped: an old server's max + 1 would hand out
 * seqs the new ones hand out too.
 */
export function m0003ChangeSeq(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`create sequence changes_seq as bigint minvalue 1 cache 1`.execute(db);
        await sql`select setval('changes_seq', x.m) from (select max(seq) as m from changes) as x
          where x.m is not null`.execute(db);
        return;
      }
      await sql`create table change_seq (
        id integer primary key check (id = 1),
        last integer not null)`.execute(db);
      await sql`insert into change_seq (id, last)
        select 1, coalesce(max(seq), 0) from changes`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') await sql`drop sequence changes_seq`.execute(db);
      else await sql`drop table change_seq`.execute(db);
    },
  };
}
