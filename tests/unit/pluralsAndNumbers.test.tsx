import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncIndicator } from '../../src/features/sync/SyncIndicator';
import { formatNumber, pluralForm, translateCount } from '../../src/i18n';
import { useLocaleStore } from '../../src/stores/localeStore';
import { syncStatus } from '../../src/sync/syncStatus';
import { resetDb, signIn } from '../helpers/factories';

describe('counts in messages', () => {
  it('picks one or other by the language rules and formats the number for the language', () => {
    expect(translateCount('da', 'visits.contacts.total', 1)).toBe('1 kontakt');
    expect(translateCount('da', 'visits.contacts.total', 0)).toBe('0 kontakter');
    expect(translateCount('da', 'visits.contacts.total', 1234)).toBe('1.234 kontakter');
    expect(translateCount('en', 'visits.contacts.total', 1)).toBe('1 contact');
    expect(translateCount('en', 'visits.contacts.total', 1234)).toBe('1,234 contacts');
    expect(translateCount('en', 'sync.pending', 2)).toBe('2 changes waiting');
    expect(translateCount('da', 'citizens.search.count', 1)).toBe('1 borger fundet');
  });

  it('formats numbers and plural forms per language', () => {
    expect(formatNumber(4000, 'da')).toBe('4.000');
    expect(formatNumber(4000, 'en')).toBe('4,000');
    expect(formatNumber(1.5, 'da')).toBe('1,5');
    expect(pluralForm(1, 'da')).toBe('one');
    expect(pluralForm(0, 'en')).toBe('other');
    expect(pluralForm(21, 'da')).toBe('other');
  });
});

describe('the sync indicator in English', () => {
  beforeEach(async () => {
    await resetDb();
    await signIn();
    act(() => useLocaleStore.getState().setLocale('en'));
  });
  afterEach(() => act(() => useLocaleStore.getState().setLocale('da')));

  it('shows the progress with English digit grouping', () => {
    render(<SyncIndicator />);
    const region = screen.getByRole('region', { name: 'Synchronization' });
    act(() =>
      syncStatus.dispatch({ type: 'phase', phase: { kind: 'pulling', done: 1200, total: 4000 } }),
    );
    expect(within(region).getByRole('status').textContent).toContain('1,200 of 4,000');
  });
});
