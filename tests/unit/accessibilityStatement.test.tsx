import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../src/stores/localeStore';
import { clearDevice, resetDb, signIn } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

afterEach(() => act(() => useLocaleStore.getState().setLocale('da')));

const SECTIONS_DA = [
  'Overensstemmelsesstatus',
  'Indhold, der ikke er tilgængeligt',
  'Sådan har vi testet',
  'Dato',
  'Feedback og kontakt',
  'Klage',
];

describe('the accessibility statement', () => {
  it('is linked from the login page and readable without logging in', async () => {
    await clearDevice();
    const { user, currentPath } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Log ind' });
    await user.click(screen.getByRole('link', { name: 'Tilgængelighedserklæring' }));
    expect(currentPath()).toBe('/tilgaengelighed');
    await screen.findByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(
      SECTIONS_DA,
    );
    const method = screen.getByRole('region', { name: 'Sådan har vi testet' });
    expect(method.textContent).toMatch(/axe-core i Chromium/);
    expect(method.textContent).toMatch(/tastatur/);
    expect(method.textContent).toMatch(/tilgængelighedstræet/);
    expect(screen.getByRole('region', { name: 'Dato' }).textContent).toContain('6. dec. 2026');
    const complain = screen.getByRole('region', { name: 'Klage' });
    expect(within(complain).getByRole('link').textContent).toContain('Digitaliseringsstyrelsen');
    expect(screen.getByRole('region', { name: 'Overensstemmelsesstatus' }).textContent).toContain(
      'delvist i overensstemmelse',
    );
    await user.click(screen.getByRole('link', { name: 'Tilbage til Fremskudt' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeTruthy();
  });

  it('is linked from Settings when signed in, and in English too', async () => {
    await resetDb();
    await signIn();
    const { user } = renderApp('/indstillinger');
    await user.click(await screen.findByRole('link', { name: 'Tilgængelighedserklæring' }));
    await screen.findByRole('heading', { level: 1, name: 'Tilgængelighedserklæring' });
    // Inside the app's shell, with its navigation.
    expect(screen.getByRole('navigation', { name: 'Hovedmenu' })).toBeTruthy();
    act(() => useLocaleStore.getState().setLocale('en'));
    await screen.findByRole('heading', { level: 1, name: 'Accessibility statement' });
    expect(screen.getByRole('region', { name: 'Date' }).textContent).toContain('6 Dec 2026');
    expect(screen.getByRole('region', { name: 'Complaints' }).textContent).toContain(
      'Digitaliseringsstyrelsen',
    );
  });
});
