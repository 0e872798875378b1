import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startSeededServer } from '../../bench/node/seededServer';
import { createTempPostgres } from '../../bench/node/tempPostgres';
import { TEST_PG_URL, withAdmin } from '../server/helpers/testDatabase';

const databaseExists = (name: string) =>
  withAdmin(async (admin) => {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    return rows.length > 0;
  });

describe("the bench's temporary PostgreSQL databases", () => {
  it('are dropped after use without cutting off the connections of a pool just closed', async () => {
    const poolErrors: string[] = [];
    for (let round = 0; round < 5; round++) {
      const database = await createTempPostgres(TEST_PG_URL, 'fremskudt_benchtest');
      const name = new URL(database.url).pathname.slice(1);
      expect(await databaseExists(name)).toBe(true);
      // As a bench measurement does: a pool with several connections in use, closed at the end.
      const pool = new pg.Pool({ connectionString: database.url, max: 10 });
      pool.on('error', (error) => poolErrors.push(error.message));
      await Promise.all(Array.from({ length: 10 }, () => pool.query('select pg_sleep(0.01)')));
      await pool.end();
      await database.drop();
      expect(await databaseExists(name)).toBe(false);
    }
    expect(poolErrors).toEqual([]);
  });

  it('are dropped when seeding a bench server fails, and the failure is reported', async () => {
    const benchDatabases = () =>
      withAdmin(async (admin) => {
        const { rows } = await admin.query<{ datname: string }>(
          'select datname from pg_database where datname like $1',
          [`fremskudt_bench_${process.pid}_%`],
        );
        return rows.map((r) => r.datname);
      });
    let seededInto: string[] = [];
    await expect(
      startSeededServer({
        root: '/unused',
        staticDir: '/unused',
        postgresUrl: TEST_PG_URL,
        seed: async () => {
          seededInto = await benchDatabases();
          throw new Error('seeding failed');
        },
      }),
    ).rejects.toThrow('seeding failed');
    expect(seededInto).toHaveLength(1);
    expect(await benchDatabases()).toEqual([]);
  });
});
