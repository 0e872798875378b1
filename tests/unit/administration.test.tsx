import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { setSession } from '../../src/db/session';
import type { Role } from '../../src/domain/user';
import { CreateUserForm } from '../../src/features/admin/CreateUserForm';
import { ChangePasswordForm } from '../../src/features/login/ChangePasswordForm';
import { LoginPage } from '../../src/features/login/LoginPage';
import { useLocaleStore } from '../../src/stores/localeStore';
import { makeCitizen, METTE, signedInBeforeEach } from '../helpers/factories';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const TEAMS = [
  { id: 'odense-syd', name: 'Fremskudt team Syd' },
  { id: 'odense-nord', name: 'Fremskudt team Nord' },
];

const user = (id: string, name: string, teamId = 'odense-syd') => ({
  id,
  username: id,
  name,
  role: 'caseworker',
  teamId,
  teams: TEAMS.filter((t) => t.id === teamId),
  active: true,
  mustChangePassword: false,
});

async function signInAs(role: Role) {
  await setSession({
    token: 'test-token-0123456789abcdef',
    user: { ...METTE, role, teams: [TEAMS[0]!] },
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
}

signedInBeforeEach();
afterEach(() => {
  vi.unstubAllGlobals();
  useLocaleStore.getState().setLocale('da');
});

describe('the user form checks with the API schema, in Danish and English', () => {
  it('refuses a bad username, an empty name, no team and a short password, and sends nothing', async () => {
    const onCreate = vi.fn(() => Promise.resolve());
    render(<CreateUserForm teams={TEAMS} onCreate={onCreate} />);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Brugernavn'), 'ny bruger');
    await u.type(screen.getByLabelText('Midlertidig adgangskode'), 'kort');
    await u.click(screen.getByRole('button', { name: 'Opret bruger' }));
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Brugernavnet må kun indeholde'),
        expect.stringContaining('Udfyld feltet.'),
        expect.stringContaining('Vælg mindst ét team.'),
        expect.stringContaining('mindst 8 tegn'),
      ]),
    );
    expect(screen.getByLabelText('Brugernavn').getAttribute('aria-invalid')).toBe('true');
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('says the same in English', async () => {
    useLocaleStore.getState().setLocale('en');
    render(<CreateUserForm teams={TEAMS} onCreate={() => Promise.resolve()} />);
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Create user' }));
    expect(screen.getByText('Choose at least one team.')).toBeTruthy();
    expect(screen.getByText(/The password must be at least 8 characters/)).toBeTruthy();
  });

  it('sends a valid user with the first chosen team first and "must change password" on', async () => {
    const onCreate = vi.fn(() => Promise.resolve());
    render(<CreateUserForm teams={TEAMS} onCreate={onCreate} />);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Brugernavn'), 'nina');
    await u.type(screen.getByLabelText('Fulde navn'), 'Nina Ny');
    await u.selectOptions(screen.getByLabelText('Rolle'), 'lead');
    await u.click(screen.getByLabelText('Fremskudt team Nord'));
    await u.click(screen.getByLabelText('Fremskudt team Syd'));
    await u.type(screen.getByLabelText('Midlertidig adgangskode'), 'velkommen-1');
    await u.click(screen.getByRole('button', { name: 'Opret bruger' }));
    expect(onCreate).toHaveBeenCalledWith({
      username: 'nina',
      name: 'Nina Ny',
      role: 'lead',
      teams: ['odense-nord', 'odense-syd'],
      password: 'velkommen-1',
      mustChangePassword: true,
    });
  });
});

describe('choosing one’s own password after an initial one', () => {
  it('shows the change form when the login answers password-change-required', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        json({ error: { code: 'password-change-required', message: 'Choose' } }, 403),
      ),
    );
    render(<LoginPage />);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Brugernavn'), 'nina');
    await u.type(screen.getByLabelText('Adgangskode'), 'velkommen-1');
    await u.click(screen.getByRole('button', { name: 'Log ind' }));
    expect(await screen.findByRole('heading', { name: 'Vælg din egen adgangskode' })).toBeTruthy();
    expect(screen.getByLabelText('Ny adgangskode')).toBeTruthy();
  });

  it('refuses a short, unchanged or mistyped new password, then sends it and signs in', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      calls.push({ url, body: JSON.parse(init?.body as string) });
      return Promise.resolve(json({ ok: true }));
    });
    const signIn = vi.fn(() => Promise.resolve());
    render(<ChangePasswordForm username="nina" currentPassword="velkommen-1" signIn={signIn} />);
    const u = userEvent.setup();
    const submit = () => u.click(screen.getByRole('button', { name: /Skift adgangskode/ }));
    const next = screen.getByLabelText('Ny adgangskode');
    const repeat = screen.getByLabelText('Gentag ny adgangskode');
    await u.type(next, 'kort');
    await submit();
    expect(screen.getByRole('alert').textContent).toMatch(/mindst 8 tegn/);
    await u.clear(next);
    await u.type(next, 'velkommen-1');
    await submit();
    expect(screen.getByRole('alert').textContent).toMatch(/en anden end den midlertidige/);
    await u.clear(next);
    await u.type(next, 'min-egen-kode');
    await u.type(repeat, 'min-egen-kod');
    await submit();
    expect(screen.getByRole('alert').textContent).toMatch(/ikke ens/);
    expect(calls).toEqual([]);
    await u.type(repeat, 'e');
    await submit();
    expect(calls).toEqual([
      {
        url: '/api/auth/password',
        body: { username: 'nina', password: 'velkommen-1', newPassword: 'min-egen-kode' },
      },
    ]);
    expect(signIn).toHaveBeenCalledWith('nina', 'min-egen-kode');
  });
});

