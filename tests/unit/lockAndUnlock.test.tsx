import { act, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, isUnlocked, userDbName } from '../../src/db/database';
import { createKeys } from '../../src/db/vault/keyring';
import { saveProfile } from '../../src/db/vault/profiles';
import { lockStore, openStore } from '../../src/db/vault/vault';
import { reportActivity } from '../../src/db/vault/vaultChannel';
import { METTE, METTE_PROFILE, clearDevice, makeCitizen, signIn } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

const PASSWORD = 'demo-kode-1';

/** Mette's profile with real wrapped keys (few PBKDF2 rounds to keep the test fast). */
async function unlockedWithPassword() {
  await clearDevice();
  const { dataKey, fields } = await createKeys(PASSWORD, undefined, 1_000);
  const profile = { ...METTE_PROFILE, ...fields };
  await saveProfile(profile);
  await Dexie.delete(userDbName(METTE.id));
  await openStore(profile, dataKey);
  await signIn();
}

beforeEach(async () => {
  await unlockedWithPassword();
});

describe('locking and unlocking', () => {
  it('"Lås" unmounts every case screen, focuses the password, and keeps unsent changes', async () => {
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    const { user } = renderApp('/borgere');
    expect(await screen.findByRole('link', { name: /Jens Hansen/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lås Fremskudt nu' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lås Fremskudt op' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('Jens');
    expect(screen.queryByRole('navigation', { name: 'Hovedmenu' })).toBeNull();
    // The screen's heading takes focus as every screen's does, then the unlock form moves it on
    // to the password (its effect runs after the heading's, and under load after the test looks).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Adgangskode')));
    expect(isUnlocked()).toBe(false);
    expect(screen.getByText('Fremskudt er låst.')).toBeTruthy();
  });

  it('refuses a wrong password without opening anything, then opens with the right one', async () => {
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    lockStore('idle');
    const { user } = renderApp('/borgere');
    expect(await screen.findByText(/ikke har været brugt i et stykke tid/)).toBeTruthy();
    await user.type(screen.getByLabelText('Adgangskode'), 'forkert');
    await user.click(screen.getByRole('button', { name: 'Lås op' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Forkert adgangskode');
    expect(isUnlocked()).toBe(false);
    await user.type(screen.getByLabelText('Adgangskode'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Lås op' }));
    expect(await screen.findByRole('link', { name: /Jens Hansen/ })).toBeTruthy();
    expect(await db.outbox.count()).toBe(1);
  });

  it('offers the online login for another caseworker from the unlock screen', async () => {
    lockStore('manual');
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Log ind som en anden' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tilbage til at låse op' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lås op' })).toBeTruthy());
  });
});

describe('a page restored from the back/forward cache', () => {
  it('locks at once when the caseworker was away longer than the idle time', async () => {
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    renderApp('/borgere');
    expect(await screen.findByRole('link', { name: /Jens Hansen/ })).toBeTruthy();
    // The page was frozen in the cache an hour ago (its timers with it) and is shown again now.
    reportActivity(Date.now() - 60 * 60_000);
    act(() => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    expect(isUnlocked()).toBe(false);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lås Fremskudt op' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('Jens');
  });

  it('stays open when it was shown again within the idle time', async () => {
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    renderApp('/borgere');
    expect(await screen.findByRole('link', { name: /Jens Hansen/ })).toBeTruthy();
    reportActivity(Date.now() - 60_000);
    act(() => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    expect(isUnlocked()).toBe(true);
  });
});
