import { StrictMode } from 'react';
import type { AuditEvent } from '../../src/protocol';
import { readAll } from '../helpers/sealedDb';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
// The signed-in app is a lazy chunk: loaded with the file, not within the first test's limit.
import '../../src/app/AppRoutes';
import { citizensRepo } from '../../src/db/citizens';
import { db } from '../../src/db/database';
import { setTeamMembers } from '../../src/db/teamMembers';
import { SEARCH_SETTLE_MS } from '../../src/hooks/useAuditSearch';
import { ctx, makeCase, makeCitizen, makeLocation, signedInBeforeEach } from '../helpers/factories';

// The production entry renders under StrictMode (effects run twice on mount), so these do too.
function renderStrict(path: string) {
  const location = memoryLocation({ path, record: true });
  const user = userEvent.setup();
  render(
    <StrictMode>
      <App locationHook={location.hook} startSync={null} />
    </StrictMode>,
  );
  return { user, currentPath: () => location.history.at(-1) ?? '' };
}

const events = async () => readAll<AuditEvent>(db, 'auditEvents');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

signedInBeforeEach();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('audit of what the caseworker looks at', () => {
  it('records exactly one read when a citizen page is opened, however often it re-renders', async () => {
    const c = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen', alias: '' });
    renderStrict(`/borgere/${c.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Jens Hansen' });
    // A change arriving while the page is open re-renders it; that is not a new read.
    await citizensRepo.update(ctx, c.id, { phone: '20 30 40 50' });
    await screen.findByText(/20 30 40 50/);
    await waitFor(async () => expect(await events()).toHaveLength(1));
    await pause(50);
    const recorded = await events();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ action: 'read', entity: 'citizen', recordId: c.id });
  });

  it('records one read of the case when a case page is opened', async () => {
    const c = await makeCitizen();
    const theCase = await makeCase({ citizenId: c.id, title: 'Bolig' });
    renderStrict(`/sager/${theCase.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Bolig' });
    // The read is stored after the page shows; on a loaded machine that took more than 50 ms.
    await waitFor(async () => expect(await events()).toHaveLength(1));
    await pause(50);
    expect(await events()).toMatchObject([
      { action: 'read', entity: 'case', recordId: theCase.id },
    ]);
  });

  it('records the search term the caseworker settled on once, not every keystroke', async () => {
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen', alias: 'Store-J' });
    const { user } = renderStrict('/borgere');
    await user.type(await screen.findByRole('searchbox', { name: /Søg efter navn/ }), 'Store');
    expect(await events()).toHaveLength(0);
    await waitFor(async () => expect(await events()).toHaveLength(1), {
      timeout: SEARCH_SETTLE_MS + 3000,
    });
    await pause(SEARCH_SETTLE_MS / 3);
    expect(await events()).toMatchObject([{ action: 'search', entity: 'citizen', term: 'Store' }]);
    expect(await events()).toHaveLength(1);
  });

  it('records a search whose result was opened before the typing settled, and the read', async () => {
    const c = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen', alias: 'Store-J' });
    const { user, currentPath } = renderStrict('/borgere');
    await user.type(await screen.findByRole('searchbox', { name: /Søg efter navn/ }), 'Store');
    await user.click(await screen.findByRole('link', { name: 'Jens Hansen (Store-J)' }));
    await waitFor(() => expect(currentPath()).toBe(`/borgere/${c.id}`));
    await waitFor(async () => expect(await events()).toHaveLength(2));
    const recorded = await events();
    expect(recorded.map((e) => e.action).sort()).toEqual(['read', 'search']);
    expect(recorded.find((e) => e.action === 'search')?.term).toBe('Store');
  });

  it('keeps the page working and logs loudly when the device is too full to record a read', async () => {
    const c = await makeCitizen({ firstName: 'Jens', lastName: 'Hansen', alias: '' });
    vi.spyOn(db.auditEvents, 'add').mockRejectedValue(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderStrict(`/borgere/${c.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Jens Hansen' });
    await waitFor(() =>
      expect(logged).toHaveBeenCalledWith(
        'Audit event lost: the device storage is full',
        'read',
        expect.objectContaining({ code: 'storage-full' }),
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('caseworkers shown by name', () => {
  const team = [
    { id: 'anders', username: 'anders', name: 'Anders Holm', role: 'caseworker' as const },
    { id: 'mette', username: 'mette', name: 'Mette Sørensen', role: 'caseworker' as const },
  ];

  it('names a colleague responsible for a case instead of showing their user id', async () => {
    await setTeamMembers(team, new Date());
    const c = await makeCitizen();
    await makeCase({ citizenId: c.id, responsibleUserId: 'anders' });
    renderStrict(`/borgere/${c.id}`);
    expect(await screen.findByText(/· Anders Holm/)).toBeTruthy();
  });

  it('offers the team members in the schedule caseworker picker', async () => {
    await setTeamMembers(team, new Date());
    await makeLocation();
    const { user } = renderStrict('/steder');
    await user.click(
      await screen.findByRole('button', { name: 'Tilføj vagt på Værestedet Højstrup' }),
    );
    const picker = screen.getByLabelText<HTMLSelectElement>('Sagsbehandler');
    await waitFor(() =>
      expect([...picker.options].map((o) => o.text)).toEqual(['Mette Sørensen', 'Anders Holm']),
    );
    await user.selectOptions(picker, 'Anders Holm');
    await user.click(screen.getByRole('button', { name: 'Gem vagt' }));
    expect(await screen.findByText(/· Anders Holm$/)).toBeTruthy();
    expect((await db.scheduleSlots.toArray())[0]?.userId).toBe('anders');
  });
});
