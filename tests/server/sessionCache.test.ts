import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { SESSION_CACHE_MS } from '../../src/server/auth/sessionCache';
import type { Database } from '../../src/server/data/schema';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, loginOn } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('the session cache (%s)', (dialect) => {
  const f = useSeededApp(dialect);
  /** A second server process on the same database, whose clock the test moves. */
  let other: FastifyInstance;
  let otherDatabase: Database;
  let otherNow = Date.parse('2026-12-06T10:00:00.000Z');

  beforeAll(async () => {
    otherDatabase = await f.testDb.open();
    other = await buildApp({
      config: f.testDb.config,
      database: otherDatabase,
      clock: () => new Date(otherNow),
    });
    await other.ready();
  });
  afterAll(async () => {
    await other?.close();
    await otherDatabase?.close();
  });

  const me = (app: FastifyInstance, token: string) =>
    app.inject({ method: 'GET', url: '/api/auth/me', headers: authHeaders(token) });
  const asAdmin = async (app: FastifyInstance, url: string, payload: object = {}) => {
    const res = await app.inject({
      method: url.endsWith('/role') || url.endsWith('/teams') ? 'PUT' : 'POST',
      url,
      headers: authHeaders(await login(app, 'lone')),
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('ends a logged-out session at once in the process that logged it out', async () => {
    const token = await login(f.app, 'anders');
    expect((await me(f.app, token)).statusCode).toBe(200);
    const out = await f.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: authHeaders(token),
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await me(f.app, token)).statusCode).toBe(401);
  });

  it('refuses a revoked device at once in the process that revoked it', async () => {
    const { token, deviceId } = await loginOn(f.app, 'sara');
    expect((await me(f.app, token)).statusCode).toBe(200);
    await asAdmin(f.app, `/api/admin/users/sara/devices/${deviceId}/revoke`);
    const refused = await me(f.app, token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('device-revoked');
  });

  it('applies a role change, a password reset and ended sessions at once in the process that made them', async () => {
    const token = await login(f.app, 'anders');
    expect((await me(f.app, token)).json<{ user: { role: string } }>().user.role).toBe(
      'caseworker',
    );
    await asAdmin(f.app, '/api/admin/users/anders/role', { role: 'lead' });
    expect((await me(f.app, token)).json<{ user: { role: string } }>().user.role).toBe('lead');

    await asAdmin(f.app, '/api/admin/users/anders/revoke-sessions');
    expect((await me(f.app, token)).statusCode).toBe(401);

    const again = await login(f.app, 'anders');
    expect((await me(f.app, again)).statusCode).toBe(200);
    await asAdmin(f.app, '/api/admin/users/anders/password', { password: 'nyt-kodeord-123' });
    expect((await me(f.app, again)).statusCode).toBe(401);
  });

  it('applies a team change at once in the process that made it', async () => {
    const token = await login(f.app, 'mette');
    const teams = async () =>
      (await me(f.app, token))
        .json<{ user: { teams: { id: string }[] } }>()
        .user.teams.map((t) => t.id);
    expect(await teams()).toEqual(['odense-syd']);
    await asAdmin(f.app, '/api/admin/users/mette/teams', { teams: ['odense-syd', 'odense-nord'] });
    expect((await teams()).sort()).toEqual(['odense-nord', 'odense-syd']);
  });

  it('lets another process trust a revoked session for at most five seconds', async () => {
    const { token, deviceId } = await loginOn(f.app, 'mette');
    // The other process looks the session up (and keeps it) at its time T.
    expect((await me(other, token)).statusCode).toBe(200);
    await asAdmin(f.app, `/api/admin/users/mette/devices/${deviceId}/revoke`);
    expect((await me(f.app, token)).statusCode).toBe(403);
    // Just under the bound the other process still answers from memory ...
    otherNow += SESSION_CACHE_MS - 1;
    expect((await me(other, token)).statusCode).toBe(200);
    // ... and at the bound it asks the database, which says revoked.
    otherNow += 1;
    expect(SESSION_CACHE_MS).toBeLessThanOrEqual(5_000);
    expect((await me(other, token)).statusCode).toBe(403);
  });
});
