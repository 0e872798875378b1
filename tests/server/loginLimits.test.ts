import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { countIpAttempt } from '../../src/server/auth/loginIpLimit';
import { useSeededApp } from './helpers/appFixture';
import { PROTOCOL_HEADERS } from './helpers/api';
import { untilWindowHasRoom } from './helpers/ipWindow';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('login limits under concurrency (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  const attempt = (username: string, password: string) =>
    f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: PROTOCOL_HEADERS,
      payload: { username, password },
    });

  it('checks at most LOGIN_MAX_FAILURES of 15 wrong passwords sent at once and refuses the rest with 429', async () => {
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => attempt('sara', `gæt-${i}`)),
    );
    const statuses = answers.map((a) => a.statusCode);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(f.testDb.config.LOGIN_MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15 - checked);
    for (const refused of answers.filter((a) => a.statusCode === 429)) {
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json()).toMatchObject({ error: { code: 'rate-limited' } });
    }
    const failed = await f.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'login-failed')
      .execute();
    expect(failed.filter((e) => e.detail?.includes('"sara"'))).toHaveLength(checked);
  });

  it('lets the right password through below the limit and starts the count afresh after it', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('anders', `gæt-${i}`)).statusCode).toBe(401);
    expect((await attempt('anders', 'demo')).statusCode).toBe(200);
    // The success released every reservation: four more wrong passwords are checked again.
    const again = await Promise.all(
      Array.from({ length: 4 }, (_, i) => attempt('anders', `igen-${i}`)),
    );
    expect(again.map((a) => a.statusCode)).toEqual([401, 401, 401, 401]);
    expect((await attempt('anders', 'demo')).statusCode).toBe(200);
  });

  it('shares the per-IP limit between two server processes on one database', async () => {
    const config = { ...f.testDb.config, LOGIN_RATE_LIMIT_PER_MINUTE: 3 };
    const connections = [await f.testDb.open(), await f.testDb.open()];
    const apps: FastifyInstance[] = [];
    try {
      for (const database of connections) apps.push(await buildApp({ config, database }));
      const from = (app: FastifyInstance) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: PROTOCOL_HEADERS,
          payload: { username: 'mette', password: 'demo' },
          remoteAddress: '10.1.2.3',
        });
      await untilWindowHasRoom();
      const [one, two] = apps as [FastifyInstance, FastifyInstance];
      const answers = [await from(one), await from(two), await from(one), await from(two)];
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 429]);
      expect(Number(answers[3]!.headers['retry-after'])).toBeGreaterThan(0);
      expect(answers[3]!.json()).toMatchObject({ error: { code: 'rate-limited' } });
      // Another address has its own allowance.
      const other = await one.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: PROTOCOL_HEADERS,
        payload: { username: 'mette', password: 'demo' },
        remoteAddress: '10.1.2.4',
      });
      expect(other.statusCode).toBe(200);
    } finally {
      for (const app of apps) await app.close();
      for (const database of connections) await database.close();
    }
  });

  it("forgets an IP's count once its minute has ended", async () => {
    const start = new Date('2026-12-01T10:00:10.000Z');
    for (let i = 0; i < 3; i++) await countIpAttempt(f.database, '10.5.5.5', 3, start);
    expect(await countIpAttempt(f.database, '10.5.5.5', 3, start)).toMatchObject({ ok: false });
    // The next minute starts afresh, and its first attempt deletes the ended windows' rows.
    const later = new Date('2026-12-01T10:01:05.000Z');
    expect(await countIpAttempt(f.database, '10.5.5.5', 3, later)).toEqual({ ok: true });
    const rows = await f.database.db
      .selectFrom('login_ip_window')
      .select('window_start')
      .where('ip', '=', '10.5.5.5')
      .execute();
    expect(rows).toEqual([{ window_start: '2026-12-01T10:01:00.000Z' }]);
  });
});
