import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminLogResponse,
  AdminTeamMembersResponse,
  AdminUsersResponse,
} from '../../src/protocol';
import { runAdminCommand } from '../../src/server/admin/cliCommands';
import { createUser } from '../../src/server/auth/users';
import { useSeededApp } from './helpers/appFixture';
import { authHeaders, login, newCitizen, pullAll, push, PROTOCOL_HEADERS } from './helpers/api';
import { DIALECTS } from './helpers/testDatabase';

/**
 * Administration in the app: who may do what (admin; lead of the team; lead of another team;
 * caseworker), the initial password a user must replace, deactivation, and the administration
 * log. The demo's team Syd is led by mette; nils leads Nord and Vest (created here).
 */
const ACTORS = ['admin', 'lead/own', 'lead/other', 'caseworker'] as const;
type Actor = (typeof ACTORS)[number];
const USERNAME: Record<Actor, string> = {
  admin: 'lone',
  'lead/own': 'mette',
  'lead/other': 'nils',
  caseworker: 'anders',
};

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

describe.each(DIALECTS)('administration in the app (%s)', (dialect) => {
  const f = useSeededApp(dialect);
  const tokens = new Map<Actor, string>();

  const as = (actor: Actor, options: InjectOptions) =>
    f.app.inject({ ...options, headers: authHeaders(tokens.get(actor)!) });

  /** A fresh caseworker in team Syd (and Nord, so Syd is not their only team). */
  async function newSydCaseworker(): Promise<string> {
    const id = unique('cw');
    await createUser(f.database, {
      id,
      username: id,
      name: `Test ${id}`,
      teamId: 'odense-syd',
      otherTeamIds: ['odense-nord'],
      password: 'demo-demo',
    });
    return id;
  }

  beforeAll(async () => {
    await createUser(f.database, {
      id: 'nils',
      username: 'nils',
      name: 'Nils Leder',
      teamId: 'odense-nord',
      otherTeamIds: ['odense-vest'],
      role: 'lead',
      password: 'demo',
    });
    for (const actor of ACTORS) tokens.set(actor, await login(f.app, USERNAME[actor]));
  });

  describe('who may do what', () => {
    const cases: {
      name: string;
      request: () => Promise<InjectOptions>;
      expected: Record<Actor, number>;
    }[] = [
      {
        name: 'create a user',
        request: () =>
          Promise.resolve({
            method: 'POST',
            url: '/api/admin/users',
            payload: {
              username: unique('new'),
              name: 'Ny Bruger',
              role: 'caseworker',
              teams: ['odense-syd'],
              password: 'initial-1',
              mustChangePassword: true,
            },
          }),
        expected: { admin: 201, 'lead/own': 403, 'lead/other': 403, caseworker: 403 },
      },
      {
        name: 'deactivate a user',
        request: async () => ({
          method: 'PUT',
          url: `/api/admin/users/${await newSydCaseworker()}/active`,
          payload: { active: false },
        }),
        expected: { admin: 200, 'lead/own': 403, 'lead/other': 403, caseworker: 403 },
      },
      {
        name: 'change a role',
        request: async () => ({
          method: 'PUT',
          url: `/api/admin/users/${await newSydCaseworker()}/role`,
          payload: { role: 'lead' },
        }),
        expected: { admin: 200, 'lead/own': 403, 'lead/other': 403, caseworker: 403 },
      },
      {
        name: 'create a team',
        request: () =>
          Promise.resolve({
            method: 'POST',
            url: '/api/admin/teams',
            payload: { id: unique('team'), name: 'Nyt team' },
          }),
        expected: { admin: 201, 'lead/own': 403, 'lead/other': 403, caseworker: 403 },
      },
      {
        name: 'rename a team',
        request: () =>
          Promise.resolve({
            method: 'PUT',
            url: '/api/admin/teams/odense-vest',
            payload: { name: 'Fremskudt team Vest' },
          }),
        expected: { admin: 200, 'lead/own': 403, 'lead/other': 403, caseworker: 403 },
      },
      {
        name: "list team Syd's members",
        request: () =>
          Promise.resolve({ method: 'GET', url: '/api/admin/teams/odense-syd/members' }),
        expected: { admin: 200, 'lead/own': 200, 'lead/other': 403, caseworker: 403 },
      },
      {
        name: 'add a member to team Syd',
        request: async () => {
          const id = unique('cw');
          await createUser(f.database, {
            id,
            username: id,
            name: 'Uden Syd',
            teamId: 'odense-vest',
            password: 'demo-demo',
          });
          return {
            method: 'POST',
            url: '/api/admin/teams/odense-syd/members',
            payload: { user: id },
          };
        },
        expected: { admin: 201, 'lead/own': 201, 'lead/other': 403, caseworker: 403 },
      },
      {
        name: 'remove a member from team Syd',
        request: async () => ({
          method: 'DELETE',
          url: `/api/admin/teams/odense-syd/members/${await newSydCaseworker()}`,
        }),
        expected: { admin: 200, 'lead/own': 200, 'lead/other': 403, caseworker: 403 },
      },
      {
        name: 'read the administration log',
        request: () => Promise.resolve({ method: 'GET', url: '/api/admin/log' }),
        expected: { admin: 200, 'lead/own': 200, 'lead/other': 200, caseworker: 403 },
      },
    ];
    describe.each(cases)('$name', (c) => {
      it.each(ACTORS)('answers %s as expected', async (actor) => {
        const res = await as(actor, await c.request());
        expect(res.statusCode, res.body.slice(0, 300)).toBe(c.expected[actor]);
      });
    });

    it('lets a lead move a citizen only between two teams they lead', async () => {
      const citizen = newCitizen({ firstName: 'Flyttes' });
      await push(f.app, await login(f.app, 'sara'), [citizen]);
      const move = (actor: Actor, teamId: string) =>
        as(actor, {
          method: 'POST',
          url: `/api/citizens/${citizen.recordId}/move`,
          payload: { teamId },
        });
      expect((await move('caseworker', 'odense-vest')).statusCode).toBe(403);
      expect((await move('lead/own', 'odense-syd')).statusCode).toBe(403);
      const moved = await move('lead/other', 'odense-vest');
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ fromTeamId: 'odense-nord', toTeamId: 'odense-vest' });
      expect((await move('admin', 'odense-syd')).statusCode).toBe(200);
      const log = await as('lead/other', {
        method: 'GET',
        url: '/api/admin/log?what=move-citizen',
      });
      expect(log.json<AdminLogResponse>().entries[0]).toMatchObject({
        by: 'nils',
        teamId: 'odense-vest',
        detail: { citizenId: citizen.recordId, fromTeamId: 'odense-nord' },
      });
    });

    it('lists all teams to an administrator and only the teams they lead to a lead', async () => {
      const teamsOf = async (actor: Actor) =>
        (await as(actor, { method: 'GET', url: '/api/admin/teams' }))
          .json<{
            teams: { id: string }[];
          }>()
          .teams.map((t) => t.id);
      expect(await teamsOf('lead/own')).toEqual(['odense-syd']);
      expect((await teamsOf('lead/other')).sort()).toEqual(['odense-nord', 'odense-vest']);
      expect(await teamsOf('admin')).toEqual(
        expect.arrayContaining(['odense-syd', 'odense-nord', 'odense-vest']),
      );
      expect((await as('caseworker', { method: 'GET', url: '/api/admin/teams' })).statusCode).toBe(
        403,
      );
    });

    it('refuses to remove a user from their only team, and refuses bad input with 400', async () => {
      const id = unique('only');
      await createUser(f.database, {
        id,
        username: id,
        name: 'Kun Syd',
        teamId: 'odense-syd',
        password: 'demo-demo',
      });
      const res = await as('lead/own', {
        method: 'DELETE',
        url: `/api/admin/teams/odense-syd/members/${id}`,
      });
      expect(res.statusCode).toBe(400);
      const short = await as('admin', {
        method: 'POST',
        url: '/api/admin/users',
        payload: { username: 'x y', name: '', role: 'boss', teams: [], password: 'short' },
      });
      expect(short.statusCode).toBe(400);
      expect(short.json()).toMatchObject({ error: { code: 'invalid-request' } });
    });
  });

  it('makes a user with an initial password choose their own before signing in', async () => {
    const username = unique('ny');
    const created = await as('admin', {
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        username,
        name: 'Nina Ny',
        role: 'caseworker',
        teams: ['odense-syd'],
        password: 'initial-pass',
        mustChangePassword: true,
      },
    });
    expect(created.statusCode).toBe(201);
    const loginWith = (password: string) =>
      f.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: PROTOCOL_HEADERS,
        payload: { username, password },
      });
    const first = await loginWith('initial-pass');
    expect(first.statusCode).toBe(403);
    expect(first.json()).toMatchObject({ error: { code: 'password-change-required' } });
    expect(first.json()).not.toHaveProperty('token');

    const change = (password: string, newPassword: string) =>
      f.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: PROTOCOL_HEADERS,
        payload: { username, password, newPassword },
      });
    expect((await change('wrong-pass', 'mine-only-1')).statusCode).toBe(401);
    expect((await change('initial-pass', 'initial-pass')).statusCode).toBe(400);
    expect((await change('initial-pass', 'mine-only-1')).statusCode).toBe(200);

    expect((await loginWith('initial-pass')).statusCode).toBe(401);
    const token = await login(f.app, username, 'mine-only-1');
    // The team's citizens reach the new user.
    const sydCitizen = newCitizen({ firstName: 'SydBorger' });
    await push(f.app, tokens.get('lead/own')!, [sydCitizen]);
    const { changes } = await pullAll(f.app, token);
    expect(changes.some((c) => c.recordId === sydCitizen.recordId)).toBe(true);
    const users = await as('admin', { method: 'GET', url: '/api/admin/users' });
    expect(
      users.json<AdminUsersResponse>().users.find((u) => u.username === username),
    ).toMatchObject({ active: true, mustChangePassword: false });
  });

  it('ends the sessions of a deactivated user and refuses their login until reactivated', async () => {
    const id = await newSydCaseworker();
    const token = await login(f.app, id, 'demo-demo');
    const me = () =>
      f.app.inject({ method: 'GET', url: '/api/auth/me', headers: authHeaders(token) });
    expect((await me()).statusCode).toBe(200);
    const setActive = (active: boolean) =>
      as('admin', { method: 'PUT', url: `/api/admin/users/${id}/active`, payload: { active } });
    expect((await setActive(false)).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
    await expect(login(f.app, id, 'demo-demo')).rejects.toThrow(/401|Wrong/);
    const listed = await as('admin', { method: 'GET', url: '/api/admin/users' });
    expect(listed.json<AdminUsersResponse>().users.find((u) => u.id === id)).toMatchObject({
      active: false,
    });
    expect((await setActive(true)).statusCode).toBe(200);
    expect(await login(f.app, id, 'demo-demo')).toEqual(expect.any(String));
  });

  it('refuses an administrator deactivating themselves', async () => {
    const res = await as('admin', {
      method: 'PUT',
      url: '/api/admin/users/lone/active',
      payload: { active: false },
    });
    expect(res.statusCode).toBe(400);
  });

  it('logs who did what to whom; a lead sees only the entries of the teams they lead', async () => {
    const id = await newSydCaseworker();
    await as('lead/own', { method: 'DELETE', url: `/api/admin/teams/odense-syd/members/${id}` });
    await as('admin', {
      method: 'PUT',
      url: `/api/admin/users/${id}/role`,
      payload: { role: 'lead' },
    });
    await as('admin', {
      method: 'PUT',
      url: '/api/admin/teams/odense-nord',
      payload: { name: 'Fremskudt team Nord' },
    });
    const logOf = async (actor: Actor, query = '') =>
      (await as(actor, { method: 'GET', url: `/api/admin/log${query}` })).json<AdminLogResponse>()
        .entries;

    const adminView = await logOf('admin');
    expect(adminView.find((e) => e.userId === id && e.what === 'remove-member')).toMatchObject({
      by: 'mette',
      byName: 'Mette Sørensen',
      teamId: 'odense-syd',
      userName: `Test ${id}`,
    });
    expect(adminView.find((e) => e.userId === id && e.what === 'set-role')).toMatchObject({
      by: 'lone',
      detail: { role: 'lead' },
    });

    const metteView = await logOf('lead/own');
    expect(metteView.some((e) => e.userId === id && e.what === 'remove-member')).toBe(true);
    // Role changes concern no team: administrators only. Nord is not Mette's.
    expect(metteView.some((e) => e.what === 'set-role')).toBe(false);
    expect(metteView.every((e) => e.teamId === 'odense-syd')).toBe(true);
    const nilsView = await logOf('lead/other');
    expect(nilsView.some((e) => e.teamId === 'odense-syd')).toBe(false);
    expect(nilsView.some((e) => e.what === 'rename-team' && e.teamId === 'odense-nord')).toBe(true);

    const filtered = await logOf('admin', `?what=set-role&by=lone`);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((e) => e.what === 'set-role' && e.by === 'lone')).toBe(true);
    expect((await as('admin', { method: 'GET', url: '/api/admin/log?what=nope' })).statusCode).toBe(
      400,
    );
  });

  it('logs the command line’s actions as done by "cli"', async () => {
    const team = unique('cli-team');
    await runAdminCommand(f.database, 'create-team', ['--id', team, '--name', 'CLI-team']);
    await runAdminCommand(f.database, 'rename-team', ['--id', team, '--name', 'CLI-team 2']);
    const entries = (
      await as('admin', { method: 'GET', url: `/api/admin/log?teamId=${team}` })
    ).json<AdminLogResponse>().entries;
    expect(entries.map((e) => [e.by, e.what])).toEqual([
      ['cli', 'rename-team'],
      ['cli', 'create-team'],
    ]);
    const members = await as('admin', { method: 'GET', url: `/api/admin/teams/${team}/members` });
    expect(members.json<AdminTeamMembersResponse>().members).toEqual([]);
  });
});
