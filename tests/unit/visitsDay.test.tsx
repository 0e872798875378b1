import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import type { OutboxEntry } from '../../src/db/database';
import type { Citizen, Contact } from '../../src/domain';
import { useLocaleStore } from '../../src/stores/localeStore';
import { readAll } from '../helpers/sealedDb';
import {
  makeCitizen,
  makeContact,
  makeLocation,
  makeNote,
  makeVisit,
  signedInBeforeEach,
} from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('ending a visit', () => {
  it('confirms it and shows what the visit was: contacts, topics and duration', async () => {
    const loc = await makeLocation({ name: 'Værestedet Højstrup' });
    const visit = await makeVisit({ locationId: loc.id, startedAt: minutesAgo(95) });
    const c = await makeCitizen();
    await makeContact({ visitId: visit.id, locationId: loc.id, topics: ['bolig', 'sundhed'] });
    await makeContact({ visitId: visit.id, locationId: loc.id, topics: ['bolig'] });
    await makeContact({
      visitId: visit.id,
      locationId: loc.id,
      kind: 'named',
      citizenId: c.id,
    });
    const { user } = renderApp('/besoeg');
    await user.click(await screen.findByRole('button', { name: 'Afslut besøg' }));

    expect(await screen.findByText('Besøget er afsluttet.')).toBeTruthy();
    const ended = screen.getByRole('region', { name: /^Besøg på Værestedet Højstrup kl\./ });
    expect(await within(ended).findByText('3 kontakter: 1 kendt, 2 anonyme')).toBeTruthy();
    expect(within(ended).getByText('Bolig (2), Sundhed (1)')).toBeTruthy();
    expect(within(ended).getByText(/^1 time og 3[45] minutter$/)).toBeTruthy();
    // Focus moves from the (gone) end button to the confirmation.
    expect(document.activeElement).toBe(within(ended).getByRole('heading', { level: 2 }));
    // The next visit can be started right away.
    expect(await screen.findByRole('heading', { level: 2, name: 'Start besøg' })).toBeTruthy();
  });
});

describe('ending a visit in English', () => {
  afterEach(() => act(() => useLocaleStore.getState().setLocale('da')));

  it('confirms and sums it up in English', async () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    const loc = await makeLocation({ name: 'Værestedet Højstrup' });
    const visit = await makeVisit({ locationId: loc.id, startedAt: minutesAgo(61) });
    await makeContact({ visitId: visit.id, locationId: loc.id, topics: ['oekonomi'] });
    const { user } = renderApp('/besoeg');
    await user.click(await screen.findByRole('button', { name: 'End visit' }));
    expect(await screen.findByText('The visit has ended.')).toBeTruthy();
    const ended = screen.getByRole('region', { name: /^Visit at Værestedet Højstrup / });
    expect(await within(ended).findByText('1 contact: 0 known, 1 anonymous')).toBeTruthy();
    expect(within(ended).getByText('Finances (1)')).toBeTruthy();
    expect(within(ended).getByText(/^1 hour( and [12] minutes?)?$/)).toBeTruthy();
  });
});

