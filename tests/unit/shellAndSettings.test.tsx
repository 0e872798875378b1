import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { db, userDbName } from '../../src/db/database';
import { listProfiles, saveProfile } from '../../src/db/vault/profiles';
import { signOut, UnsentChangesError } from '../../src/sync/signOut';
import { getSession } from '../../src/db/session';
import { useLocaleStore } from '../../src/stores/localeStore';
import {
  METTE,
  METTE_PROFILE,
  clearDevice,
  makeCitizen,
  resetDb,
  signIn,
} from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

beforeEach(async () => {
  await resetDb();
  useLocaleStore.getState().setLocale('da');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('on a device nobody has logged in on', () => {
  beforeEach(async () => {
    await clearDevice();
  });

  it('shows the login page at every address, and no case screen', async () => {
    renderApp('/borgere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Hovedmenu' })).toBeNull();
  });

  it('logs in and keeps the session on the device', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            token: 'server-token-0123456789abcdef',
            user: {
              id: 'mette',
              username: 'mette',
              name: 'Mette Sørensen',
              teamId: 'odense-syd',
              teamName: 'Fremskudt team Syd',
              role: 'caseworker',
            },
            expiresAt: '2099-01-01T00:00:00.000Z',
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Brugernavn'), 'mette');
    await user.type(screen.getByLabelText('Adgangskode'), 'demo');
    await user.click(screen.getByRole('button', { name: 'Log ind' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'I dag' }, { timeout: 15_000 }),
    ).toBeTruthy();
    expect((await getSession())?.user.name).toBe('Mette Sørensen');
    // The first login made a profile and an encrypted store; the session in it is sealed.
    expect((await listProfiles()).map((p) => p.username)).toEqual(['mette']);
    const row = await db.meta.get('session');
    expect(row?.value).toBeUndefined();
    expect(row?.sealed).toBeInstanceOf(Uint8Array);
  }, 30_000);

  it('says so in Danish when the password is wrong', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({ error: { code: 'unauthorized', message: 'Bad credentials' } }),
            { status: 401 },
          ),
        ),
      ),
    );
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Brugernavn'), 'mette');
    await user.type(screen.getByLabelText('Adgangskode'), 'forkert');
    await user.click(screen.getByRole('button', { name: 'Log ind' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Forkert brugernavn eller adgangskode.',
    );
  });

  it('explains that the first login needs a network when there is none', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Brugernavn'), 'mette');
    await user.type(screen.getByLabelText('Adgangskode'), 'demo');
    await user.click(screen.getByRole('button', { name: 'Log ind' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Ingen forbindelse til serveren',
    );
  });
});

describe('the shell', () => {
  it('has a skip link, landmarks, one h1 and a page title per route', async () => {
    await signIn();
    renderApp('/borgere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Borgere' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gå til indhold' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hovedmenu' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Borgere' }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(document.title).toBe('Borgere – Fremskudt'));
  });
});

describe('settings', () => {
  it('switches the whole interface to English', async () => {
    await signIn();
    const { user } = renderApp('/indstillinger');
    await user.click(await screen.findByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Citizens' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('refuses to log out while changes are unsent and says what to do', async () => {
    await signIn();
    await makeCitizen();
    renderApp('/indstillinger');
    expect(
      await screen.findByText(
        /1 ændring er endnu ikke sendt til serveren, så du kan ikke logge ud/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Synkronisér først/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Log ud' })).toBeNull();
    await expect(signOut()).rejects.toBeInstanceOf(UnsentChangesError);
    expect(await db.citizens.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('logs out when everything is sent: the store and profile leave the device', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    await saveProfile(METTE_PROFILE);
    await signIn();
    const { user } = renderApp('/indstillinger');
    await user.click(await screen.findByRole('button', { name: 'Log ud' }));
    await user.click(screen.getByRole('button', { name: 'Ja, log ud og slet data på enheden' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeTruthy();
    expect(screen.getByText(/Du er logget ud/)).toBeTruthy();
    expect(await Dexie.exists(userDbName(METTE.id))).toBe(false);
    expect(await listProfiles()).toEqual([]);
  });
});
