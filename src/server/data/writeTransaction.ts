import { sql, type Transaction } from 'kysely';
import { joinTransaction } from './joinTransaction';
import type { Database, Dialect, Schema } from './schema';
import { lockScopes } from './scopeLocks';

export type WriteTx = Transaction<Schema>;

/** A transaction that may append to the change logs of the scopes it locked. */
export interface ChangeLogTx {
  readonly trx: WriteTx;
  readonly dialect: Dialect;
  /** The scopes (team ids, `shared`) locked for writing; no change may go to any other. */
  readonly scopes: ReadonlySet<string>;
}

export class ScopeNotLockedError extends Error {
  override readonly name = 'ScopeNotLockedError';
}

/**
 * Runs `work` in one transaction that may append changes to the given scopes' logs.
 *
 * Hazard (PostgreSQL): transaction A takes seq 5, B takes seq 6, B commits first; a device that
 * pulls then moves its position past 6 and never sees 5. Pulls read per scope and the cursor
 * holds a position per scope (syncApi/pullCursor.ts), so seqs must follow commit order *within
 * each scope*. Every writer therefore first takes the transaction-scoped advisory lock of every
 * scope it may write (syncApi/pushScope.ts says which), and only then draws seqs: two writers of
 * one scope run one after the other (the second draws its seqs after the first committed),
 * while writers of different scopes run side by side. The locks are released after the commit
 * is visible, so when the next writer of a scope draws a seq, every lower seq of that scope is
 * either visible or rolled back.
 * SQLite runs one write transaction at a time (one connection, serialized by Kysely).
 * Called inside an open transaction (the demo seed's), it joins it and commits with it.
 */
export async function withWriteTransaction<T>(
  database: Database,
  scopes: Iterable<string>,
  work: (tx: ChangeLogTx) => Promise<T>,
): Promise<T> {
  const locked = new Set(scopes);
  return joinTransaction(database.db, async (trx) => {
    if (database.dialect === 'postgres') await lockScopes(trx, locked);
    return work({ trx, dialect: database.dialect, scopes: locked });
  });
}

/** Throws unless every change's scope (its team id) was locked: that would break the commit order. */
export function checkScopesLocked(tx: ChangeLogTx, teamIds: readonly string[]): void {
  const stray = teamIds.find((t) => !tx.scopes.has(t));
  if (stray !== undefined)
    throw new ScopeNotLockedError(`A change for scope ${stray} outside the locked scopes`);
}

/**
 * Seqs for `teamIds.length` new changes (one per entry, in that order), ascending. Throws if a
 * change would go to a scope the transaction did not lock: that would break the commit order.
 * A seq is never handed out twice, even when its change was deleted since (migration 0003 says
 * why max(seq) + 1 is not enough). PostgreSQL draws from the sequence `changes_seq` (CACHE 1, so
 * values come out in the order they are drawn, across sessions); SQLite counts on in the row of
 * `change_seq`, safe under its single writer. Gaps (rolled-back pushes on PostgreSQL, other
 * teams) are normal; order is what matters.
 */
export async function allocateSeqs(tx: ChangeLogTx, teamIds: readonly string[]): Promise<number[]> {
  checkScopesLocked(tx, teamIds);
  const count = teamIds.length;
  if (count === 0) return [];
  if (tx.dialect === 'postgres') {
    const { rows } = await sql<{
      seq: string;
    }>`select nextval('changes_seq') as seq from generate_series(1, ${count})`.execute(tx.trx);
    return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  }
  const { last } = await tx.trx
    .updateTable('change_seq')
    .set((eb) => ({ last: eb('last', '+', count) }))
    .where('id', '=', 1)
    .returning('last')
    .executeTakeFirstOrThrow();
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/**
 * Moves the seq counter past the highest seq in the log, never back. Only for tools that write
 * change-log rows with seqs of their own (bench seeding, a restore); the server never needs it.
 */
export async function catchUpChangeSeq(database: Database): Promise<void> {
  if (database.dialect === 'postgres') {
    await sql`select setval('changes_seq', x.m) from (select max(seq) as m from changes) as x
      where x.m >= (select case when is_called then last_value else last_value - 1 end
                    from changes_seq)`.execute(database.db);
    return;
  }
  await sql`update change_seq set last = max(last, coalesce((select max(seq) from changes), 0))
    where id = 1`.execute(database.db);
}
