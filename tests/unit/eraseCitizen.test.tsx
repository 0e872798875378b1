import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { setSession } from '../../src/db/session';
import type { Role } from '../../src/domain/user';
import {
  makeCase,
  makeCitizen,
  makeFollowUp,
  makeNote,
  METTE,
  signedInBeforeEach,
} from '../helpers/factories';

function renderAt(path: string) {
  const location = memoryLocation({ path, record: true });
  render(<App locationHook={location.hook} startSync={null} />);
  return { user: userEvent.setup(), location };
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

describe('erasing a citizen from the citizen page', () => {
  it('names the citizen and what goes with them, says it is final, and erases only after the lead confirms', async () => {
    await signInAs('lead');
    const c = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    await makeCase({ citizenId: c.id });
    await makeNote({ citizenId: c.id });
    await makeNote({ citizenId: c.id });
    await makeFollowUp({ citizenId: c.id });
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(
        json({
          citizenId: c.id,
          erasedAt: new Date().toISOString(),
          erased: { citizen: 1, case: 1, note: 2, followUp: 1 },
          seq: 42,
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { user, location } = renderAt(`/borgere/${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Slet borger permanent' }));
    const group = await screen.findByRole('group', {
      name: /^Bekræft permanent sletning af Jens Hansen/,
    });
    expect(within(group).getByText(/Du er ved at slette Jens Hansen.* permanent/)).toBeTruthy();
    expect(await within(group).findByText('Sager: 1')).toBeTruthy();
    expect(
      await within(group).findByText('Notater (også ældre udgaver og kladder): 2'),
    ).toBeTruthy();
    expect(within(group).getByText('Opfølgninger: 1')).toBeTruthy();
    expect(within(group).getByText(/endelig og kan ikke fortrydes/)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.click(within(group).getByRole('button', { name: /^Slet Jens Hansen.* permanent$/ }));
    await vi.waitFor(() => expect(location.history?.at(-1)).toBe('/borgere'));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/citizens/${c.id}/erase`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ confirmCitizenId: c.id });
  });

  it('says in Danish that erasing needs a network, and keeps the citizen, when offline', async () => {
    await signInAs('admin');
    const c = await makeCitizen({ firstName: 'Kaj' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const { user } = renderAt(`/borgere/${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Slet borger permanent' }));
    await user.click(await screen.findByRole('button', { name: /^Slet Kaj.* permanent$/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Sletning kræver forbindelse til serveren/,
    );
  });

  it('offers no erasure to a caseworker', async () => {
    await signInAs('caseworker');
    const c = await makeCitizen({ firstName: 'Ib' });
    renderAt(`/borgere/${c.id}`);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Slet borger permanent' })).toBeNull();
  });
});

describe('the retention rules on the administration page', () => {
  it('shows an administrator the rules the server applies, with their periods, in Danish', async () => {
    await signInAs('admin');
    vi.stubGlobal('fetch', (url: string) => {
      if (url === '/api/retention/policies')
        return Promise.resolve(
          json({
            policies: [
              { kind: 'audit-log', days: 180 },
              { kind: 'refused-changes', days: 90 },
              { kind: 'devices', days: 180 },
            ],
          }),
        );
      if (url === '/api/admin/users') return Promise.resolve(json({ users: [] }));
      if (url === '/api/admin/teams') return Promise.resolve(json({ teams: [] }));
      if (url.startsWith('/api/admin/log')) return Promise.resolve(json({ entries: [] }));
      return Promise.resolve(json({ devices: [] }));
    });
    renderAt('/administration');
    const table = await screen.findByRole('table', { name: 'Sletteregler' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'DataSlettes efter',
      'Adgangslog180 dage',
      'Afviste ændringer90 dage',
      'Enheder og sessioner, der ikke er set180 dage',
    ]);
  });
});
