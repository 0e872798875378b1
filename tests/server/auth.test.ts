import { describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES } from '../../src/protocol';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, newCitizen, PROTOCOL_HEADERS } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('signing in and the request rules (%s)', (dialect) => {
  const f = useSeededApp(dialect);

  it('signs in a demo caseworker and tells the app who she is and her team', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: PROTOCOL_HEADERS,
      payload: { username: 'Mette', password: 'demo' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      token: string;
      user: { name: string; teamId: string; teamName: string };
    }>();
    expect(body.user).toMatchObject({
      name: 'Mette Sørensen',
      teamId: 'odense-syd',
      teamName: 'Fremskudt team Syd',
    });
    const me = await f.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: authHeaders(body.token),
    });
    expect(me.json()).toMatchObject({ user: { username: 'mette' } });
    const audit = await f.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'login')
      .execute();
    expect(audit.some((a) => a.user_id === 'mette')).toBe(true);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    for (const payload of [
      { username: 'mette', password: 'forkert' },
      { username: 'ingen-saadan', password: 'demo' },
    ]) {
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: PROTOCOL_HEADERS,
        payload,
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'unauthorized', message: 'Wrong username or password' },
      });
    }
  });

  it('answers 401 unauthorized without a token, with a bad token and after logout', async () => {
    const none = await f.app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: PROTOCOL_HEADERS,
    });
    expect(none.statusCode).toBe(401);
    expect(none.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
    const bad = await f.app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: authHeaders('x'.repeat(43)),
    });
    expect(bad.statusCode).toBe(401);
    const token = await login(f.app, 'anders');
    const out = await f.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: authHeaders(token),
    });
    expect(out.statusCode).toBe(200);
    const after = await f.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: authHeaders(token),
    });
    expect(after.statusCode).toBe(401);
  });

  it('tells an outdated app to update with 426 protocol-outdated, before asking it to sign in', async () => {
    const missing = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'mette', password: 'demo' },
    });
    expect(missing.statusCode).toBe(426);
    const old = await f.app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { 'x-fremskudt-protocol': '0', 'x-fremskudt-schema': '1' },
    });
    expect(old.statusCode).toBe(426);
    const body = old.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('protocol-outdated');
    expect(body.error.message).toMatch(/update/i);
  });

  it('answers a malformed push with 400 invalid-request and the issues', async () => {
    const token = await login(f.app, 'mette');
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: authHeaders(token),
      payload: { deviceId: 'device-test-1', mutations: [{ op: 'explode' }] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: unknown[] } }>();
    expect(body.error.code).toBe('invalid-request');
    expect(body.error.details.length).toBeGreaterThan(0);
  });

  it('refuses a push body over the size limit with 413 payload-too-large', async () => {
    const token = await login(f.app, 'mette');
    const big = newCitizen({ lifeStory: 'x'.repeat(MAX_PUSH_BYTES) });
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: authHeaders(token),
      payload: { deviceId: 'device-test-1', mutations: [big] },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('payload-too-large');
  });

  it('answers an unknown API path with 404 not-found as JSON', async () => {
    const token = await login(f.app, 'mette');
    const res = await f.app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: authHeaders(token),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('not-found');
  });
});
