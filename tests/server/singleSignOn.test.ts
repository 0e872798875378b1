import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, PROTOCOL_HEADERS } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';
import { untilWindowHasRoom } from './helpers/ipWindow';
import { startTokenIssuer, type TokenIssuer } from './helpers/tokenIssuer';

const REDIRECT_URL = 'https://fremskudt.test/api/auth/oidc/callback';

/** The name=value pairs a response sets (expired ones included, as empty values). */
function setCookies(res: LightMyRequestResponse): Record<string, string> {
  const header = res.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  return Object.fromEntries(
    lines.map((line) => {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

describe.each(DIALECTS)('single sign-on with OpenID Connect (%s)', (dialect) => {
  const f = useSeededApp(dialect);
  let provider: TokenIssuer;
  let app: FastifyInstance;

  const ssoConfig = () => ({
    ...f.testDb.config,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: 'test-secret',
    OIDC_REDIRECT_URL: REDIRECT_URL,
    OIDC_SUBJECT_CLAIM: 'oid' as const,
    OIDC_ALLOW_HTTP: true,
  });

  beforeAll(async () => {
    provider = await startTokenIssuer();
    app = await buildApp({ config: ssoConfig(), database: f.database });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  /** The browser's first leg: what the server sends to the provider, and the state cookie. */
  async function start() {
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    const state = location.searchParams.get('state') ?? '';
    return {
      location,
      state,
      nonce: location.searchParams.get('nonce') ?? '',
      cookie: `fremskudt_oidc_state=${setCookies(res).fremskudt_oidc_state}`,
    };
  }

  /** The provider's redirect back with a code; the token endpoint answers with `idToken`. */
  async function callback(flow: { state: string; cookie: string }, idToken: () => Promise<string>) {
    provider.onToken = idToken;
    return app.inject({
      method: 'GET',
      url: `/api/auth/oidc/callback?code=abc&state=${encodeURIComponent(flow.state)}`,
      headers: { cookie: flow.cookie },
    });
  }

  async function exchange(handoff: string | undefined) {
    return app.inject({
      method: 'POST',
      url: '/api/auth/oidc/exchange',
      headers: {
        ...PROTOCOL_HEADERS,
        ...(handoff ? { cookie: `fremskudt_oidc_handoff=${handoff}` } : {}),
      },
      payload: {},
    });
  }

  async function failures(reason: string) {
    const rows = await f.database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'login-failed')
      .execute();
    return rows.filter((r) => r.detail?.includes(`"reason":"${reason}"`));
  }

  function expectRefused(res: LightMyRequestResponse, reason = 'failed') {
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/?sso-error=${reason}`);
    expect(setCookies(res).fremskudt_oidc_handoff).toBeUndefined();
  }

  it('tells the login page that single sign-on is on, with the provider logout', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/auth/config',
      headers: PROTOCOL_HEADERS,
    });
    const config = res.json<{ sso: boolean; endSessionUrl: string }>();
    expect(config.sso).toBe(true);
    expect(new URL(config.endSessionUrl).pathname).toBe('/logout');
    const off = await f.app.inject({
      method: 'GET',
      url: '/api/auth/config',
      headers: PROTOCOL_HEADERS,
    });
    expect(off.json()).toEqual({ sso: false });
  });

  it('signs a known user in: PKCE to the provider, a one-time code in a cookie, the same session as a password login', async () => {
    const flow = await start();
    expect(flow.location.origin).toBe(provider.issuer);
    expect(flow.location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(flow.location.searchParams.get('redirect_uri')).toBe(REDIRECT_URL);
    expect(flow.nonce.length).toBeGreaterThan(20);
    const res = await callback(flow, () =>
      provider.sign({
        sub: 's-sara',
        oid: 'oid-sara',
        preferred_username: 'Sara',
        nonce: flow.nonce,
      }),
    );
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/?sso=done');
    const handoff = setCookies(res).fremskudt_oidc_handoff;
    expect(handoff?.length).toBeGreaterThan(20);
    expect(res.headers['set-cookie']).toEqual(
      expect.arrayContaining([expect.stringMatching(/fremskudt_oidc_handoff=.*HttpOnly/)]),
    );

    const collected = await exchange(handoff);
    expect(collected.statusCode).toBe(200);
    const login = collected.json<{ token: string; user: { id: string }; deviceSecret: string }>();
    expect(login.user.id).toBe('sara');
    expect(login.deviceSecret.length).toBeGreaterThanOrEqual(32);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: authHeaders(login.token),
    });
    expect(me.json()).toMatchObject({ user: { id: 'sara' } });
    const audited = await f.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'login')
      .where('user_id', '=', 'sara')
      .execute();
    expect(audited.some((a) => a.detail?.includes('"oidc"'))).toBe(true);

    // The code is good once.
    expect((await exchange(handoff)).statusCode).toBe(401);
    // Linked by oid from now on: a renamed account at the provider is still Sara.
    const again = await start();
    const second = await callback(again, () =>
      provider.sign({
        sub: 's-sara',
        oid: 'oid-sara',
        preferred_username: 'sara.n@kommune.dk',
        nonce: again.nonce,
      }),
    );
    const secondLogin = await exchange(setCookies(second).fremskudt_oidc_handoff);
    expect(secondLogin.json<{ user: { id: string } }>().user.id).toBe('sara');
  });

  it('binds the session to the device the app names for that user, keeping its device secret', async () => {
    const sign = async () => {
      const flow = await start();
      const res = await callback(flow, () =>
        provider.sign({
          sub: 's-anders',
          oid: 'oid-anders',
          preferred_username: 'anders',
          nonce: flow.nonce,
        }),
      );
      return setCookies(res).fremskudt_oidc_handoff;
    };
    const first = (await exchange(await sign())).json<{ deviceId: string; deviceSecret: string }>();
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/oidc/exchange',
      headers: { ...PROTOCOL_HEADERS, cookie: `fremskudt_oidc_handoff=${await sign()}` },
      payload: { devices: [{ userId: 'anders', deviceId: first.deviceId }] },
    });
    expect(second.json()).toMatchObject({
      deviceId: first.deviceId,
      deviceSecret: first.deviceSecret,
    });
  });

  it('refuses an ID token for another audience', async () => {
    const flow = await start();
    const res = await callback(flow, () =>
      provider.sign({
        aud: 'another-app',
        oid: 'oid-sara',
        preferred_username: 'sara',
        nonce: flow.nonce,
      }),
    );
    expectRefused(res);
    expect((await failures('token-invalid')).length).toBeGreaterThan(0);
  });

  it('refuses an expired ID token', async () => {
    const before = (await failures('token-invalid')).length;
    const flow = await start();
    const hourAgo = Math.floor(Date.now() / 1000) - 3_600;
    const res = await callback(flow, () =>
      provider.sign({
        oid: 'oid-sara',
        preferred_username: 'sara',
        nonce: flow.nonce,
        iat: hourAgo - 300,
        exp: hourAgo,
      }),
    );
    expectRefused(res);
    expect((await failures('token-invalid')).length).toBe(before + 1);
  });

  it('refuses an ID token signed with a key the provider does not publish', async () => {
    const before = (await failures('token-invalid')).length;
    const flow = await start();
    const forged = await provider.otherKey();
    const res = await callback(flow, () =>
      provider.sign(
        { oid: 'oid-sara', preferred_username: 'sara', nonce: flow.nonce },
        { key: forged },
      ),
    );
    expectRefused(res);
    expect((await failures('token-invalid')).length).toBe(before + 1);
  });

  it('refuses a replayed nonce: an ID token from an earlier sign-in does not complete a new one', async () => {
    const before = (await failures('token-invalid')).length;
    const earlier = await start();
    const replayed = await provider.sign({
      oid: 'oid-sara',
      preferred_username: 'sara',
      nonce: earlier.nonce,
    });
    const flow = await start();
    expectRefused(await callback(flow, () => Promise.resolve(replayed)));
    expect((await failures('token-invalid')).length).toBe(before + 1);
  });

  it('refuses a wrong or reused state, and a callback this browser did not start', async () => {
    const flow = await start();
    expectRefused(
      await callback({ state: 'made-up', cookie: 'fremskudt_oidc_state=made-up' }, () =>
        provider.sign({ oid: 'oid-sara', preferred_username: 'sara', nonce: flow.nonce }),
      ),
    );
    expect((await failures('state-unknown-or-expired')).length).toBeGreaterThan(0);
    // Someone else's callback link opened in this browser (login CSRF): the state cookie differs.
    expectRefused(
      await callback({ state: flow.state, cookie: 'fremskudt_oidc_state=mine' }, () =>
        provider.sign({ oid: 'oid-sara', preferred_username: 'sara', nonce: flow.nonce }),
      ),
    );
    expect((await failures('state-mismatch')).length).toBeGreaterThan(0);
    // The good callback works once; the same state again is refused.
    const ok = await callback(flow, () =>
      provider.sign({ oid: 'oid-sara', preferred_username: 'sara', nonce: flow.nonce }),
    );
    expect(ok.headers.location).toBe('/?sso=done');
    expectRefused(
      await callback(flow, () =>
        provider.sign({ oid: 'oid-sara', preferred_username: 'sara', nonce: flow.nonce }),
      ),
    );
  });

  it('refuses a person the provider knows and Fremskudt does not, with an audit entry naming them', async () => {
    const flow = await start();
    const res = await callback(flow, () =>
      provider.sign({
        oid: 'oid-ukendt',
        preferred_username: 'ukendt@kommune.dk',
        nonce: flow.nonce,
      }),
    );
    expectRefused(res, 'unknown-user');
    const audited = await failures('unknown-user');
    expect(audited.some((a) => a.detail?.includes('ukendt@kommune.dk'))).toBe(true);
  });

  it('never hands a linked account to another person who now carries the same username', async () => {
    const first = await start();
    await callback(first, () =>
      provider.sign({ oid: 'oid-lone', preferred_username: 'lone', nonce: first.nonce }),
    );
    const successor = await start();
    const res = await callback(successor, () =>
      provider.sign({ oid: 'oid-ny-lone', preferred_username: 'lone', nonce: successor.nonce }),
    );
    expectRefused(res, 'unknown-user');
    expect((await failures('unknown-user')).some((a) => a.detail?.includes('oid-ny-lone'))).toBe(
      true,
    );
  });

  it('creates a first-time user with no team when OIDC_AUTO_CREATE is on', async () => {
    const auto = await buildApp({
      config: {
        ...f.testDb.config,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: 'test-secret',
        OIDC_REDIRECT_URL: REDIRECT_URL,
        OIDC_SUBJECT_CLAIM: 'oid',
        OIDC_ALLOW_HTTP: true,
        OIDC_AUTO_CREATE: true,
      },
      database: f.database,
    });
    try {
      const begun = await auto.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      const location = new URL(begun.headers.location as string);
      const state = location.searchParams.get('state') ?? '';
      provider.onToken = () =>
        provider.sign({
          oid: 'oid-ny',
          preferred_username: 'Ny.Kollega@kommune.dk',
          name: 'Ny Kollega',
          nonce: location.searchParams.get('nonce') ?? '',
        });
      const back = await auto.inject({
        method: 'GET',
        url: `/api/auth/oidc/callback?code=abc&state=${state}`,
        headers: { cookie: `fremskudt_oidc_state=${state}` },
      });
      expect(back.headers.location).toBe('/?sso=done');
      const login = await auto.inject({
        method: 'POST',
        url: '/api/auth/oidc/exchange',
        headers: {
          ...PROTOCOL_HEADERS,
          cookie: `fremskudt_oidc_handoff=${setCookies(back).fremskudt_oidc_handoff}`,
        },
        payload: {},
      });
      expect(login.json()).toMatchObject({
        user: { username: 'ny.kollega@kommune.dk', role: 'caseworker', teamId: null, teams: [] },
      });
      // No password opens an account made this way.
      const byPassword = await auto.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: PROTOCOL_HEADERS,
        payload: { username: 'ny.kollega@kommune.dk', password: 'sso-only' },
      });
      expect(byPassword.statusCode).toBe(401);
    } finally {
      await auto.close();
    }
  });

  it('counts starts per client IP with the password logins, so the pending table cannot be flooded', async () => {
    const strict = await buildApp({
      config: { ...ssoConfig(), LOGIN_RATE_LIMIT_PER_MINUTE: 2 },
      database: f.database,
    });
    try {
      await untilWindowHasRoom();
      const begin = () =>
        strict.inject({ method: 'GET', url: '/api/auth/oidc/start', remoteAddress: '10.7.7.7' });
      expect((await begin()).statusCode).toBe(302);
      expect((await begin()).statusCode).toBe(302);
      const third = await begin();
      expect(third.statusCode).toBe(429);
      expect(third.json()).toMatchObject({ error: { code: 'rate-limited' } });
    } finally {
      await strict.close();
    }
  });
});
