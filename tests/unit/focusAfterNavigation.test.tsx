import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeCitizen, signedInBeforeEach } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe('focus after a navigation', () => {
  it('moves to the new heading when the same screen shows another record', async () => {
    const jens = await makeCitizen();
    const karin = await makeCitizen({ firstName: 'Karin', lastName: 'Berg', alias: '' });
    const { location } = renderApp(`/borgere/${jens.id}`);
    const first = await screen.findByRole('heading', { level: 1, name: /Jens Hansen/ });
    await waitFor(() => expect(document.activeElement).toBe(first));
    // Focus leaves the page (as when a link in the header is used), then the address changes.
    act(() => (document.activeElement as HTMLElement).blur());
    act(() => location.navigate(`/borgere/${karin.id}`));
    const second = await screen.findByRole('heading', { level: 1, name: /Karin Berg/ });
    await waitFor(() => expect(document.activeElement).toBe(second));
  });

  it('leaves focus where it is when the caseworker is working inside the page', async () => {
    const { user } = renderApp('/borgere');
    const search = await screen.findByRole('searchbox');
    await user.click(search);
    await user.type(search, 'x');
    expect(document.activeElement).toBe(search);
  });
});