describe('the visit history', () => {
  it('lists earlier visits by date and place with their summary and contacts', async () => {
    const hoejstrup = await makeLocation({ name: 'Værestedet Højstrup' });
    const herberg = await makeLocation({ name: 'Herberget Nørregade' });
    const c = await makeCitizen();
    const v1 = await makeVisit({
      locationId: hoejstrup.id,
      startedAt: minutesAgo(300),
      endedAt: minutesAgo(240),
      summary: 'Stille formiddag',
    });
    await makeContact({ visitId: v1.id, locationId: hoejstrup.id, kind: 'named', citizenId: c.id });
    await makeContact({ visitId: v1.id, locationId: hoejstrup.id, topics: ['misbrug'] });
    const v2 = await makeVisit({
      locationId: herberg.id,
      startedAt: minutesAgo(200),
      endedAt: minutesAgo(190),
    });
    await makeContact({ visitId: v2.id, locationId: herberg.id });

    const { user } = renderApp('/besoeg');
    const history = await screen.findByRole('region', { name: 'Tidligere besøg' });
    const first = await within(history).findByText(/^Værestedet Højstrup kl\./);
    await user.click(first);
    const item = first.closest('details')!;
    expect(await within(item).findByText('2 kontakter: 1 kendt, 1 anonym')).toBeTruthy();
    expect(within(item).getByText('Misbrug (1)')).toBeTruthy();
    expect(within(item).getByText('1 time')).toBeTruthy();
    expect(within(item).getByText('Stille formiddag')).toBeTruthy();
    expect(await within(item).findByText(/Jens Hansen \(Store-J\)/)).toBeTruthy();
    // A finished visit's contacts are shown, not edited.
    expect(within(item).queryByRole('button', { name: /^Fjern/ })).toBeNull();

    // Filtered to one location.
    await user.selectOptions(within(history).getByLabelText('Vis besøg på'), herberg.id);
    await waitFor(() =>
      expect(within(history).queryByText(/^Værestedet Højstrup kl\./)).toBeNull(),
    );
    expect(within(history).getByText(/^Herberget Nørregade kl\./)).toBeTruthy();
  });
});

describe('correcting the contacts of an open visit', () => {
  it('corrects a mis-tapped anonymous contact as an update that syncs', async () => {
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    const contact = await makeContact({ visitId: visit.id, locationId: loc.id, topics: ['bolig'] });
    const { user } = renderApp('/besoeg');
    await user.click(await screen.findByRole('button', { name: /^Ret kontakten: Anonym/ }));
    const form = screen.getByRole('form', { name: /^Ret kontakten: Anonym/ });
    await user.click(within(form).getByRole('button', { name: /Bolig/ }));
    await user.click(within(form).getByRole('button', { name: /Misbrug/ }));
    await user.click(within(form).getByRole('button', { name: /40–59/ }));
    await user.click(within(form).getByRole('button', { name: 'Gem' }));
    expect(await screen.findByText('Kontakten er rettet.')).toBeTruthy();
    expect(await screen.findByText('40–59 · Ukendt · Misbrug')).toBeTruthy();
    const outbox = await readAll<OutboxEntry>(db, 'outbox');
    expect(outbox.at(-1)).toMatchObject({
      entity: 'contact',
      recordId: contact.id,
      op: 'update',
      fields: { ageGroup: '40-59', topics: ['misbrug'] },
    });
  });

  it('removes a contact after confirming, as a delete mutation (never a silent loss)', async () => {
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    const c = await makeCitizen();
    const keep = await makeContact({ visitId: visit.id, locationId: loc.id });
    const wrong = await makeContact({
      visitId: visit.id,
      locationId: loc.id,
      kind: 'named',
      citizenId: c.id,
    });
    const { user } = renderApp('/besoeg');
    expect(await screen.findByText('2 kontakter: 1 kendt, 1 anonym')).toBeTruthy();
    await user.click(
      await screen.findByRole('button', { name: /^Fjern kontakten: Jens Hansen \(Store-J\)/ }),
    );
    // Nothing is removed before the caseworker confirms.
    expect((await readAll<Contact>(db, 'contacts')).length).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Ja, fjern kontakten' }));
    expect(await screen.findByText('Kontakten er fjernet.')).toBeTruthy();
    expect(await screen.findByText('1 kontakt: 0 kendte, 1 anonym')).toBeTruthy();
    expect((await readAll<Contact>(db, 'contacts')).map((x) => x.id)).toEqual([keep.id]);
    const outbox = await readAll<OutboxEntry>(db, 'outbox');
    expect(outbox.at(-1)).toMatchObject({ entity: 'contact', recordId: wrong.id, op: 'delete' });
  });
});

