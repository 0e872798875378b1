import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/data/schema';
import { withWriteTransaction } from '../../src/server/data/writeTransaction';
import { useSeededApp } from './helpers/appFixture';
import { writeNewCitizen } from './helpers/records';
import { DIALECTS } from './helpers/testDatabase';

const TEAM = 'odense-syd';

async function stored(database: Database, ids: readonly string[]): Promise<number> {
  const rows = await database.db
    .selectFrom('records')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.length;
}

describe.each(DIALECTS)('a write transaction (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it('keeps nothing of work that fails, leaves no connection in a transaction, and commits the next', async () => {
    const lost: string[] = [];
    // More failures than the pool has connections: every connection has had one.
    for (let i = 0; i < 12; i++) {
      await expect(
        withWriteTransaction(f.database, [TEAM], async (tx) => {
          lost.push(await writeNewCitizen(tx, TEAM, 'Prøve'));
          if (i % 2 === 0) throw new Error('the push failed halfway');
          await sql`select * from no_such_table`.execute(tx.trx);
        }),
      ).rejects.toThrow(i % 2 === 0 ? 'the push failed halfway' : /no_such_table/);
    }
    expect(await stored(f.database, lost)).toBe(0);

    if (dialect === 'postgres') {
      const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
        where datname = current_database() and state like 'idle in transaction%'`.execute(
        f.database.db,
      );
      expect(Number(rows[0]!.n)).toBe(0);
    }

    // Twelve at once on the same team: each takes the team's lock in turn and commits.
    const kept = await Promise.all(
      Array.from({ length: 12 }, () =>
        withWriteTransaction(f.database, [TEAM], (tx) => writeNewCitizen(tx, TEAM, 'Prøve')),
      ),
    );
    expect(await stored(f.database, kept)).toBe(12);
  });
});
