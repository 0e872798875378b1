import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_ENTITIES } from '../../src/domain/entities';
import type { UserProfile } from '../../src/domain/user';
import type { AdminUser } from '../../src/protocol/admin';
import { buildApp } from '../../src/server/app';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, newCitizen, PROTOCOL_HEADERS, pullAll, push } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';
import { startTokenIssuer, type TokenIssuer } from './helpers/tokenIssuer';

const REDIRECT_URL = 'https://fremskudt.test/api/auth/oidc/callback';
const GROUP_MAP = {
  'g-nord': { team: 'odense-nord' },
  'g-vest': { team: 'odense-vest' },
  'g-ledere': { role: 'lead' },
};

function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  const header = res.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  for (const line of lines) {
    const [pair = ''] = line.split(';');
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return undefined;
}

interface SsoLogin {
  token: string;
  deviceId: string;
  user: UserProfile;
}

describe.each(DIALECTS)('single sign-on: users with no team, teams from groups (%s)', (dialect) => {
  const f = useSeededApp(dialect);
  let provider: TokenIssuer;
  let app: FastifyInstance;

  beforeAll(async () => {
    provider = await startTokenIssuer();
    app = await buildApp({
      config: {
        ...f.testDb.config,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: 'test-secret',
        OIDC_REDIRECT_URL: REDIRECT_URL,
        OIDC_SUBJECT_CLAIM: 'oid',
        OIDC_ALLOW_HTTP: true,
        OIDC_AUTO_CREATE: true,
        OIDC_GROUP_MAP: JSON.stringify(GROUP_MAP),
      },
      database: f.database,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  /** The provider's round trip with these claims; the callback's answer. */
  async function callback(claims: JWTPayload) {
    const begun = await app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const location = new URL(begun.headers.location as string);
    const state = location.searchParams.get('state') ?? '';
    provider.onToken = () =>
      provider.sign({ ...claims, nonce: location.searchParams.get('nonce') ?? '' });
    return app.inject({
      method: 'GET',
      url: `/api/auth/oidc/callback?code=abc&state=${encodeURIComponent(state)}`,
      headers: { cookie: `fremskudt_oidc_state=${state}` },
    });
  }

  async function ssoLogin(claims: JWTPayload): Promise<SsoLogin> {
    const back = await callback(claims);
    expect(back.headers.location).toBe('/?sso=done');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/oidc/exchange',
      headers: {
        ...PROTOCOL_HEADERS,
        cookie: `fremskudt_oidc_handoff=${cookieValue(back, 'fremskudt_oidc_handoff')}`,
      },
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    return res.json<SsoLogin>();
  }

  const get = (token: string, url: string) =>
    app.inject({ method: 'GET', url, headers: authHeaders(token) });
  const send = (token: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: authHeaders(token), ...(payload ? { payload } : {}) });
  const me = async (token: string) =>
    (await get(token, '/api/auth/me')).json<{ user: UserProfile }>().user;

  async function providerEntries(userId: string) {
    const rows = await f.database.db
      .selectFrom('audit_log')
      .select(['entity', 'team_id', 'detail'])
      .where('action', '=', 'admin')
      .where('user_id', '=', 'provider')
      .where('record_id', '=', userId)
      .orderBy('at')
      .execute();
    // [what, team, source, role (for a role change)]
    return rows.map((r) => {
      const detail = JSON.parse(r.detail ?? '{}') as { source?: string; role?: string };
      return [r.entity, r.team_id, detail.source, detail.role];
    });
  }

  it('a person created at first sign-in has no team: sees and writes nothing until a lead adds them, then syncs', async () => {
    const ny = await ssoLogin({
      oid: 'oid-ny',
      preferred_username: 'Ny.Kollega@kommune.dk',
      name: 'Ny Kollega',
    });
    expect(ny.user).toMatchObject({
      username: 'ny.kollega@kommune.dk',
      role: 'caseworker',
      teamId: null,
      teams: [],
    });
    // Nothing of any team: the pull carries only the shared places, no citizen data.
    const pulled = await pullAll(app, ny.token);
    expect(pulled.changes.every((c) => SHARED_ENTITIES.has(c.entity))).toBe(true);
    // Nothing written into any team, named or not.
    const results = await push(app, ny.token, [
      newCitizen({}, ny.deviceId),
      { ...newCitizen({}, ny.deviceId), teamId: 'odense-syd' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results.map((r) => ('code' in r ? r.code : undefined))).toEqual([
      'forbidden',
      'forbidden',
    ]);
    const citizens = await f.database.db
      .selectFrom('records')
      .select('id')
      .where('entity', '=', 'citizen')
      .where('team_id', '=', 'odense-syd')
      .execute();
    const someCitizen = citizens[0]?.id ?? '';
    expect((await get(ny.token, `/api/audit/citizens/${someCitizen}`)).statusCode).toBe(403);
    expect((await get(ny.token, '/api/statistics?from=2026-01-01&to=2026-01-31')).statusCode).toBe(
      403,
    );
    expect((await get(ny.token, '/api/team/members')).json()).toEqual({ members: [] });

    // A lead finds them among the users without a team; a caseworker may not list them.
    const mette = await login(app, 'mette');
    const waiting = (await get(mette, '/api/admin/users/waiting')).json<{
      users: { id: string }[];
    }>();
    expect(waiting.users.map((u) => u.id)).toContain(ny.user.id);
    expect((await get(await login(app, 'sara'), '/api/admin/users/waiting')).statusCode).toBe(403);
    // Mette adds them to the team she leads; the same session now syncs that team.
    const added = await send(mette, 'POST', '/api/admin/teams/odense-syd/members', {
      user: ny.user.id,
    });
    expect(added.statusCode).toBe(201);
    expect(await me(ny.token)).toMatchObject({
      teamId: 'odense-syd',
      teams: [{ id: 'odense-syd' }],
    });
    const after = await pullAll(app, ny.token);
    expect(
      after.changes.some((c) => c.entity === 'citizen' && c.record?.teamId === 'odense-syd'),
    ).toBe(true);
    const [written] = await push(app, ny.token, [newCitizen({}, ny.deviceId)]);
    expect(written?.status).toBe('applied');
    const still = (await get(mette, '/api/admin/users/waiting')).json<{
      users: { id: string }[];
    }>();
    expect(still.users.map((u) => u.id)).not.toContain(ny.user.id);
  });

  it('the provider groups give memberships and a role at each sign-in; the app cannot change what they gave', async () => {
    // Sara: a caseworker in Nord, set in the app.
    const first = await ssoLogin({
      oid: 'oid-sara',
      preferred_username: 'sara',
      groups: ['g-vest', 'g-ledere', 'g-ukendt'],
    });
    expect(first.user.role).toBe('lead');
    expect(first.user.teams?.map((t) => t.id).sort()).toEqual(['odense-nord', 'odense-vest']);
    expect(await providerEntries('sara')).toEqual([
      ['add-member', 'odense-vest', 'provider', undefined],
      ['set-role', null, 'provider', 'lead'],
    ]);

    const lone = await login(app, 'lone');
    const users = (await get(lone, '/api/admin/users')).json<{ users: AdminUser[] }>().users;
    expect(users.find((u) => u.id === 'sara')).toMatchObject({
      providerTeams: ['odense-vest'],
      roleFromProvider: true,
    });
    // What the provider gave is changed there, not here (the next sign-in would undo it).
    const refusals = [
      await send(lone, 'PUT', '/api/admin/users/sara/role', { role: 'caseworker' }),
      await send(lone, 'PUT', '/api/admin/users/sara/teams', { teams: ['odense-nord'] }),
      await send(lone, 'DELETE', '/api/admin/teams/odense-vest/members/sara'),
    ];
    for (const res of refusals) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { code: 'provider-managed' } });
    }
    // What the app adds stays the app's.
    const widened = await send(lone, 'PUT', '/api/admin/users/sara/teams', {
      teams: ['odense-nord', 'odense-vest', 'odense-syd'],
    });
    expect(widened.statusCode).toBe(200);
    expect((await me(first.token)).teams?.map((t) => t.id).sort()).toEqual([
      'odense-nord',
      'odense-syd',
      'odense-vest',
    ]);

    // Out of the Vest and leads groups, into Nord's: Vest and the lead role go at the next
    // sign-in, Nord becomes the provider's, Syd (the app's) stays — and the old session knows at once.
    const second = await ssoLogin({
      oid: 'oid-sara',
      preferred_username: 'sara',
      groups: ['g-nord'],
    });
    expect(second.user.role).toBe('caseworker');
    expect(second.user.teams?.map((t) => t.id).sort()).toEqual(['odense-nord', 'odense-syd']);
    expect(await me(first.token)).toMatchObject({ role: 'caseworker' });
    expect((await providerEntries('sara')).slice(2)).toEqual([
      ['remove-member', 'odense-vest', 'provider', undefined],
      ['set-role', null, 'provider', 'caseworker'],
    ]);
    const after = (await get(lone, '/api/admin/users')).json<{ users: AdminUser[] }>().users;
    expect(after.find((u) => u.id === 'sara')).toMatchObject({
      providerTeams: ['odense-nord'],
      roleFromProvider: false,
    });
    // The role is the app's again.
    expect(
      (await send(lone, 'PUT', '/api/admin/users/sara/role', { role: 'caseworker' })).statusCode,
    ).toBe(200);
  });

  it('a person created at first sign-in whose groups map a team starts in it', async () => {
    const ny = await ssoLogin({
      oid: 'oid-nord',
      preferred_username: 'ny.nord@kommune.dk',
      groups: ['g-nord'],
    });
    expect(ny.user).toMatchObject({ teamId: 'odense-nord', teams: [{ id: 'odense-nord' }] });
    const lone = await login(app, 'lone');
    const waiting = (await get(lone, '/api/admin/users/waiting')).json<{
      users: { id: string }[];
    }>();
    expect(waiting.users.map((u) => u.id)).not.toContain(ny.user.id);
  });

  it('refuses a sign-in whose groups the provider left out (too many) and changes nothing, audited', async () => {
    const before = (
      await me((await ssoLogin({ oid: 'oid-anders', preferred_username: 'anders' })).token)
    ).teams;
    const res = await callback({
      oid: 'oid-anders',
      preferred_username: 'anders',
      _claim_names: { groups: 'src1' },
      _claim_sources: {
        src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' },
      },
    });
    expect(res.headers.location).toBe('/?sso-error=groups');
    expect(cookieValue(res, 'fremskudt_oidc_handoff')).toBeUndefined();
    const failed = await f.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'login-failed')
      .where('user_id', '=', 'anders')
      .execute();
    expect(failed.some((r) => r.detail?.includes('"reason":"groups-overage"'))).toBe(true);
    const token = await login(app, 'anders');
    expect((await me(token)).teams).toEqual(before);
  });
});