describe('a contact with a journal note', () => {
  it('is not removed (the note would point at nothing) and says to correct it instead', async () => {
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    const c = await makeCitizen();
    const contact = await makeContact({
      visitId: visit.id,
      locationId: loc.id,
      kind: 'named',
      citizenId: c.id,
    });
    await makeNote({ citizenId: c.id, visitId: visit.id, contactId: contact.id });
    const { user } = renderApp('/besoeg');
    await user.click(await screen.findByRole('button', { name: /^Fjern kontakten: Jens Hansen/ }));
    await user.click(screen.getByRole('button', { name: 'Ja, fjern kontakten' }));
    expect(
      await screen.findByText(
        'Der er skrevet et notat om denne kontakt, så den kan ikke fjernes. Ret den i stedet.',
      ),
    ).toBeTruthy();
    expect((await readAll<Contact>(db, 'contacts')).map((x) => x.id)).toEqual([contact.id]);
  });
});

describe('quick capture during a visit', () => {
  it('registers an anonymous contact with a one-line note', async () => {
    const loc = await makeLocation();
    await makeVisit({ locationId: loc.id });
    const { user } = renderApp('/besoeg');
    const anon = await screen.findByRole('region', { name: 'Anonym kontakt' });
    await user.click(within(anon).getByRole('button', { name: /Sundhed/ }));
    await user.type(within(anon).getByLabelText('Kort note (valgfri)'), 'Ondt i foden');
    await user.click(within(anon).getByRole('button', { name: 'Registrér anonym kontakt' }));
    expect(await screen.findByText('Ondt i foden')).toBeTruthy();
    const [contact] = await readAll<Contact>(db, 'contacts');
    expect(contact).toMatchObject({ topics: ['sundhed'], remark: 'Ondt i foden' });
    expect(within(anon).getByLabelText<HTMLInputElement>('Kort note (valgfri)').value).toBe('');
  });

  it('registers a known citizen with a one-line note', async () => {
    const loc = await makeLocation();
    await makeVisit({ locationId: loc.id });
    await makeCitizen();
    const { user } = renderApp('/besoeg');
    const named = await screen.findByRole('region', { name: 'Kendt borger' });
    await user.type(within(named).getByRole('searchbox', { name: 'Find borger' }), 'store');
    await user.type(within(named).getByLabelText('Kort note (valgfri)'), 'Vil gerne tale om bolig');
    await user.click(
      await within(named).findByRole('button', {
        name: 'Registrér kontakt med Jens Hansen (Store-J)',
      }),
    );
    expect(await screen.findByText('Vil gerne tale om bolig')).toBeTruthy();
    const [contact] = await readAll<Contact>(db, 'contacts');
    expect(contact).toMatchObject({ kind: 'named', remark: 'Vil gerne tale om bolig' });
  });
});

describe('creating a citizen from the visit', () => {
  it('offers Opret ny borger prefilled with the search and returns with the contact registered', async () => {
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    const { user, currentPath } = renderApp('/besoeg');
    await user.type(
      await screen.findByRole('searchbox', { name: 'Find borger' }),
      'Søren Kierkegaard',
    );
    expect(await screen.findByText('Ingen borgere matcher.')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Opret ny borger "Søren Kierkegaard"' }));
    await screen.findByRole('heading', { level: 1, name: 'Ny borger' });
    expect(screen.getByLabelText<HTMLInputElement>('Fornavn').value).toBe('Søren');
    expect(screen.getByLabelText<HTMLInputElement>('Efternavn').value).toBe('Kierkegaard');
    await user.click(screen.getByRole('button', { name: 'Gem borger' }));

    await waitFor(() => expect(currentPath()).toBe('/besoeg'));
    expect(await screen.findByText('1 kontakt: 1 kendt, 0 anonyme')).toBeTruthy();
    const [citizen] = await readAll<Citizen>(db, 'citizens');
    const [contact] = await readAll<Contact>(db, 'contacts');
    expect(citizen).toMatchObject({ firstName: 'Søren', lastName: 'Kierkegaard' });
    expect(contact).toMatchObject({ visitId: visit.id, kind: 'named', citizenId: citizen!.id });
  });
});
