import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
// The signed-in app is a lazy chunk: loaded with the file, not within the first test's limit.
import '../../src/app/AppRoutes';
import { setSession } from '../../src/db/session';
import { newId } from '../../src/domain';
import type { Role } from '../../src/domain/user';
import type { AccessRequestFile } from '../../src/protocol';
import { makeCitizen, makeNote, METTE, signedInBeforeEach } from '../helpers/factories';
import { pdfPagesText } from '../helpers/pdfText';

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

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
signedInBeforeEach();
afterEach(() => {
  vi.unstubAllGlobals();
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

/** The server's answer: the citizen, a note another team wrote, what was left out, the log. */
async function serverAnswer(): Promise<AccessRequestFile> {
  const c = await makeCitizen({ firstName: 'Søren', lastName: 'Ærø', alias: '' });
  const nord = await makeNote({ citizenId: c.id, body: 'Team Nord: mødt ved åen' });
  return {
    kind: 'fremskudt-access-request',
    citizenId: c.id,
    requestedBy: { id: 'mette', name: 'Mette Sørensen', role: 'lead' },
    requestedAt: '2026-12-06T09:00:00.000Z',
    records: {
      citizen: [{ ...c }],
      note: [{ ...nord, id: newId(), teamId: 'odense-nord', createdBy: 'sara' }],
    },
    history: {},
    omitted: [{ reason: 'other-team', teamId: 'odense-vest', entity: 'note', count: 2 }],
    accessLog: [
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
  };
}

describe('access request (GDPR art. 15) on the citizen page and the administration page', () => {
  it('lets a lead fetch the server’s complete answer once, shows what was left out and why, and saves it as a PDF in the file’s layout and as JSON', async () => {
    await signInAs('lead');
    const file = await serverAnswer();
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(json(file)));
    vi.stubGlobal('fetch', fetchMock);
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:file';
    });
    URL.revokeObjectURL = vi.fn();

    const user = renderAt(`/borgere/${file.citizenId}`);
    const section = await screen.findByRole('region', { name: 'Indsigt (GDPR art. 15)' });
    await user.click(within(section).getByRole('button', { name: 'Hent indsigt' }));
    expect(await within(section).findByText(/2 poster og 1 registreringer/)).toBeTruthy();
    expect(within(section).getByRole('listitem').textContent).toBe(
      '2 × notat i odense-vest: ligger i et team, som den der henter indsigten ikke har adgang til',
    );
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/audit/citizens/${file.citizenId}/access-request`);
    expect(new Headers(init?.headers).get('authorization')).toBe(
      'Bearer test-token-0123456789abcdef',
    );

    await user.click(within(section).getByRole('button', { name: 'Gem som PDF' }));
    expect(
      await within(section).findByText('Filen er gemt.', undefined, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(saved[0]!.type).toBe('application/pdf');
    const text = (await pdfPagesText(new Uint8Array(await saved[0]!.arrayBuffer()))).join('\n');
    expect(text).toContain('Indsigt efter GDPR art. 15: Søren Ærø');
    expect(text).toContain('Team Nord: mødt ved åen');
    expect(text).toContain('Udeladt, og hvorfor');
    expect(text).toContain('2 × notat i odense-vest: ligger i et team');
    expect(text).toMatch(/Anders Holm · Læst · enhed tablet-anders-7/);

    await user.click(within(section).getByRole('button', { name: 'Gem som JSON (maskinlæsbar)' }));
    expect(saved[1]!.type).toBe('application/json');
    expect(JSON.parse(await saved[1]!.text())).toEqual(file);
    // Saving twice asked the server once: one access request, one audit entry.
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says in Danish that only a lead of the citizen’s team or an administrator may, when the server refuses', async () => {
    await signInAs('lead');
    const c = await makeCitizen();
    vi.stubGlobal('fetch', () =>
      Promise.resolve(json({ error: { code: 'forbidden', message: 'no' } }, 403)),
    );
    const user = renderAt(`/borgere/${c.id}`);
    const section = await screen.findByRole('region', { name: 'Indsigt (GDPR art. 15)' });
    await user.click(within(section).getByRole('button', { name: 'Hent indsigt' }));
    expect((await within(section).findByRole('alert')).textContent).toContain(
      'Kun en teamleder for borgerens team eller en administrator kan hente indsigt.',
    );
  });

  it('says that only the JSON can answer when the citizen’s own record was deleted, and still saves it', async () => {
    await signInAs('lead');
    const full = await serverAnswer();
    const file: AccessRequestFile = {
      ...full,
      records: { note: full.records.note! },
      omitted: [{ reason: 'deleted', teamId: 'odense-syd', entity: 'citizen', count: 1 }],
    };
    vi.stubGlobal('fetch', () => Promise.resolve(json(file)));
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:file';
    });
    URL.revokeObjectURL = vi.fn();
    const user = renderAt(`/borgere/${file.citizenId}`);
    const section = await screen.findByRole('region', { name: 'Indsigt (GDPR art. 15)' });
    await user.click(within(section).getByRole('button', { name: 'Hent indsigt' }));
    expect(within(section).getByText('1 × borger i Fremskudt team Syd: slettet')).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Gem som PDF' }));
    expect((await within(section).findByRole('alert')).textContent).toContain(
      'Borgerens egen post er slettet, så der kan ikke laves en PDF.',
    );
    expect(saved).toEqual([]);
    await user.click(within(section).getByRole('button', { name: 'Gem som JSON (maskinlæsbar)' }));
    expect(JSON.parse(await saved[0]!.text())).toEqual(file);
  });

  it('is not offered to a caseworker', async () => {
    await signInAs('caseworker');
    const c = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    renderAt(`/borgere/${c.id}`);
    await screen.findByRole('heading', { level: 1, name: /Jens Hansen/ });
    // The lazy sections have had their turn once the access log's sibling would show.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: 'Indsigt (GDPR art. 15)' })).toBeNull();
  });

  it('lets an administrator ask by the citizen’s id on the administration page (their device holds only their own teams)', async () => {
    await signInAs('admin');
    const file = await serverAnswer();
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      calls.push(url);
      if (url.endsWith('/access-request')) return Promise.resolve(json(file));
      if (url.startsWith('/api/admin/teams')) return Promise.resolve(json({ teams: [] }));
      if (url.startsWith('/api/admin/log'))
        return Promise.resolve(json({ entries: [], hasMore: false }));
      if (url.startsWith('/api/admin/users')) return Promise.resolve(json({ users: [] }));
      if (url.startsWith('/api/admin/devices')) return Promise.resolve(json({ devices: [] }));
      if (url.startsWith('/api/retention')) return Promise.resolve(json({ policies: [] }));
      return Promise.resolve(json({ error: { code: 'not-found', message: url } }, 404));
    });
    const user = renderAt('/administration');
    const section = await screen.findByRole('region', { name: 'Indsigt (GDPR art. 15)' });
    const id = within(section).getByLabelText(/Borgerens id/);
    await user.type(id, 'ikke-et-id');
    await user.click(within(section).getByRole('button', { name: 'Hent indsigt' }));
    expect((await within(section).findByRole('alert')).textContent).toContain(
      'Det er ikke et gyldigt borger-id.',
    );
    expect(calls.filter((u) => u.includes('access-request'))).toEqual([]);
    await user.clear(id);
    await user.type(id, file.citizenId);
    await user.click(within(section).getByRole('button', { name: 'Hent indsigt' }));
    expect(await within(section).findByText(/2 poster og 1 registreringer/)).toBeTruthy();
    expect(calls).toContain(`/api/audit/citizens/${file.citizenId}/access-request`);
  });
});
