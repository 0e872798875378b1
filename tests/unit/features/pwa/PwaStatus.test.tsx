import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, draftsRepo } from '../../../../src/db';
import { resetDb } from '../../../helpers/factories';
import {
  dismissStorageAlert,
  offlineReadiness,
  reportStorageFull,
  storageStatus,
  updateState,
} from '../../../../src/pwa';
import { PwaStatus } from '../../../../src/features/pwa/PwaStatus';

beforeEach(async () => {
  await resetDb();
});

afterEach(async () => {
  act(() => {
    updateState.set('current');
    offlineReadiness.set('unsupported');
    dismissStorageAlert();
    storageStatus.set({ persistence: 'unknown' });
  });
  await db.drafts.clear();
});

describe('PwaStatus', () => {
  it('shows nothing about updates while the app is current', () => {
    render(<PwaStatus />);
    expect(screen.queryByRole('button', { name: /Ny version/ })).toBeNull();
  });

  it('announces a waiting version and applies it only when the user clicks', async () => {
    render(<PwaStatus />);
    act(() => updateState.set('available'));
    const button = screen.getByRole('button', { name: 'Ny version klar — genindlæs' });
    expect(updateState.get()).toBe('available');
    await userEvent.click(button);
    expect(updateState.get()).toBe('applying');
  });

  it('asks to save the note first when a draft is being written, and waits', async () => {
    await draftsRepo.save({
      key: 'note:new',
      fields: { text: 'Halv sætning' },
      savedAt: '2026-11-24T10:00:00Z',
    });
    render(<PwaStatus />);
    act(() => updateState.set('available'));
    await userEvent.click(screen.getByRole('button', { name: 'Ny version klar — genindlæs' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('Gem det først') as string,
    );
    expect(updateState.get()).toBe('available');
    await userEvent.click(screen.getByRole('button', { name: 'Senere' }));
    expect(screen.getByRole('button', { name: 'Ny version klar — genindlæs' })).toBeTruthy();
  });

  it('shows a storage-full report as an alert the user can dismiss', async () => {
    render(<PwaStatus />);
    act(() => reportStorageFull());
    expect(screen.getByRole('alert').textContent).toContain('Enheden har ikke mere plads');
    await userEvent.click(screen.getByRole('button', { name: 'Luk besked' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing about storage in the header while there is room, persistent or not', () => {
    const { container } = render(<PwaStatus />);
    act(() =>
      storageStatus.set({
        persistence: 'denied',
        usageBytes: 12_000_000,
        quotaBytes: 2_000_000_000,
      }),
    );
    expect(container.textContent).toBe('');
  });

  it('warns when the device is nearly full', () => {
    render(<PwaStatus />);
    act(() =>
      storageStatus.set({
        persistence: 'denied',
        usageBytes: 1_950_000_000,
        quotaBytes: 2_000_000_000,
      }),
    );
    expect(screen.getByText(/Enheden er næsten fuld/).textContent).toBe(
      'Enheden er næsten fuld: 2 GB af 2 GB brugt. Synkroniser nu: browseren kan rydde data, der kun ligger her, når pladsen slipper op. Frigør plads på enheden.',
    );
  });

  it('tells a first visit to stay connected until the app works offline, then a screen reader that it does', () => {
    vi.useFakeTimers();
    try {
      render(<PwaStatus />);
      act(() => offlineReadiness.set('preparing'));
      const status = screen.getByText(/Gør appen klar til brug uden net/);
      expect(status.getAttribute('role')).toBe('status');
      expect(status.textContent).toBe(
        'Gør appen klar til brug uden net … Hold forbindelsen, til det er færdigt.',
      );
      act(() => offlineReadiness.set('ready'));
      // The header is one line again; a screen reader hears that it is ready.
      expect(status.textContent).toBe('Klar til brug uden net');
      expect(status.className).toContain('visually-hidden');
      act(() => {
        vi.advanceTimersByTime(8_000);
      });
      expect(status.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says nothing about offline use when the app was ready already, or cannot be', () => {
    act(() => offlineReadiness.set('ready'));
    const { container, unmount } = render(<PwaStatus />);
    expect(container.textContent).toBe('');
    unmount();
    act(() => offlineReadiness.set('unsupported'));
    expect(render(<PwaStatus />).container.textContent).toBe('');
  });
});
