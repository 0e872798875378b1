import { screen, waitFor, within } from '@testing-library/react';
import { readAll, readRecord } from '../helpers/sealedDb';
import type { DraftEntry } from '../../src/db/database';
import type { Note } from '../../src/domain';
import { describe, expect, it, vi } from 'vitest';
import { citizensRepo } from '../../src/db/citizens';
import { db } from '../../src/db/database';
import { deviceClock } from '../../src/db/writeContext';
import { openOutbox } from '../../src/db/outbox';
import {
  ctx,
  makeCitizen,
  makeContact,
  makeLocation,
  makeNote,
  makeVisit,
  signedInBeforeEach,
} from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe('the note editor', () => {
  it('autosaves the text locally within a second and restores it after the editor is reopened', async () => {
    const c = await makeCitizen();
    const first = renderApp(`/notater/ny?borger=${c.id}`);
    const body = await screen.findByLabelText('Notat');
    await first.user.type(body, 'Jens fortalte om sin nye lejlighed');
    expect(
      await screen.findByText(/^Kladde gemt lokalt kl\. \d\d:\d\d$/, {}, { timeout: 2000 }),
    ).toBeTruthy();
    // Saved while typing too, so the last save may still be under way when the status shows.
    await waitFor(async () =>
      expect(
        (await readRecord<DraftEntry>(db, 'drafts', `note:new:${c.id}`))?.fields,
      ).toMatchObject({ body: 'Jens fortalte om sin nye lejlighed' }),
    );
    // Nothing is queued for the server while only a local draft exists.
    expect(await db.outbox.filter((e) => e.entity === 'note').count()).toBe(0);
    first.unmount();

    renderApp(`/notater/ny?borger=${c.id}`);
    const restored = await screen.findByLabelText('Notat');
    expect((restored as HTMLTextAreaElement).value).toBe('Jens fortalte om sin nye lejlighed');
  });

  it('keeps the last keystrokes when the editor closes before the debounce fired', async () => {
    const c = await makeCitizen();
    const first = renderApp(`/notater/ny?borger=${c.id}`);
    await first.user.type(await screen.findByLabelText('Notat'), 'Hurtigt');
    first.unmount();
    await waitFor(async () =>
      expect((await readRecord<DraftEntry>(db, 'drafts', `note:new:${c.id}`))?.fields.body).toBe(
        'Hurtigt',
      ),
    );
  });

  it('requires a body and shows the error on the field', async () => {
    const c = await makeCitizen();
    const { user } = renderApp(`/notater/ny?borger=${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Gem endeligt' }));
    const body = screen.getByLabelText('Notat');
    expect(await screen.findByText('Skriv selve notatet.')).toBeTruthy();
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(await db.notes.count()).toBe(0);
  });

  it("saves a draft note in the citizen's team that can later be finalized, and forgets the local draft", async () => {
    // Anders-like: the caseworker's default team is odense-syd, this citizen is in another team.
    const c = await citizensRepo.create(ctx, { firstName: 'Ole' }, undefined, {
      teamId: 'odense-nord',
    });
    const { user, currentPath } = renderApp(`/notater/ny?borger=${c.id}`);
    await user.type(await screen.findByLabelText('Notat'), 'Første udkast');
    await user.selectOptions(screen.getByLabelText('Kategori'), 'Telefon');
    await user.click(screen.getByRole('button', { name: 'Gem som kladde' }));
    await waitFor(() => expect(currentPath()).toBe(`/borgere/${c.id}`));
    const [draft] = await db.unsealAll<Note>('notes', await readAll<Note>(db, 'notes'));
    expect(draft).toMatchObject({
      status: 'draft',
      category: 'telefon',
      body: 'Første udkast',
      teamId: 'odense-nord',
    });
    const [created] = await openOutbox(await db.outbox.toArray(), db).then((all) =>
      all.filter((e) => e.entity === 'note'),
    );
    expect(created).toMatchObject({ op: 'create', teamId: 'odense-nord' });
    expect(await db.drafts.count()).toBe(0);

    await user.click(await screen.findByRole('link', { name: 'Rediger kladde' }));
    const body = await screen.findByLabelText('Notat');
    await user.type(body, ' – færdig');
    await user.click(screen.getByRole('button', { name: 'Gem endeligt' }));
    await waitFor(async () =>
      expect(await readRecord<Note>(db, 'notes', draft!.id)).toMatchObject({
        status: 'final',
        body: 'Første udkast – færdig',
      }),
    );
    expect(await db.notes.count()).toBe(1);
  });

  it('prefills date and place from a visit contact', async () => {
    const c = await makeCitizen();
    const loc = await makeLocation({ name: 'Herberget Nørregade', kind: 'herberg' });
    const visit = await makeVisit({ locationId: loc.id });
    const contact = await makeContact({
      visitId: visit.id,
      locationId: loc.id,
      kind: 'named',
      citizenId: c.id,
      at: '2026-11-20T09:30:00.000Z',
    });
    const { user } = renderApp(
      `/notater/ny?borger=${c.id}&besoeg=${visit.id}&kontakt=${contact.id}`,
    );
    expect(await screen.findByText('Sted: Herberget Nørregade')).toBeTruthy();
    const when = screen.getByLabelText<HTMLInputElement>('Hvornår skete det');
    expect(new Date(when.value).toISOString()).toBe('2026-11-20T09:30:00.000Z');
    await user.type(screen.getByLabelText('Notat'), 'Kort snak ved døren');
    await user.click(screen.getByRole('button', { name: 'Gem endeligt' }));
    await waitFor(async () => expect(await db.notes.count()).toBe(1));
    const [note] = await readAll<Note>(db, 'notes');
    expect(note).toMatchObject({
      visitId: visit.id,
      contactId: contact.id,
      locationId: loc.id,
      status: 'final',
    });
  });
});

describe('the note editor, keyboard and clock', () => {
  it('puts the note itself first in the tab order after the citizen, the date last', async () => {
    const c = await makeCitizen();
    const { user } = renderApp(`/notater/ny?borger=${c.id}`);
    const body = await screen.findByLabelText('Notat');
    // The page focuses its heading on opening; the first Tab lands in the note.
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    await user.tab();
    expect(document.activeElement).toBe(body);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Kategori'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Hvornår skete det'));
  });

  it('with no citizen given, asks for the citizen first and then the note', async () => {
    await makeCitizen();
    const { user } = renderApp('/notater/ny');
    await screen.findByLabelText('Notat');
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Borger'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Notat'));
  });

  it("stamps a finalized note with the device's clock, the same time as its other stamps", async () => {
    const at = new Date('2026-03-02T10:15:00.000Z');
    const clock = vi.spyOn(deviceClock, 'now').mockImplementation(() => new Date(at));
    try {
      const c = await makeCitizen();
      const { user } = renderApp(`/notater/ny?borger=${c.id}`);
      await user.type(await screen.findByLabelText('Notat'), 'Aftale om lægebesøg');
      await user.click(screen.getByRole('button', { name: 'Gem endeligt' }));
      await waitFor(async () => expect(await db.notes.count()).toBe(1));
      const [note] = await db.unsealAll<Note>('notes', await readAll<Note>(db, 'notes'));
      expect(note).toMatchObject({
        status: 'final',
        finalizedAt: at.toISOString(),
        occurredAt: at.toISOString(),
        updatedAt: at.toISOString(),
      });
    } finally {
      clock.mockRestore();
    }
  });
});

describe('corrections and the timeline', () => {
  it('corrects a final note with a new note and shows both, each marked', async () => {
    const c = await makeCitizen();
    const original = await makeNote({ citizenId: c.id, body: 'Mødtes på Højstrup mandag.' });
    const { user } = renderApp(`/borgere/${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Ret notat' }));
    const correction = screen.getByLabelText('Rettet notat');
    await user.clear(correction);
    await user.type(correction, 'Mødtes på Højstrup tirsdag.');
    await user.click(screen.getByRole('button', { name: 'Gem rettelse' }));

    // The form's textarea also holds the typed text, so wait for the saved correction's marker.
    expect(await screen.findByText(/^Retter notat af/)).toBeTruthy();
    expect(screen.getByText('Mødtes på Højstrup tirsdag.', { selector: 'p' })).toBeTruthy();
    expect(screen.getByText('Mødtes på Højstrup mandag.', { selector: 'p' })).toBeTruthy();
    expect(screen.getByText(/Rettet ved notat af/)).toBeTruthy();
    const notes = await readAll<Note>(db, 'notes');
    expect(notes).toHaveLength(2);
    expect(await readRecord<Note>(db, 'notes', original.id)).toMatchObject({
      body: 'Mødtes på Højstrup mandag.',
      status: 'final',
    });
    expect(notes.find((n) => n.id !== original.id)).toMatchObject({
      correctsNoteId: original.id,
      status: 'final',
      teamId: original.teamId,
    });
  });

  it('shows notes and contacts in one timeline, newest first, with Danish relative dates', async () => {
    const c = await makeCitizen();
    const loc = await makeLocation({ name: 'Gadeplan Banegården', kind: 'gadeplan' });
    const visit = await makeVisit({ locationId: loc.id });
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    yesterday.setHours(14, 5, 0, 0);
    await makeNote({
      citizenId: c.id,
      body: 'Ældst',
      occurredAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
    });
    await makeContact({
      visitId: visit.id,
      locationId: loc.id,
      kind: 'named',
      citizenId: c.id,
      at: yesterday.toISOString(),
    });
    await makeNote({ citizenId: c.id, body: 'Nyest', occurredAt: new Date().toISOString() });
    renderApp(`/borgere/${c.id}`);
    const heading = await screen.findByRole('heading', { name: 'Tidslinje' });
    const timeline = within(heading.closest('section')!);
    await timeline.findByText('Nyest');
    const items = timeline.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('Nyest');
    expect(items[1]).toContain('i går kl. 14:05');
    expect(items[1]).toContain('Kontakt på Gadeplan Banegården');
    expect(items[2]).toContain('Ældst');
  });
});
