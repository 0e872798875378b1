import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, type OutboxEntry } from '../../src/db/database';
import { SyncIndicator } from '../../src/features/sync/SyncIndicator';
import { syncStatus } from '../../src/sync/syncStatus';
import { useLocaleStore } from '../../src/stores/localeStore';
import { makeCitizen, resetDb, signIn } from '../helpers/factories';
import { readAll } from '../helpers/sealedDb';

beforeEach(async () => {
  await resetDb();
  await signIn();
  useLocaleStore.setState({ locale: 'da' });
  act(() => syncStatus.dispatch({ type: 'connectivity', connectivity: 'online' }));
});

/** The header's one polite live region: what a screen reader hears of the sync. */
function liveRegion(): HTMLElement {
  const region = screen.getByRole('region', { name: 'Synkronisering' });
  const live = region.querySelectorAll('[aria-live="polite"]');
  expect(live).toHaveLength(1);
  return live[0] as HTMLElement;
}

describe('the sync header speaks politely, in one place', () => {
  it('announces waiting changes, a refused change and going offline', async () => {
    render(<SyncIndicator />);
    const live = liveRegion();
    await waitFor(() => expect(live.textContent).toContain('Alt er sendt'));

    await makeCitizen({ firstName: 'Jens' });
    await waitFor(() => expect(live.textContent).toContain('1 ændring venter'));

    const [entry] = await readAll<OutboxEntry>(db, 'outbox');
    await db.outbox.put(
      await db.seal('outbox', {
        ...entry!,
        state: 'rejected',
        lastError: { code: 'invalid-fields', message: 'bad' },
        rejectedAt: new Date().toISOString(),
      }),
    );
    await waitFor(() => expect(live.textContent).toContain('1 ændring afvist – til behandling'));
    expect(
      within(live)
        .getByRole('link', { name: /afvist/ })
        .getAttribute('href'),
    ).toBe('/til-behandling');

    act(() => syncStatus.dispatch({ type: 'connectivity', connectivity: 'offline' }));
    expect(live.textContent).toContain('Offline');
  });

  it('answers "Synkroniser nu" offline: the changes go when there is a connection', async () => {
    render(<SyncIndicator />);
    act(() => syncStatus.dispatch({ type: 'connectivity', connectivity: 'offline' }));
    const live = liveRegion();
    expect(live.textContent).not.toContain('Du er offline');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Synkroniser nu' }));
    expect(live.textContent).toContain(
      'Du er offline. Ændringerne sendes, så snart der er forbindelse.',
    );
    act(() => syncStatus.dispatch({ type: 'connectivity', connectivity: 'online' }));
    expect(live.textContent).not.toContain('Du er offline');
  });
});
