import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordLastSync } from '../../../../src/db';
import { resetDb, signIn } from '../../../helpers/factories';
import { syncStatus } from '../../../../src/sync/syncStatus';
import { SyncIndicator } from '../../../../src/features/sync/SyncIndicator';

// Its own file: the page's sync status store starts empty here, as after a reload.
beforeEach(async () => {
  await resetDb();
  await signIn();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe('the header after a reload, before this page has synced', () => {
  it('says when the store last synced, offline too, and never "not synced yet" meanwhile', async () => {
    await recordLastSync(hoursAgo(2));
    render(<SyncIndicator />);
    const status = screen.getByRole('status');
    expect(status.textContent).not.toContain('Ikke synkroniseret endnu');
    await waitFor(() =>
      expect(status.textContent).toContain('Synkroniseret for cirka 2 timer siden'),
    );

    act(() => syncStatus.dispatch({ type: 'connectivity', connectivity: 'offline' }));
    expect(status.textContent).toContain('Offline');
    expect(status.textContent).toContain('Synkroniseret for cirka 2 timer siden');
    act(() => syncStatus.dispatch({ type: 'connectivity', connectivity: 'online' }));

    // Another tab (or the page before a reload) finishes a sync: this header follows.
    await recordLastSync(new Date());
    await waitFor(() =>
      expect(status.textContent).toContain('Synkroniseret for mindre end ét minut siden'),
    );
  });

  it('says "not synced yet" on a store that never synced', async () => {
    render(<SyncIndicator />);
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Ikke synkroniseret endnu'));
  });
});
