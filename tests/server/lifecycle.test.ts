import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { runMigrations } from '../../src/server/data/migrate';
import { seedDemo } from '../../src/server/demo/seedDemo';
import { shutdownGracefully } from '../../src/server/shutdown';
import { login, newCitizen, pullAll, push } from './helpers/api';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/testDatabase';

describe.each(DIALECTS)('server lifecycle (%s)', (dialect) => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => {
    await testDb?.drop();
    testDb = undefined;
  });

  it('runs the migrations a second time without changing anything', async () => {
    testDb = await createTestDatabase(dialect);
    const database = await testDb.open();
    try {
      expect(await runMigrations(database)).toEqual([]);
      const tables = await database.db.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'teams',
          'users',
          'sessions',
          'records',
          'changes',
          'applied_mutations',
          'rejected_mutations',
          'audit_log',
        ]),
      );
    } finally {
      await database.close();
    }
  });

  it('keeps every change and the exactly-once memory across a restart', async () => {
    testDb = await createTestDatabase(dialect);
    const first = await testDb.open();
    await seedDemo(first);
    const app1 = await buildApp({ config: testDb.config, database: first });
    const token = await login(app1, 'mette');
    const create = newCitizen({ alias: 'Før genstart' });
    const original = await push(app1, token, [create]);
    await app1.close();
    await first.close();

    const second = await testDb.open();
    const app2 = await buildApp({ config: testDb.config, database: second });
    try {
      // The session survives too: a device does not have to sign in again after a server restart.
      expect(await push(app2, token, [create])).toEqual(original);
      const { changes } = await pullAll(app2, token);
      expect(changes.filter((c) => c.recordId === create.recordId)).toHaveLength(1);
      const health = await app2.inject({ method: 'GET', url: '/healthz' });
      expect(health.json()).toEqual({ status: 'ok', db: dialect });
    } finally {
      await app2.close();
      await second.close();
    }
  });

  it('finishes a request in flight when asked to shut down, and then refuses new connections', async () => {
    testDb = await createTestDatabase(dialect);
    const database = await testDb.open();
    const app = await buildApp({ config: testDb.config, database });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    app.get('/slow-for-test', async () => {
      entered();
      await gate;
      return { finished: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const inFlight = fetch(`${url}/slow-for-test`);
      await inHandler;
      const shutdown = shutdownGracefully(app, 5_000);
      setTimeout(release, 200);
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ finished: true });
      expect(await shutdown).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      await app.close();
      await database.close();
    }
  });
});
