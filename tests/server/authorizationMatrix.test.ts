import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { MutationResult, PullResponse } from '../../src/protocol';
import { createUser } from '../../src/server/auth/users';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, loginOn, mutation, newCitizen, push, PROTOCOL_HEADERS } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

/**
 * Role × team × session over every endpoint. "own" users are in team Syd, where the citizen
 * under test lives; "other" users are not. Outcomes are HTTP statuses, or for push and pull what
 * happened to the Syd citizen (applied / forbidden, sees / blind).
 */
const ACTORS = [
  'caseworker/own',
  'caseworker/other',
  'lead/own',
  'lead/other',
  'admin/own',
  'admin/other',
  'none',
] as const;
type Actor = (typeof ACTORS)[number];

const USERNAME: Record<Exclude<Actor, 'none'>, string> = {
  'caseworker/own': 'anders',
  'caseworker/other': 'sara',
  'lead/own': 'mette',
  'lead/other': 'nils',
  'admin/own': 'ida',
  'admin/other': 'lone',
};

interface Ctx {
  citizenId: string;
  /** The citizen's version as last answered: each actor is a device of its own, so an update
   * based on an older version would clash with the previous actor's. */
  citizenVersion: number;
  victimId: string;
  victimDevice: string;
}

interface Row {
  endpoint: string;
  request: (ctx: Ctx) => InjectOptions;
  outcome?: (res: LightMyRequestResponse, ctx: Ctx) => string;
  expected: Record<Actor, string>;
}

const all = (ok: string, none = '401'): Record<Actor, string> => ({
  'caseworker/own': ok,
  'caseworker/other': ok,
  'lead/own': ok,
  'lead/other': ok,
  'admin/own': ok,
  'admin/other': ok,
  none,
});
const adminsOnly = (ok: string): Record<Actor, string> => ({
  ...all('403'),
  'admin/own': ok,
  'admin/other': ok,
});
const ownOnly = (ok: string, no: string): Record<Actor, string> => ({
  'caseworker/own': ok,
  'caseworker/other': no,
  'lead/own': ok,
  'lead/other': no,
  'admin/own': ok,
  'admin/other': no,
  none: '401',
});
const accessLogReaders: Record<Actor, string> = {
  ...adminsOnly('200'),
  'lead/own': '200',
};

const unique = () => newId().slice(-12);

