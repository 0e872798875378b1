import { render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isUnlocked, userDbName } from '../../src/db/database';
import { createKeys } from '../../src/db/vault/keyring';
import { getProfile, saveProfile } from '../../src/db/vault/profiles';
import { lockStore, openStore } from '../../src/db/vault/vault';
import { LoginPage } from '../../src/features/login/LoginPage';
import { NEW_PIN_FLAG } from '../../src/sync/signInWithSso';
import { METTE, METTE_PROFILE, clearDevice, makeCitizen, signIn } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

const PIN = '482915';
const DEVICE_SECRET = 'device-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** Mette's profile protected by a device PIN (few PBKDF2 rounds to keep the test fast). */
async function pinProfile() {
  const { dataKey, fields } = await createKeys(PIN, DEVICE_SECRET, 1_000);
  const profile = { ...METTE_PROFILE, ...fields, unlockKind: 'pin' as const };
  await saveProfile(profile);
  await Dexie.delete(userDbName(METTE.id));
  await openStore(profile, dataKey);
  await signIn();
}

/** The server's answer to the exchange after a finished single sign-on. */
function serverAnswersSso() {
  const answer = {
    token: 'sso-token-0123456789abcdefghij',
    user: { ...METTE, teams: [{ id: METTE.teamId, name: METTE.teamName }] },
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    deviceId: METTE_PROFILE.deviceId,
    deviceSecret: DEVICE_SECRET,
  };
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    if (url === '/api/auth/oidc/exchange') return Promise.resolve(Response.json(answer));
    return Promise.reject(new TypeError('offline'));
  });
  return calls;
}

async function typePin(user: ReturnType<typeof renderApp>['user'], pin: string) {
  // The previous try has finished: the button reads "Lås op" again, not "Låser op …".
  const button = await screen.findByRole('button', { name: 'Lås op' });
  const field = screen.getByLabelText('PIN eller adgangssætning');
  await user.clear(field);
  await user.type(field, pin);
  await user.click(button);
}

beforeEach(async () => {
  await clearDevice();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('offline unlock with a device PIN', () => {
  it('warns from the seventh wrong PIN with the tries left and the unsent changes, and a right PIN resets the count', async () => {
    await pinProfile();
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    lockStore('manual');
    const { user } = renderApp('/borgere');
    for (let i = 1; i <= 6; i++) {
      await typePin(user, `00000${i}`);
      await waitFor(() =>
        expect(screen.getByRole('alert').textContent).toContain(
          `Forkert PIN. Intet er åbnet – prøv igen.`,
        ),
      );
    }
    await typePin(user, '000007');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Forkert PIN. 3 forsøg tilbage; derefter slettes data på denne enhed, også 1 ændringer der ikke er sendt.',
      ),
    );
    await typePin(user, PIN);
    expect(await screen.findByRole('link', { name: /Jens Hansen/ })).toBeTruthy();
    expect((await getProfile(METTE.id))?.failedUnlocks).toBe(0);
  }, 30_000);

  it('deletes the data on the device at the tenth wrong PIN in a row, and says so', async () => {
    await pinProfile();
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    lockStore('manual');
    const { user } = renderApp('/');
    for (let i = 1; i <= 9; i++) await typePin(user, `11111${i}`);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('1 forsøg tilbage'),
    );
    expect(await Dexie.exists(userDbName(METTE.id))).toBe(true);
    await typePin(user, '999999');
    expect(
      await screen.findByText(/forkert PIN for mange gange, så dine data er slettet/),
    ).toBeTruthy();
    expect(await getProfile(METTE.id)).toBeUndefined();
    expect(await Dexie.exists(userDbName(METTE.id))).toBe(false);
    expect(isUnlocked()).toBe(false);
  }, 30_000);
});

