import { sql, type Transaction } from 'kysely';
import type { Database, Schema } from './schema';

/** Any constant works; it only has to be the same in every writer. ASCII "FREMSKUD". */
export const CHANGE_LOG_LOCK_KEY = 0x4652454d534b5544n;

export type WriteTx = Transaction<Schema>;

/**
 * Runs `work` in one transaction that may append to the change log.
 *
 * Hazard (PostgreSQL): with a sequence, transaction A can take seq 5, transaction B seq 6, B
 * commits first, and a device pulling then stores cursor 6 and never sees 5. So every writer
 * first takes one transaction-scoped advisory lock and assigns seq = max + 1 under it: seqs are
 * then handed out in commit order, and a change a reader can see has no invisible predecessor.
 * SQLite already runs one write transaction at a time (one connection, serialized by Kysely).
 */
export async function withWriteTransaction<T>(
  database: Database,
  work: (trx: WriteTx) => Promise<T>,
): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    if (database.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(${sql.lit(CHANGE_LOG_LOCK_KEY.toString())}::bigint)`.execute(
        trx,
      );
    }
    return work(trx);
  });
}

/** The next change-log sequence; only valid inside withWriteTransaction. */
export async function nextSeq(trx: WriteTx): Promise<number> {
  const row = await trx
    .selectFrom('changes')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}
