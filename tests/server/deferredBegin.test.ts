import { sql, type Kysely, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { named } from '../../src/server/data/namedStatements';
import type { Database, Schema } from '../../src/server/data/schema';
import { withWriteTransaction } from '../../src/server/data/writeTransaction';
import { createTestDatabase, type TestDatabase } from './helpers/testDatabase';

/**
 * PostgreSQL's view of when statements arrived: statement_timestamp() is the receipt of the
 * message holding the statement, now() the start of its transaction. They are equal only when
 * the transaction's `begin` came in the same message as the statement (or in an implicit
 * transaction, which the later now() below tells apart). Compared in SQL and as text: to the
 * microsecond, where a round trip on loopback takes less than a millisecond.
 */
const firstStatementOf = (trx: Kysely<Schema>, tail: RawBuilder<unknown>) =>
  sql<{
    together: boolean;
    at: string;
  }>`select now() = statement_timestamp() as together, now()::text as at ${tail}`.execute(trx);

/** The start of the transaction the statement runs in, to the microsecond. */
const nowOf = async (db: Kysely<Schema>) =>
  (await sql<{ at: string }>`select now()::text as at`.execute(db)).rows[0]!.at;

/** Whether the (single) pooled connection is outside any transaction: two statements, two nows. */
async function idle(db: Kysely<Schema>): Promise<boolean> {
  return (await nowOf(db)) !== (await nowOf(db));
}

describe('a transaction begins in the same round trip as its first statement (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    // One pooled connection: every statement below runs on the connection the test inspects.
    database = await testDb.open({ PG_POOL_MAX: 1 });
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  /**
   * A transaction whose first statement ends in `tail`: whether `begin` came in that statement's
   * message, and whether a later statement ran in the same transaction as it.
   */
  async function opened(tail: RawBuilder<unknown>) {
    const seen = await database.db.transaction().execute(async (trx) => {
      const { rows } = await firstStatementOf(trx, tail);
      return { together: rows[0]!.together, sameTransaction: (await nowOf(trx)) === rows[0]!.at };
    });
    expect(await idle(database.db)).toBe(true);
    return seen;
  }

  it('sends begin together with a first statement without parameters, inside the transaction', async () => {
    expect(await opened(sql``)).toEqual({ together: true, sameTransaction: true });
  });

  it('sends begin on its own before a first statement with parameters, which runs in the transaction', async () => {
    expect(await opened(sql`, ${1}::int as one`)).toEqual({
      together: false,
      sameTransaction: true,
    });
  });

  it('sends begin on its own before a first statement to be prepared (a named statement)', async () => {
    expect(await opened(named)).toEqual({ together: false, sameTransaction: true });
  });

  it("holds a write transaction's scope locks until its commit, and releases them then", async () => {
    const held = await withWriteTransaction(database, ['team-a', 'team-b'], async (tx) => {
      const { rows } = await sql<{ locks: number }>`select count(*)::int as locks from pg_locks
        where locktype = 'advisory' and pid = pg_backend_pid()`.execute(tx.trx);
      const { rows: after } = await firstStatementOf(tx.trx, sql``);
      return { locks: rows[0]!.locks, together: after[0]!.together };
    });
    // Both locks held; the statement after the locks came in a message of its own.
    expect(held).toEqual({ locks: 2, together: false });
    const { rows } = await sql<{ locks: number }>`select count(*)::int as locks from pg_locks
      where locktype = 'advisory' and pid = pg_backend_pid()`.execute(database.db);
    expect(rows[0]!.locks).toBe(0);
  });

  it('ends a transaction that sent nothing, committed or rolled back, without leaving one open', async () => {
    expect(await database.db.transaction().execute(() => Promise.resolve('nothing'))).toBe(
      'nothing',
    );
    expect(await idle(database.db)).toBe(true);
    await expect(
      database.db.transaction().execute(() => Promise.reject(new Error('refused before SQL'))),
    ).rejects.toThrow('refused before SQL');
    expect(await idle(database.db)).toBe(true);
  });

  it('rolls back when the statement sent with begin fails, and the connection stays usable', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`create temporary table t_deferred (x int)`.execute(trx);
        await sql`select 1 / 0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`select 1 / 0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    // The temporary table was created in the rolled-back transaction: it is gone.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_class
      where relname = 't_deferred'`.execute(database.db);
    expect(rows[0]!.n).toBe(0);
    expect(await idle(database.db)).toBe(true);
  });
});