const ROWS: Row[] = [
  {
    endpoint: 'GET /api/auth/me',
    request: () => ({ method: 'GET', url: '/api/auth/me' }),
    expected: all('200'),
  },
  {
    endpoint: 'GET /api/team/members',
    request: () => ({ method: 'GET', url: '/api/team/members' }),
    expected: all('200'),
  },
  {
    endpoint: 'GET /api/sync/pull (the Syd citizen)',
    request: () => ({ method: 'GET', url: '/api/sync/pull?limit=1000' }),
    outcome: (res, ctx) =>
      res.statusCode !== 200
        ? String(res.statusCode)
        : res.json<PullResponse>().changes.some((c) => c.recordId === ctx.citizenId)
          ? 'sees'
          : 'blind',
    expected: { ...ownOnly('sees', 'blind') },
  },
  {
    endpoint: 'POST /api/sync/push (update of the Syd citizen)',
    request: (ctx) => {
      const m = mutation(
        'citizen',
        'update',
        ctx.citizenId,
        { phone: String(Date.now() % 100_000_000) },
        { baseVersion: ctx.citizenVersion },
      );
      return {
        method: 'POST',
        url: '/api/sync/push',
        payload: { deviceId: m.deviceId, mutations: [m] },
      };
    },
    outcome: (res, ctx) => {
      if (res.statusCode !== 200) return String(res.statusCode);
      const [r] = res.json<{ results: MutationResult[] }>().results;
      if (r?.status === 'applied') ctx.citizenVersion = r.version;
      return r?.status === 'rejected' ? r.code : (r?.status ?? 'none');
    },
    expected: ownOnly('applied', 'forbidden'),
  },
  {
    endpoint: 'POST /api/audit/events',
    request: (ctx) => ({
      method: 'POST',
      url: '/api/audit/events',
      payload: {
        deviceId: 'matrix-device',
        events: [
          {
            id: newId(),
            action: 'read',
            entity: 'citizen',
            recordId: ctx.citizenId,
            at: new Date().toISOString(),
          },
        ],
      },
    }),
    outcome: (res) => {
      if (res.statusCode !== 200) return String(res.statusCode);
      return res.json<{ refused?: number }>().refused ? 'refused' : 'stored';
    },
    expected: ownOnly('stored', 'refused'),
  },
  {
    endpoint: 'GET /api/audit/citizens/:id',
    request: (ctx) => ({ method: 'GET', url: `/api/audit/citizens/${ctx.citizenId}` }),
    expected: accessLogReaders,
  },
  {
    endpoint: 'GET /api/audit/citizens/:id/export',
    request: (ctx) => ({ method: 'GET', url: `/api/audit/citizens/${ctx.citizenId}/export` }),
    expected: accessLogReaders,
  },
  {
    // To its own team: a no-op, so the matrix leaves the citizen where it is.
    endpoint: 'POST /api/citizens/:id/move',
    request: (ctx) => ({
      method: 'POST',
      url: `/api/citizens/${ctx.citizenId}/move`,
      payload: { teamId: 'odense-syd' },
    }),
    expected: { ...adminsOnly('200'), 'lead/own': '200' },
  },
  {
    endpoint: 'GET /api/admin/users',
    request: () => ({ method: 'GET', url: '/api/admin/users' }),
    expected: adminsOnly('200'),
  },
  {
    endpoint: 'POST /api/admin/users',
    request: () => ({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        username: `u${unique()}`,
        name: 'Ny Bruger',
        role: 'caseworker',
        teams: ['odense-nord'],
        password: 'hemmelig-1',
      },
    }),
    expected: adminsOnly('201'),
  },
  {
    endpoint: 'PUT /api/admin/users/:id/teams',
    request: (ctx) => ({
      method: 'PUT',
      url: `/api/admin/users/${ctx.victimId}/teams`,
      payload: { teams: ['odense-nord'] },
    }),
    expected: adminsOnly('200'),
  },
  {
    endpoint: 'PUT /api/admin/users/:id/role',
    request: (ctx) => ({
      method: 'PUT',
      url: `/api/admin/users/${ctx.victimId}/role`,
      payload: { role: 'caseworker' },
    }),
    expected: adminsOnly('200'),
  },
  {
    endpoint: 'POST /api/admin/users/:id/password',
    request: (ctx) => ({
      method: 'POST',
      url: `/api/admin/users/${ctx.victimId}/password`,
      payload: { password: 'nyt-kodeord-1' },
    }),
    expected: adminsOnly('200'),
  },
  {
    endpoint: 'POST /api/admin/users/:id/revoke-sessions',
    request: (ctx) => ({ method: 'POST', url: `/api/admin/users/${ctx.victimId}/revoke-sessions` }),
    expected: adminsOnly('200'),
  },
  {
    endpoint: 'GET /api/admin/devices',
    request: () => ({ method: 'GET', url: '/api/admin/devices' }),
    expected: adminsOnly('200'),
  },
  {
    endpoint: 'POST /api/admin/users/:id/devices/:deviceId/revoke',
    request: (ctx) => ({
      method: 'POST',
      url: `/api/admin/users/${ctx.victimId}/devices/${ctx.victimDevice}/revoke`,
    }),
    expected: adminsOnly('200'),
  },
  {
    endpoint: 'GET /api/admin/teams',
    request: () => ({ method: 'GET', url: '/api/admin/teams' }),
    // A lead gets the teams they lead (to manage their members).
    expected: { ...adminsOnly('200'), 'lead/own': '200', 'lead/other': '200' },
  },
  {
    endpoint: 'POST /api/admin/teams',
    request: () => ({
      method: 'POST',
      url: '/api/admin/teams',
      payload: { id: `t-${unique()}`, name: 'Nyt team' },
    }),
    expected: adminsOnly('201'),
  },
  {
    // Last: it ends the session it is sent with (each actor signs in afresh for it).
    endpoint: 'POST /api/auth/logout',
    request: () => ({ method: 'POST', url: '/api/auth/logout' }),
    expected: all('200'),
  },
];

describe.each(DIALECTS)('authorization matrix over every endpoint (%s)', (dialect) => {
  const f = useSeededApp(dialect);
  const tokens = new Map<Actor, string>();
  const ctx: Ctx = {
    citizenId: '',
    citizenVersion: 1,
    victimId: 'victim',
    victimDevice: 'victim-device-1',
  };

  beforeAll(async () => {
    const extra = [
      {
        id: 'nils',
        username: 'nils',
        name: 'Nils Lead',
        teamId: 'odense-nord',
        role: 'lead' as const,
      },
      {
        id: 'ida',
        username: 'ida',
        name: 'Ida Admin',
        teamId: 'odense-syd',
        role: 'admin' as const,
      },
      {
        id: 'victim',
        username: 'victim',
        name: 'Vera Victim',
        teamId: 'odense-nord',
        role: 'caseworker' as const,
      },
    ];
    for (const u of extra) await createUser(f.database, { ...u, password: 'demo' });
    await loginOn(f.app, 'victim', ctx.victimDevice);
    for (const [actor, username] of Object.entries(USERNAME))
      tokens.set(actor as Actor, (await loginOn(f.app, username, `matrix-${username}`)).token);
    const citizen = newCitizen({ firstName: 'Matrix' });
    await push(f.app, tokens.get('lead/own')!, [citizen]);
    ctx.citizenId = citizen.recordId;
  });

  describe.each(ROWS)('$endpoint', (row) => {
    it.each(ACTORS)('answers %s as expected', async (actor) => {
      let token = tokens.get(actor);
      if (row.endpoint.includes('logout') && actor !== 'none')
        token = (await loginOn(f.app, USERNAME[actor], `matrix-${USERNAME[actor]}`)).token;
      const base = row.request(ctx);
      const res = await f.app.inject({
        ...base,
        headers: token ? authHeaders(token) : PROTOCOL_HEADERS,
      });
      const outcome = row.outcome ? row.outcome(res, ctx) : String(res.statusCode);
      expect(outcome, res.body.slice(0, 300)).toBe(row.expected[actor]);
    });
  });
});
