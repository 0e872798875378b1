import { screen, waitFor } from '@testing-library/react';
import { readRecord } from '../helpers/sealedDb';
import type { DraftEntry } from '../../src/db/database';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { citizensRepo } from '../../src/db/citizens';
import { db } from '../../src/db/database';
import { DbError } from '../../src/db/errors';
import { notesRepo } from '../../src/db/notes';
import { makeCitizen, signedInBeforeEach } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

// The disk filling up is a fault that cannot be produced in fake-indexeddb, so it is injected at
// the repository edge with the same DbError the repositories throw on QuotaExceededError.
const full = () => new DbError('storage-full', "The device has no room left for the app's data");

signedInBeforeEach();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('when the device is full', () => {
  it('says clearly that the citizen is NOT saved and keeps what was typed', async () => {
    vi.spyOn(citizensRepo, 'create').mockRejectedValue(full());
    const { user, currentPath } = renderApp('/borgere/ny');
    await user.type(await screen.findByLabelText('Kaldenavn'), 'Lille-Per');
    await user.type(screen.getByLabelText('Borgerens egne mål og ønsker'), 'Et sted at bo');
    await user.click(screen.getByRole('button', { name: 'Gem borger' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Enheden er fuld – dine ændringer er IKKE gemt.',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Kaldenavn').value).toBe('Lille-Per');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Borgerens egne mål og ønsker').value).toBe(
      'Et sted at bo',
    );
    expect(currentPath()).toBe('/borgere/ny');
  });

  it('keeps the note text in the editor and in the local draft', async () => {
    const c = await makeCitizen();
    vi.spyOn(notesRepo, 'create').mockRejectedValue(full());
    const { user } = renderApp(`/notater/ny?borger=${c.id}`);
    await user.type(await screen.findByLabelText('Notat'), 'Vigtig samtale om bolig');
    await user.click(screen.getByRole('button', { name: 'Gem endeligt' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enheden er fuld');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Notat').value).toBe(
      'Vigtig samtale om bolig',
    );
    await waitFor(async () =>
      expect((await readRecord<DraftEntry>(db, 'drafts', `note:new:${c.id}`))?.fields.body).toBe(
        'Vigtig samtale om bolig',
      ),
    );
    expect(await db.notes.count()).toBe(0);
  });
});
