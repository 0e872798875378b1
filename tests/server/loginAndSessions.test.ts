import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { hashToken } from '../../src/server/auth/sessions';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, loginOn, PROTOCOL_HEADERS } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';
import { untilWindowHasRoom } from './helpers/ipWindow';

describe.each(DIALECTS)('login throttling, sessions and devices (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  const attempt = (username: string, password: string, app = f.app, remoteAddress?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: PROTOCOL_HEADERS,
      payload: { username, password },
      ...(remoteAddress ? { remoteAddress } : {}),
    });

  it('slows brute force on a username: 429 after five failures, and the right password is refused during the lockout', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('sara', `gæt-${i}`)).statusCode).toBe(401);
    const locked = await attempt('sara', 'gæt-igen');
    expect(locked.statusCode).toBe(429);
    const body = locked.json<{ error: { code: string; details: { retryAfterSeconds: number } } }>();
    expect(body.error.code).toBe('rate-limited');
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const right = await attempt('sara', 'demo');
    expect(right.statusCode).toBe(429);
    const throttled = await f.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'login-throttled')
      .execute();
    expect(throttled.some((t) => t.detail?.includes('"sara"'))).toBe(true);
    // An unknown username is counted and locked the same way: the answer reveals nothing.
    for (let i = 0; i < 5; i++) await attempt('ingen-saadan', 'x');
    expect((await attempt('ingen-saadan', 'x')).statusCode).toBe(429);
    // After the lockout (here: cleared as if it had run out) the right password works again.
    await f.database.db.deleteFrom('login_throttle').where('username', '=', 'sara').execute();
    expect((await attempt('sara', 'demo')).statusCode).toBe(200);
  });

  it('limits login attempts per IP address with the same error shape', async () => {
    const strict = await buildApp({
      config: { ...f.testDb.config, LOGIN_RATE_LIMIT_PER_MINUTE: 3 },
      database: f.database,
    });
    try {
      // An address of its own: the count is in the database, shared with this file's other logins.
      await untilWindowHasRoom();
      for (let i = 0; i < 3; i++)
        expect((await attempt('anders', 'demo', strict, '10.9.8.7')).statusCode).toBe(200);
      const fourth = await attempt('anders', 'demo', strict, '10.9.8.7');
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json()).toMatchObject({ error: { code: 'rate-limited' } });
      expect(fourth.headers['retry-after']).toBeDefined();
      const audited = await f.database.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'login-throttled')
        .execute();
      expect(audited.some((a) => a.detail?.includes('per-ip'))).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it('refuses an expired session and a revoked one with 401 unauthorized', async () => {
    const expired = await login(f.app, 'mette');
    await f.database.db
      .updateTable('sessions')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('token_hash', '=', hashToken(expired))
      .execute();
    const loggedOut = await login(f.app, 'mette');
    await f.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: authHeaders(loggedOut),
    });
    const revoked = await login(f.app, 'anders');
    const lone = await login(f.app, 'lone');
    const revoke = await f.app.inject({
      method: 'POST',
      url: '/api/admin/users/anders/revoke-sessions',
      headers: authHeaders(lone),
    });
    expect(revoke.json<{ revoked: number }>().revoked).toBeGreaterThan(0);
    for (const token of [expired, loggedOut, revoked]) {
      const res = await f.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: authHeaders(token),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('gives a stable device secret per user and device, and refuses a revoked device with 403 device-revoked, at login too', async () => {
    const first = await loginOn(f.app, 'mette', 'laptop-mette-1');
    const again = await loginOn(f.app, 'mette', 'laptop-mette-1');
    const other = await loginOn(f.app, 'mette', 'tablet-mette-2');
    expect(first.deviceId).toBe('laptop-mette-1');
    expect(again.deviceSecret).toBe(first.deviceSecret);
    expect(other.deviceSecret).not.toBe(first.deviceSecret);
    expect(first.user.teams.map((t) => t.id)).toEqual(['odense-syd']);
    // Another user naming the same device id gets a secret of their own.
    expect((await loginOn(f.app, 'anders', 'laptop-mette-1')).deviceSecret).not.toBe(
      first.deviceSecret,
    );
    const made = await loginOn(f.app, 'sara');
    expect(made.deviceId.length).toBeGreaterThanOrEqual(8);

    const lone = await login(f.app, 'lone');
    const revoke = await f.app.inject({
      method: 'POST',
      url: '/api/admin/users/mette/devices/laptop-mette-1/revoke',
      headers: authHeaders(lone),
    });
    expect(revoke.statusCode).toBe(200);
    for (const url of ['/api/auth/me', '/api/sync/pull']) {
      const res = await f.app.inject({ method: 'GET', url, headers: authHeaders(first.token) });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'device-revoked' } });
    }
    const relogin = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: PROTOCOL_HEADERS,
      payload: { username: 'mette', password: 'demo', deviceId: 'laptop-mette-1' },
    });
    expect(relogin.statusCode).toBe(403);
    expect(relogin.json()).toMatchObject({ error: { code: 'device-revoked' } });
    const otherDevice = await f.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: authHeaders(other.token),
    });
    expect(otherDevice.statusCode).toBe(200);
    const devices = await f.app.inject({
      method: 'GET',
      url: '/api/admin/devices?userId=mette',
      headers: authHeaders(lone),
    });
    const listed = devices.json<{ devices: { id: string; revokedAt: string | null }[] }>().devices;
    const revokedAt = (id: string) => listed.find((d) => d.id === id)?.revokedAt;
    expect(revokedAt('laptop-mette-1')).toMatch(/^\d{4}-/);
    expect(revokedAt('tablet-mette-2')).toBeNull();
  });

  it('takes the token only from the authorization header, never from the URL', async () => {
    const token = await login(f.app, 'anders');
    for (const url of [`/api/auth/me?token=${token}`, `/api/auth/me?access_token=${token}`]) {
      const res = await f.app.inject({ method: 'GET', url, headers: PROTOCOL_HEADERS });
      expect(res.statusCode).toBe(401);
    }
  });

  it('refuses an oversized login body', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { ...PROTOCOL_HEADERS, 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'mette', password: 'x'.repeat(10_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload-too-large' } });
  });
});