describe('choosing a PIN after single sign-on', () => {
  it('asks for a PIN at the first SSO login on a device, refuses a short or mismatched one, then unlocks offline with it', async () => {
    serverAnswersSso();
    window.history.replaceState(null, '', '/?sso=done');
    const { user } = renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Vælg en PIN til denne enhed' }),
    ).toBeTruthy();
    // The address no longer shows the round trip.
    expect(window.location.search).toBe('');
    const first = screen.getByLabelText('PIN eller adgangssætning');
    const again = screen.getByLabelText('Gentag PIN eller adgangssætning');
    await user.type(first, '12345');
    await user.type(again, '12345');
    await user.click(screen.getByRole('button', { name: 'Gem PIN' }));
    expect((await screen.findByRole('alert')).textContent).toContain('For kort');
    await user.clear(first);
    await user.clear(again);
    await user.type(first, '135790');
    await user.type(again, '135791');
    await user.click(screen.getByRole('button', { name: 'Gem PIN' }));
    expect((await screen.findByRole('alert')).textContent).toContain('De to felter er ikke ens.');
    await user.clear(again);
    await user.type(again, '135790');
    await user.click(screen.getByRole('button', { name: 'Gem PIN' }));
    await waitFor(() => expect(isUnlocked()).toBe(true), { timeout: 15_000 });
    expect((await getProfile(METTE.id))?.unlockKind).toBe('pin');

    await makeCitizen({ firstName: 'Ole', lastName: 'Berg' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    lockStore('manual');
    await typePin(user, '135790');
    await waitFor(() => expect(isUnlocked()).toBe(true), { timeout: 15_000 });
  }, 30_000);

  it('after "Glemt PIN?" and a new SSO login, a new PIN opens the same data; the old one no longer does', async () => {
    await pinProfile();
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    lockStore('manual');
    const { user, unmount } = renderApp('/');
    const forgot = await screen.findByRole('link', {
      name: 'Glemt PIN? Log ind med kommunens login',
    });
    expect(forgot.getAttribute('href')).toBe('/api/auth/oidc/start');
    forgot.addEventListener('click', (e) => e.preventDefault());
    await user.click(forgot);
    expect(sessionStorage.getItem(NEW_PIN_FLAG)).toBe(METTE.id);
    unmount();

    // Back from the provider.
    serverAnswersSso();
    window.history.replaceState(null, '', '/?sso=done');
    const back = renderApp('/borgere');
    await back.user.type(await back.findByLabelText('PIN eller adgangssætning'), 'ny-lang-frase');
    await back.user.type(back.getByLabelText('Gentag PIN eller adgangssætning'), 'ny-lang-frase');
    await back.user.click(back.getByRole('button', { name: 'Gem PIN' }));
    expect(
      await back.findByRole('link', { name: /Jens Hansen/ }, { timeout: 15_000 }),
    ).toBeTruthy();

    lockStore('manual');
    await typePin(back.user, PIN);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Forkert PIN'));
    await typePin(back.user, 'ny-lang-frase');
    expect(
      await back.findByRole('link', { name: /Jens Hansen/ }, { timeout: 15_000 }),
    ).toBeTruthy();
  });

  it('opens a known profile with the device secret after SSO, without asking for the PIN', async () => {
    await pinProfile();
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen' });
    lockStore('manual');
    const calls = serverAnswersSso();
    window.history.replaceState(null, '', '/?sso=done');
    renderApp('/borgere');
    expect(await screen.findByRole('link', { name: /Jens Hansen/ })).toBeTruthy();
    expect(calls).toContain('/api/auth/oidc/exchange');
    expect(screen.queryByText('Vælg en PIN til denne enhed')).toBeNull();
  });
});

describe('the login page with single sign-on', () => {
  it('offers "Log ind med kommunens login" only when the server says SSO is configured', async () => {
    vi.stubGlobal('fetch', (url: string) =>
      url === '/api/auth/config'
        ? Promise.resolve(Response.json({ sso: true }))
        : Promise.reject(new TypeError('offline')),
    );
    const { unmount } = renderApp('/');
    const link = await screen.findByRole('link', { name: 'Log ind med kommunens login' });
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start');
    unmount();

    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ sso: false })));
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('link', { name: 'Log ind med kommunens login' })).toBeNull();
  });

  it('explains in Danish when the municipality account is not set up in Fremskudt', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ sso: true })));
    window.history.replaceState(null, '', '/?sso-error=unknown-user');
    renderApp('/');
    expect(
      await screen.findByText(
        'Din kommune-konto er ikke oprettet i Fremskudt. Kontakt din teamleder.',
      ),
    ).toBeTruthy();
    expect(window.location.search).toBe('');
  });

  it('after a logout, offers to log out of the municipality login too', async () => {
    const endSessionUrl = 'https://login.kommune.test/logout?client_id=fremskudt';
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ sso: true, endSessionUrl })));
    render(<LoginPage notice="Du er logget ud." offerProviderLogout />);
    const link = await screen.findByRole('link', {
      name: 'Log også ud af kommunens login på denne enhed',
    });
    expect(link.getAttribute('href')).toBe(endSessionUrl);
  });
});
