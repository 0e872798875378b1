import { renderHook, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import { searchState, startSearchIndex } from '../../src/hooks/search/searchService';
import { useCitizensByIds } from '../../src/hooks/useCitizens';
import {
  makeCitizen,
  makeContact,
  makeLocation,
  makeVisit,
  signedInBeforeEach,
} from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe("a visit's contacts and the citizens they name", () => {
  it('has the name of a contact just registered at once, while the stored lookup is still unsealing', async () => {
    const henrik = await makeCitizen({ firstName: 'Henrik', lastName: 'Jørgensen' });
    const stop = startSearchIndex();
    try {
      await waitFor(() => expect(searchState.get().progress.status).toBe('ready'));
      const { result, rerender } = renderHook(({ ids }) => useCitizensByIds(ids), {
        initialProps: { ids: [] as string[] },
      });
      // A contact naming Henrik is added to the list: the very next render already has him,
      // not an empty lookup that would show the contact as anonymous until the read finishes.
      rerender({ ids: [henrik.id] });
      expect(result.current.get(henrik.id)?.firstName).toBe('Henrik');
      await waitFor(() => expect(result.current.get(henrik.id)?.lastName).toBe('Jørgensen'));
    } finally {
      stop();
    }
  });

  it('never calls a named contact anonymous, even when its citizen cannot be read here', async () => {
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    const gone = await makeCitizen({ firstName: 'Henrik', lastName: 'Jørgensen' });
    await makeContact({
      visitId: visit.id,
      locationId: loc.id,
      kind: 'named',
      citizenId: gone.id,
      topics: ['sundhed'],
    });
    await db.citizens.delete(gone.id);
    renderApp('/besoeg');
    const contacts = await screen.findByRole('region', { name: 'Kontakter på dette besøg' });
    const row = (await within(contacts).findByText('Sundhed')).closest('li');
    expect(row?.textContent).toContain('Kendt borger');
    expect(row?.textContent).not.toContain('Anonym');
    expect(
      within(contacts).getByRole('button', { name: /^Ret kontakten: Kendt borger/ }),
    ).toBeTruthy();
  });
});
