import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { withPostgres } from '../../bench/node/pushThroughput';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function databaseExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

describe('npm run bench:push on PostgreSQL', () => {
  it('drops its database after the work, without cutting off the connections of a pool just closed', async () => {
    const poolErrors: string[] = [];
    let name = '';
    for (let round = 0; round < 3; round++) {
      await withPostgres(ADMIN_URL, async (url) => {
        name = new URL(url).pathname.slice(1);
        // As the bench does: a pool with several connections in use, closed at the end of the work.
        const pool = new pg.Pool({ connectionString: url, max: 10 });
        pool.on('error', (error) => poolErrors.push(error.message));
        await Promise.all(Array.from({ length: 10 }, () => pool.query('select pg_sleep(0.01)')));
        await pool.end();
      });
      expect(await databaseExists(name)).toBe(false);
    }
    expect(poolErrors).toEqual([]);
  });
});
