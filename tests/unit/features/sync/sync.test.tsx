import { act, render, screen, waitFor, within } from '@testing-library/react';
import { readAll, readRecord } from '../../../helpers/sealedDb';
import type { OutboxEntry } from '../../../../src/db/database';
import type { Citizen } from '../../../../src/domain';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database';
import type { Session } from '../../../../src/db/session';
import { SessionContext } from '../../../../src/hooks/useSession';
import { ctx, makeCitizen, resetDb, signIn } from '../../../helpers/factories';
import { onSyncRequested } from '../../../../src/sync/syncRequests';
import { syncStatus } from '../../../../src/sync/syncStatus';
import { ConflictList } from '../../../../src/features/sync/ConflictList';
import { NeedsAttentionPage } from '../../../../src/features/sync/NeedsAttentionPage';
import { RecordSyncBadge } from '../../../../src/features/sync/RecordSyncBadge';
import { SyncIndicator } from '../../../../src/features/sync/SyncIndicator';

let session: Session;
beforeEach(async () => {
  await resetDb();
  session = await signIn();
});

describe('the sync indicator in the header', () => {
  it('shows how many changes wait, the pull progress and asks the engine to sync on the button', async () => {
    await makeCitizen();
    await makeCitizen({ alias: 'Lille-Per' });
    await makeCitizen({ alias: 'Sofie' });
    const requests: number[] = [];
    const off = onSyncRequested(() => requests.push(1));
    render(<SyncIndicator />);
    const region = screen.getByRole('region', { name: 'Synkronisering' });
    const status = within(region).getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('3 ændringer venter'));

    // A push with nothing pending starts at 0 of 0: no count to show, only that it syncs.
    act(() =>
      syncStatus.dispatch({ type: 'phase', phase: { kind: 'pushing', done: 0, total: 0 } }),
    );
    expect(status.textContent).toContain('Synkroniserer …');
    expect(status.textContent).not.toContain('0 af 0');
    // …and its bar is indeterminate (no value), not an empty bar that looks stuck at 0.
    const waiting = within(region).getByRole('progressbar', {
      name: 'Fremdrift for synkronisering',
    });
    expect(waiting.hasAttribute('value')).toBe(false);

    act(() =>
      syncStatus.dispatch({ type: 'phase', phase: { kind: 'pulling', done: 120, total: 4000 } }),
    );
    expect(status.textContent).toContain('Synkroniserer … 120 af 4.000');
    const bar = within(region).getByRole('progressbar', { name: 'Fremdrift for synkronisering' });
    expect(bar.getAttribute('value')).toBe('120');
    // A next phase with nothing to count makes the same bar indeterminate again.
    act(() =>
      syncStatus.dispatch({ type: 'phase', phase: { kind: 'pulling', done: 0, total: 0 } }),
    );
    expect(bar.hasAttribute('value')).toBe(false);
    act(() =>
      syncStatus.dispatch({ type: 'phase', phase: { kind: 'pulling', done: 120, total: 4000 } }),
    );

    act(() =>
      syncStatus.dispatch({
        type: 'succeeded',
        at: new Date(Date.now() - 120_000).toISOString(),
        conflicts: 1,
      }),
    );
    expect(status.textContent).toContain('Online');
    expect(status.textContent).toContain('Synkroniseret for 2 minutter siden');
    // A sync's own tally of conflicts is not shown: the header counts the records' stored ones.
    expect(status.textContent).not.toContain('konflikt');

    await userEvent.setup().click(within(region).getByRole('button', { name: 'Synkroniser nu' }));
    expect(requests).toHaveLength(1);
    off();
  });

  it('says offline with the reason and the retry time when the server cannot be reached', async () => {
    render(<SyncIndicator />);
    act(() =>
      syncStatus.dispatch({
        type: 'failed',
        error: { code: 'network', message: 'fetch failed' },
        nextRetryAt: new Date().toISOString(),
        offline: true,
      }),
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Offline');
    await waitFor(() => expect(status.textContent).toContain('Alt er sendt'));
    // The longer explanation and the retry time are in the details, on demand.
    const details = screen.getByRole('button', { name: 'Detaljer' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    await userEvent.setup().click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(details.getAttribute('aria-controls') ?? '');
    expect(panel?.textContent).toContain('Ændringer gemmes på enheden');
    expect(panel?.textContent).toMatch(/Prøver igen kl\. \d/);
  });
});

describe('changes the server refused', () => {
  it('are listed with the reason in Danish and can be fixed and resent, nothing discarded', async () => {
    const citizen = await makeCitizen({ firstName: 'Jens', alias: '' });
    const [entry] = await readAll<OutboxEntry>(db, 'outbox');
    await db.outbox.put(
      await db.seal('outbox', {
        ...entry!,
        state: 'rejected',
        lastError: { code: 'invalid-fields', message: 'bad' },
        rejectedAt: new Date().toISOString(),
      }),
    );
    const user = userEvent.setup();
    render(<NeedsAttentionPage />);
    const item = await screen.findByRole('article', { name: 'Borger: Oprettet' });
    expect(item.textContent).toContain('Nogle felter er ikke udfyldt korrekt.');
    const field = within(item).getByRole('textbox', { name: 'Fornavn' });
    await user.clear(field);
    await user.type(field, 'Jens Peter');
    await user.click(within(item).getByRole('button', { name: 'Ret og send igen' }));

    await waitFor(async () =>
      expect((await readRecord<OutboxEntry>(db, 'outbox', entry!.seq!))?.state).toBe('pending'),
    );
    const resent = await readRecord<OutboxEntry>(db, 'outbox', entry!.seq!);
    expect(resent?.fields.firstName).toBe('Jens Peter');
    expect(resent?.mutationId).not.toBe(entry!.mutationId);
    expect((await readRecord<Citizen>(db, 'citizens', citizen.id))?.firstName).toBe('Jens Peter');
    expect(await screen.findByText('Ingen afviste ændringer. Alt er i orden.')).toBeTruthy();
  });
});

describe('per-record sync state', () => {
  it('says "Kun på denne enhed" until the server has the change, then "Gemt på serveren"', async () => {
    const citizen = await makeCitizen();
    render(<RecordSyncBadge recordId={citizen.id} />);
    expect(await screen.findByText('Kun på denne enhed')).toBeTruthy();
    await db.outbox.clear();
    expect(await screen.findByText('Gemt på serveren')).toBeTruthy();
  });
});

describe('a conflict on a citizen', () => {
  it('shows both values and settles it with the other value through an ordinary change', async () => {
    const citizen = await makeCitizen({ phone: '22 22 22 22' });
    await db.outbox.clear();
    const conflict = {
      id: '01a2100a-0000-7000-8000-0000000000f1',
      field: 'phone',
      winningValue: '22 22 22 22',
      losingValue: '33 33 33 33',
      losingUserId: 'mette',
      at: '2026-11-24T10:00:00.000Z',
      kind: 'field-clash' as const,
    };
    await db.citizens.put(
      await db.seal('citizens', { ...citizen, conflicts: [conflict], version: 3 }),
    );
    const record = (await readRecord<Citizen>(db, 'citizens', citizen.id))!;
    render(
      <SessionContext.Provider value={session}>
        <ConflictList entity="citizen" record={record} />
      </SessionContext.Provider>,
    );
    expect(screen.getByRole('heading', { name: 'Telefon' })).toBeTruthy();
    expect(screen.getByText(/Forsøgt af Mette Sørensen/)).toBeTruthy();
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: 'Brug den anden værdi: 33 33 33 33' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await readAll<OutboxEntry>(db, 'outbox');
    expect(entry).toMatchObject({
      op: 'update',
      fields: { phone: '33 33 33 33' },
      baseVersion: 3,
      resolvesConflicts: [conflict.id],
      deviceId: ctx.deviceId,
    });
    expect(await readRecord<Citizen>(db, 'citizens', citizen.id)).toMatchObject({
      phone: '33 33 33 33',
      conflicts: [],
    });
  });
});
