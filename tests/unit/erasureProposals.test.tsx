import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { setSession } from '../../src/db/session';
import type { Role } from '../../src/domain/user';
import { makeCitizen, makeNote, METTE, signedInBeforeEach } from '../helpers/factories';

async function signInAs(role: Role) {
  await setSession({
    token: 'test-token-0123456789abcdef',
    user: { ...METTE, role },
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const proposal = (citizenId: string, notes: number) => ({
  citizenId,
  teamId: METTE.teamId,
  proposedAt: '2026-12-01T03:00:00.000Z',
  lastActivityAt: '2024-10-15T09:30:00.000Z',
  notes,
});

signedInBeforeEach();
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('erasure proposals on the administration page', () => {
  it('shows a lead the proposed citizens by name, dismisses one and erases another only after the confirmation', async () => {
    await signInAs('lead');
    const jens = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen', alias: 'Jensemand' });
    const kaj = await makeCitizen({ firstName: 'Kaj', lastName: 'Holm', alias: 'Kajen' });
    await makeNote({ citizenId: kaj.id });
    let open = [proposal(jens.id, 3), proposal(kaj.id, 1)];
    const calls: { url: string; method: string; body?: unknown }[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({
        url,
        method,
        body: init?.body ? (JSON.parse(init.body as string) as unknown) : undefined,
      });
      if (url === '/api/retention/proposals') return Promise.resolve(json({ proposals: open }));
      if (url === `/api/retention/proposals/${jens.id}/dismiss`) {
        open = open.filter((p) => p.citizenId !== jens.id);
        return Promise.resolve(
          json({ citizenId: jens.id, dismissedUntil: '2027-06-01T10:00:00.000Z' }),
        );
      }
      if (url === `/api/citizens/${kaj.id}/erase`) {
        open = open.filter((p) => p.citizenId !== kaj.id);
        return Promise.resolve(
          json({
            citizenId: kaj.id,
            erasedAt: new Date().toISOString(),
            erased: { citizen: 1, note: 1 },
            seq: 7,
          }),
        );
      }
      if (url === '/api/admin/teams') return Promise.resolve(json({ teams: [] }));
      if (url.startsWith('/api/admin/log')) return Promise.resolve(json({ entries: [] }));
      return Promise.resolve(json({ error: 'not-found', message: 'x' }, 404));
    });
    const location = memoryLocation({ path: '/administration', record: true });
    render(<App locationHook={location.hook} startSync={null} />);
    const user = userEvent.setup();

    const section = (await screen.findByRole('heading', { name: 'Forslag til sletning' }))
      .parentElement!;
    expect(
      await within(section).findByRole('heading', { name: 'Jens Hansen (Jensemand)' }),
    ).toBeTruthy();
    expect(within(section).getByRole('heading', { name: 'Kaj Holm (Kajen)' })).toBeTruthy();
    expect(
      within(section).getAllByText(
        /^Sidste aktivitet .*2024 · (3 notater, alle journaliseret|1 notat, journaliseret)$/,
      ),
    ).toHaveLength(2);

    // Dismissing keeps the citizen and says until when it is not proposed again.
    await user.click(
      within(section).getByRole('button', { name: 'Afvis forslaget om Jens Hansen (Jensemand)' }),
    );
    expect((await within(section).findByRole('status')).textContent).toMatch(
      /Forslaget om Jens Hansen \(Jensemand\) er afvist\. Borgeren foreslås ikke igen før .*2027/,
    );
    await vi.waitFor(() =>
      expect(
        within(section).queryByRole('heading', { name: 'Jens Hansen (Jensemand)' }),
      ).toBeNull(),
    );

    // Erasing opens the same confirmation as the citizen's page: nothing is sent before it.
    await user.click(within(section).getByRole('button', { name: 'Slet Kaj Holm (Kajen) …' }));
    const group = await within(section).findByRole('group', {
      name: 'Bekræft permanent sletning af Kaj Holm (Kajen)',
    });
    expect(
      await within(group).findByText('Notater (også ældre udgaver og kladder): 1'),
    ).toBeTruthy();
    expect(within(group).getByText(/endelig og kan ikke fortrydes/)).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/erase'))).toBe(false);
    await user.click(
      within(group).getByRole('button', { name: 'Slet Kaj Holm (Kajen) permanent' }),
    );
    expect(
      (await within(section).findByText('Kaj Holm (Kajen) er slettet.')).textContent,
    ).toBeTruthy();
    expect(await within(section).findByText('Ingen forslag til sletning lige nu.')).toBeTruthy();
    const erase = calls.find((c) => c.url === `/api/citizens/${kaj.id}/erase`);
    expect(erase).toMatchObject({ method: 'POST', body: { confirmCitizenId: kaj.id } });
    expect(calls.find((c) => c.url.endsWith('/dismiss'))).toMatchObject({
      method: 'POST',
      url: `/api/retention/proposals/${jens.id}/dismiss`,
    });
  }, 20_000);

  it('names a proposed citizen this device does not hold by a short id, offering only to dismiss', async () => {
    await signInAs('admin');
    const id = '01900000-0000-7000-8000-00000000abcd';
    vi.stubGlobal('fetch', (url: string) => {
      if (url === '/api/retention/proposals')
        return Promise.resolve(json({ proposals: [proposal(id, 2)] }));
      if (url === '/api/admin/teams') return Promise.resolve(json({ teams: [] }));
      if (url === '/api/admin/users') return Promise.resolve(json({ users: [] }));
      if (url === '/api/admin/devices') return Promise.resolve(json({ devices: [] }));
      if (url.startsWith('/api/admin/log')) return Promise.resolve(json({ entries: [] }));
      return Promise.resolve(json({ policies: [] }));
    });
    const location = memoryLocation({ path: '/administration', record: true });
    render(<App locationHook={location.hook} startSync={null} />);
    const section = (await screen.findByRole('heading', { name: 'Forslag til sletning' }))
      .parentElement!;
    expect(await within(section).findByRole('heading', { name: 'Borger …00abcd' })).toBeTruthy();
    expect(within(section).getByText(/findes ikke på denne enhed/)).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /^Slet / })).toBeNull();
    expect(
      within(section).getByRole('button', { name: 'Afvis forslaget om Borger …00abcd' }),
    ).toBeTruthy();
  });
});
