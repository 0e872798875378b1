import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/server/data/createDatabase';
import { scopeLockKey } from '../../src/server/data/scopeLocks';
import type { Mutation } from '../../src/protocol';
import { authHeaders, loginOn, newCitizen, PROTOCOL_HEADERS, push } from './helpers/api';
import { useSeededApp } from './helpers/appFixture';
import { withAdmin } from './helpers/testDatabase';

/** Waits (polling) until `check` holds; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function pushRequest(
  app: ReturnType<typeof useSeededApp>['app'],
  token: string,
  mutations: Mutation[],
) {
  return app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: authHeaders(token),
    payload: { deviceId: mutations[0]?.deviceId, mutations },
  });
}

describe('a lost PostgreSQL connection (postgres)', () => {
  const f = useSeededApp('postgres');
  const unhandled: unknown[] = [];
  const onUncaught = (error: unknown) => unhandled.push(error);
  process.on('uncaughtException', onUncaught);
  afterAll(() => {
    process.off('uncaughtException', onUncaught);
  });

  /** The backends of the test database that wait for an advisory lock (pushes of a held team). */
  async function waitingBackends(databaseName: string): Promise<number[]> {
    return withAdmin(async (c) => {
      const { rows } = await c.query<{ pid: number }>(
        `select pid from pg_stat_activity
          where datname = $1 and wait_event_type = 'Lock' and wait_event = 'advisory'`,
        [databaseName],
      );
      return rows.map((r) => r.pid);
    });
  }

  it('answers the pushes whose backends were terminated 503 with Retry-After and lives on', async () => {
    const url = f.testDb.config.DATABASE_URL;
    if (url === undefined) throw new Error('no DATABASE_URL');
    const databaseName = new URL(url).pathname.slice(1);
    const { token, user } = await loginOn(f.app, 'mette', 'device-outage-1');
    // Holds the team's write lock, so the pushes stop inside their transactions.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select pg_advisory_xact_lock($1::bigint)', [
      String(scopeLockKey(user.teamId)),
    ]);
    const creates = [1, 2, 3].map(() => newCitizen({ alias: 'Afbrudt' }, 'device-outage-1'));
    const inFlight = creates.map((m) => pushRequest(f.app, token, [m]));
    await until(async () => (await waitingBackends(databaseName)).length === creates.length);
    const pids = await waitingBackends(databaseName);
    await withAdmin((c) =>
      c.query('select pg_terminate_backend(pid) from unnest($1::int[]) pid', [pids]),
    );

    for (const res of await Promise.all(inFlight)) {
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({
        error: { code: 'unavailable', details: { reason: 'database' } },
      });
    }
    await holder.query('commit');
    await holder.end();

    // The same process, on new connections: the refused pushes go through when sent again.
    const results = await push(f.app, token, creates.slice(0, 1));
    expect(results).toMatchObject([{ status: 'applied' }]);
    const again = await push(f.app, token, creates.slice(1));
    expect(again.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await f.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect(unhandled).toEqual([]);
  });
});

describe('a PostgreSQL server that cannot be reached', () => {
  it('is alive (healthz) but not ready (readyz), and answers API requests 503', async () => {
    // Nothing listens on port 1: every connection attempt is refused.
    const database = createDatabase({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing',
      SQLITE_PATH: '',
    });
    const { ConfigSchema } = await import('../../src/server/config');
    const config = ConfigSchema.parse({
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
    });
    const app = await buildApp({ config, database });
    try {
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['retry-after']).toBe('5');
      expect(ready.json()).toMatchObject({ error: { code: 'unavailable' } });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: PROTOCOL_HEADERS,
        payload: { username: 'mette', password: 'demo' },
      });
      expect(login.statusCode).toBe(503);
      expect(login.headers['retry-after']).toBe('5');
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('a SQLite database that is locked or full (sqlite)', () => {
  const f = useSeededApp('sqlite');

  it('answers 503 with Retry-After while another process holds the write lock (SQLITE_BUSY)', async () => {
    const { token } = await loginOn(f.app, 'mette', 'device-busy-1');
    const other = new BetterSqlite3(f.testDb.config.SQLITE_PATH);
    try {
      other.exec('begin immediate');
      const create = newCitizen({ alias: 'Låst' }, 'device-busy-1');
      const res = await pushRequest(f.app, token, [create]);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ error: { code: 'unavailable' } });
      other.exec('rollback');
      expect(await push(f.app, token, [create])).toMatchObject([{ status: 'applied' }]);
    } finally {
      other.close();
    }
  }, 30_000);

  it('answers 503 with Retry-After when the disk is full (SQLITE_FULL) and stores the push later', async () => {
    const { token } = await loginOn(f.app, 'mette', 'device-full-1');
    // The file may not grow by one page: what a full disk looks like to SQLite.
    await sql`pragma max_page_count = 1`.execute(f.database.db);
    const create = newCitizen(
      { alias: 'Fuld disk', lifeStory: 'x'.repeat(20_000) },
      'device-full-1',
    );
    try {
      const res = await pushRequest(f.app, token, [create]);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ error: { code: 'unavailable' } });
    } finally {
      await sql`pragma max_page_count = 1073741823`.execute(f.database.db);
    }
    expect(await push(f.app, token, [create])).toMatchObject([{ status: 'applied' }]);
  });
});