describe('the administration page by role', () => {
  function renderAt(path: string) {
    const location = memoryLocation({ path, record: true });
    render(<App locationHook={location.hook} startSync={null} />);
    return userEvent.setup();
  }

  it('lets a lead add and remove members of the team they lead, and shows its log', async () => {
    await signInAs('lead');
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}${init?.body ? ` ${init.body as string}` : ''}`);
      if (url === '/api/admin/teams') return Promise.resolve(json({ teams: [TEAMS[0]] }));
      if (url === '/api/admin/teams/odense-syd/members')
        return Promise.resolve(json({ members: [user('anders', 'Anders Holm')] }));
      if (url.startsWith('/api/admin/log'))
        return Promise.resolve(
          json({
            entries: [
              {
                id: 'l1',
                at: '2026-11-20T10:00:00.000Z',
                by: 'mette',
                byName: 'Mette Sørensen',
                what: 'add-member',
                teamId: 'odense-syd',
                userId: 'anders',
                userName: 'Anders Holm',
                detail: {},
              },
            ],
            hasMore: false,
          }),
        );
      return Promise.resolve(json({ ok: true }, method === 'POST' ? 201 : 200));
    });
    const u = renderAt('/administration');
    await screen.findByRole('heading', { name: 'Medlemmer af Fremskudt team Syd' });
    // Administrators' sections are not there.
    expect(screen.queryByRole('heading', { name: 'Opret bruger' })).toBeNull();
    const log = await screen.findByRole('table', { name: /Administrative handlinger/ });
    expect(within(log).getByText('Tilføjet til team')).toBeTruthy();
    expect(within(log).getByText('Mette Sørensen')).toBeTruthy();

    await u.click(screen.getByRole('button', { name: 'Fjern Anders Holm fra Fremskudt team Syd' }));
    expect(await screen.findByText('Anders Holm er fjernet fra Fremskudt team Syd.')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Tilføj medlem' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Udfyld feltet/);
    await u.type(screen.getByLabelText('Brugernavn på nyt medlem af Fremskudt team Syd'), 'sara');
    await u.click(screen.getByRole('button', { name: 'Tilføj medlem' }));
    expect(await screen.findByText('sara er tilføjet til Fremskudt team Syd.')).toBeTruthy();
    expect(calls).toContain('DELETE /api/admin/teams/odense-syd/members/anders');
    expect(calls).toContain('POST /api/admin/teams/odense-syd/members {"user":"sara"}');
  });

  it('lets an administrator deactivate a user after confirming', async () => {
    await signInAs('admin');
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}${init?.body ? ` ${init.body as string}` : ''}`);
      if (url === '/api/admin/teams') return Promise.resolve(json({ teams: TEAMS }));
      if (url === '/api/admin/users')
        return Promise.resolve(json({ users: [user('anders', 'Anders Holm')] }));
      if (url === '/api/admin/devices') return Promise.resolve(json({ devices: [] }));
      if (url.startsWith('/api/admin/log'))
        return Promise.resolve(json({ entries: [], hasMore: false }));
      return Promise.resolve(json({ ok: true }));
    });
    const u = renderAt('/administration');
    await u.click(await screen.findByRole('button', { name: 'Redigér Anders Holm' }));
    await u.click(screen.getByRole('button', { name: 'Deaktivér bruger' }));
    await u.click(screen.getByRole('button', { name: 'Ja, deaktivér' }));
    expect(await screen.findByText('Ændringen for Anders Holm er gemt.')).toBeTruthy();
    expect(calls).toContain('PUT /api/admin/users/anders/active {"active":false}');
  });

  it('lets a lead move a citizen to another team they lead, from the citizen page', async () => {
    await signInAs('lead');
    const c = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}${init?.body ? ` ${init.body as string}` : ''}`);
      if (url === '/api/admin/teams') return Promise.resolve(json({ teams: TEAMS }));
      return Promise.resolve(
        json({ citizenId: c.id, fromTeamId: c.teamId, toTeamId: 'odense-nord', moved: 1 }),
      );
    });
    const u = renderAt(`/borgere/${c.id}`);
    await u.click(await screen.findByRole('button', { name: 'Flyt borgeren' }));
    const select = await screen.findByLabelText('Nyt team');
    expect(within(select).queryByText('Fremskudt team Syd')).toBeNull();
    await u.selectOptions(select, 'odense-nord');
    await u.click(screen.getByRole('button', { name: 'Flyt borger og alle sager' }));
    expect(await screen.findByText(/Borgeren er flyttet til Fremskudt team Nord/)).toBeTruthy();
    expect(calls).toContain(`POST /api/citizens/${c.id}/move {"teamId":"odense-nord"}`);
  });

  it('shows no administration to a caseworker', async () => {
    await signInAs('caseworker');
    renderAt('/administration');
    expect(
      await screen.findByText('Denne side er kun for administratorer og teamledere.'),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
    const c = await makeCitizen({ firstName: 'Jens' });
    renderAt(`/borgere/${c.id}`);
    await screen.findByRole('heading', { level: 1, name: /Jens/ });
    expect(screen.queryByRole('button', { name: 'Flyt borgeren' })).toBeNull();
  });
});

describe('users without a team, and what the identity provider sets', () => {
  function renderAt(path: string) {
    const location = memoryLocation({ path, record: true });
    render(<App locationHook={location.hook} startSync={null} />);
    return userEvent.setup();
  }

  it('lists the users waiting for a team to a lead, who adds one to the team they lead', async () => {
    await signInAs('lead');
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}${init?.body ? ` ${init.body as string}` : ''}`);
      if (url === '/api/admin/teams') return Promise.resolve(json({ teams: [TEAMS[0]] }));
      if (url === '/api/admin/users/waiting')
        return Promise.resolve(
          json({ users: [{ id: 'u-ny', username: 'ny.kollega@kommune.dk', name: 'Ny Kollega' }] }),
        );
      if (url === '/api/admin/teams/odense-syd/members')
        return Promise.resolve(json({ members: [] }));
      if (url.startsWith('/api/admin/log'))
        return Promise.resolve(json({ entries: [], hasMore: false }));
      return Promise.resolve(json({ ok: true }, method === 'POST' ? 201 : 200));
    });
    const u = renderAt('/administration');
    const section = await screen.findByRole('region', { name: 'Brugere uden team' });
    expect(within(section).getByText('Ny Kollega (ny.kollega@kommune.dk)')).toBeTruthy();
    expect(within(section).getByLabelText('Team til Ny Kollega')).toBeTruthy();
    await u.click(
      within(section).getByRole('button', { name: 'Tilføj Ny Kollega til det valgte team' }),
    );
    expect(await screen.findByText('Ny Kollega er tilføjet til Fremskudt team Syd.')).toBeTruthy();
    expect(calls).toContain('POST /api/admin/teams/odense-syd/members {"user":"u-ny"}');
  });

  it('shows an administrator which team and role come from the provider, locks them, and explains a refusal in Danish', async () => {
    await signInAs('admin');
    const sara = {
      ...user('sara', 'Sara Nielsen', 'odense-syd'),
      role: 'lead',
      teams: TEAMS,
      providerTeams: ['odense-nord'],
      roleFromProvider: true,
    };
    const ny = { ...user('u-ny', 'Ny Kollega'), teamId: null, teams: [] };
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}${init?.body ? ` ${init.body as string}` : ''}`);
      if (url === '/api/admin/teams') return Promise.resolve(json({ teams: TEAMS }));
      if (url === '/api/admin/users') return Promise.resolve(json({ users: [sara, ny] }));
      if (url === '/api/admin/users/waiting') return Promise.resolve(json({ users: [] }));
      if (url === '/api/admin/devices') return Promise.resolve(json({ devices: [] }));
      if (url.startsWith('/api/admin/log'))
        return Promise.resolve(json({ entries: [], hasMore: false }));
      return Promise.resolve(
        json({ error: { code: 'provider-managed', message: 'Set by the provider' } }, 409),
      );
    });
    const u = renderAt('/administration');
    const users = await screen.findByRole('table', { name: 'Brugere' });
    const saraRow = within(users).getByRole('row', { name: /Sara Nielsen/ });
    expect(saraRow.textContent).toContain('Fremskudt team Nord (fra kommunens login)');
    expect(within(users).getByRole('row', { name: /Ny Kollega/ }).textContent).toContain(
      'Intet team endnu',
    );
    expect(screen.getByText('Ingen brugere venter på et team.')).toBeTruthy();

    await u.click(screen.getByRole('button', { name: 'Redigér Sara Nielsen' }));
    const editor = within(screen.getByRole('region', { name: 'Redigér Sara Nielsen' }));
    expect(editor.getByLabelText<HTMLSelectElement>('Rolle').disabled).toBe(true);
    expect(editor.getByText(/Rollen kommer fra brugerens grupper i kommunens login/)).toBeTruthy();
    expect(editor.queryByRole('button', { name: 'Gem rolle' })).toBeNull();
    const nord = editor.getByLabelText<HTMLInputElement>(
      'Fremskudt team Nord (fra kommunens login)',
    );
    expect(nord.disabled).toBe(true);
    expect(nord.checked).toBe(true);
    expect(editor.getByLabelText<HTMLInputElement>('Fremskudt team Syd').disabled).toBe(false);
    // Should the server refuse all the same (changed at the provider meanwhile), it says why.
    await u.click(editor.getByRole('button', { name: 'Gem teams' }));
    expect(
      await screen.findByText(
        'Ændringen blev ikke gemt: Det kommer fra brugerens grupper i kommunens login og kan kun ændres dér.',
      ),
    ).toBeTruthy();
  });
});

describe('signed in with no team yet', () => {
  it('shows only the no-team screen, whatever the address, until the server names a team', async () => {
    const token = 'test-token-0123456789abcdef';
    const noTeam = { ...METTE, username: 'ny.kollega@kommune.dk', teamId: null, teamName: null };
    await setSession({
      token,
      user: { ...noTeam, teams: [] },
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    let answer: unknown = { user: { ...noTeam, teams: [] } };
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve(url === '/api/auth/me' ? json(answer) : json({ ok: true })),
    );
    const location = memoryLocation({ path: '/borgere', record: true });
    render(<App locationHook={location.hook} startSync={null} />);
    const u = userEvent.setup();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Du er ikke tilknyttet et team endnu' }),
    ).toBeTruthy();
    expect(screen.getByText(/Du er logget ind som ny.kollega@kommune.dk/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Borgere' })).toBeNull();
    await u.click(screen.getByRole('button', { name: 'Tjek igen' }));
    expect(await screen.findByText('Du er stadig ikke tilknyttet et team.')).toBeTruthy();

    answer = {
      user: { ...METTE, teams: [{ id: 'odense-syd', name: 'Fremskudt team Syd' }] },
    };
    await u.click(screen.getByRole('button', { name: 'Tjek igen' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Borgere/ })).toBeTruthy();
    expect(screen.queryByText('Du er ikke tilknyttet et team endnu')).toBeNull();
  });
});
