import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
// The signed-in app is a lazy chunk: loaded with the file, not within the first test's limit.
import '../../src/app/AppRoutes';
import { setSession } from '../../src/db/session';
import type { Role } from '../../src/domain/user';
import { makeCitizen, METTE, signedInBeforeEach } from '../helpers/factories';

function renderAt(path: string) {
  const location = memoryLocation({ path, record: true });
  render(<App locationHook={location.hook} startSync={null} />);
  return userEvent.setup();
}

async function signInAs(role: Role) {
  await setSession({
    token: 'test-token-0123456789abcdef',
    user: { ...METTE, role },
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

signedInBeforeEach();
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the access log on the citizen page and the administration page', () => {
  it('shows a lead the citizen access log as a table, fetched with the token in the header', async () => {
    await signInAs('lead');
    const c = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(
        json({
          entries: [
            {
              id: 'a1',
              at: '2026-11-20T10:00:00.000Z',
              userId: 'anders',
              userName: 'Anders Holm',
              deviceId: 'tablet-anders-7',
              action: 'read',
              entity: 'citizen',
              recordId: c.id,
            },
          ],
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const user = renderAt(`/borgere/${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Vis adgangslog' }));
    const table = await screen.findByRole('table', { name: /Adgangslog for borgeren/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Tid', 'Medarbejder', 'Enhed', 'Handling']);
    expect(within(table).getByText('Anders Holm')).toBeTruthy();
    expect(within(table).getByText('tablet-anders-7')).toBeTruthy();
    expect(within(table).getByText('Læst')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/audit/citizens/${c.id}`);
    expect(url).not.toContain('token');
    expect(new Headers(init?.headers).get('authorization')).toBe(
      'Bearer test-token-0123456789abcdef',
    );
  });

  it('says clearly in Danish that the access log needs a network when offline', async () => {
    await signInAs('lead');
    const c = await makeCitizen();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const user = renderAt(`/borgere/${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Vis adgangslog' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /kan kun ses, når enheden er online/,
    );
  });

  it('shows neither the access log nor the administration to a caseworker', async () => {
    await signInAs('caseworker');
    const c = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    renderAt(`/borgere/${c.id}`);
    await screen.findByRole('heading', { level: 1, name: /Jens Hansen/ });
    expect(screen.queryByRole('heading', { name: 'Adgangslog' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
  });

  it('lets an administrator block a device after confirming', async () => {
    await signInAs('admin');
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (url === '/api/admin/users')
        return Promise.resolve(
          json({
            users: [
              {
                id: 'anders',
                username: 'anders',
                name: 'Anders Holm',
                role: 'caseworker',
                teamId: 'odense-syd',
                teams: [{ id: 'odense-syd', name: 'Fremskudt team Syd' }],
                active: true,
                mustChangePassword: false,
              },
            ],
          }),
        );
      if (url === '/api/admin/teams')
        return Promise.resolve(json({ teams: [{ id: 'odense-syd', name: 'Fremskudt team Syd' }] }));
      if (url.startsWith('/api/admin/log'))
        return Promise.resolve(json({ entries: [], hasMore: false }));
      if (url === '/api/admin/devices')
        return Promise.resolve(
          json({
            devices: [
              {
                id: 'tablet-anders-7',
                userId: 'anders',
                username: 'anders',
                label: null,
                createdAt: '2026-11-01T10:00:00.000Z',
                lastSeenAt: '2026-11-20T10:00:00.000Z',
                revokedAt: null,
              },
            ],
          }),
        );
      return Promise.resolve(json({ ok: true }));
    });
    const user = renderAt('/administration');
    expect(await screen.findByRole('link', { name: 'Administration' })).toBeTruthy();
    await user.click(
      await screen.findByRole('button', { name: 'Spær enhed tablet-anders-7 for anders' }),
    );
    await user.click(screen.getByRole('button', { name: 'Ja, spær enheden' }));
    expect(await screen.findByText('Enheden tablet-anders-7 er spærret.')).toBeTruthy();
    expect(calls).toContain('POST /api/admin/users/anders/devices/tablet-anders-7/revoke');
  });
});
