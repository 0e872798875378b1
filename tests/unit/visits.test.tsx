import { screen, waitFor } from '@testing-library/react';
import type { Visit, Contact } from '../../src/domain';
import { readAll, readRecord } from '../helpers/sealedDb';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import { isoWeekday } from '../../src/domain';
import { localDate } from '../../src/i18n/format';
import {
  makeCitizen,
  makeLocation,
  makeSlot,
  makeVisit,
  signedInBeforeEach,
} from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe('a visit', () => {
  it('starts at the location the caseworker is scheduled at now', async () => {
    await makeLocation({ name: 'Aalborggade (gadeplan)', kind: 'gadeplan' });
    const hoejstrup = await makeLocation({ name: 'Værestedet Højstrup' });
    await makeSlot({
      locationId: hoejstrup.id,
      weekday: isoWeekday(localDate()),
      startTime: '00:00',
      endTime: '23:59',
    });
    const { user } = renderApp('/besoeg');
    const select = await screen.findByLabelText<HTMLSelectElement>('Sted');
    expect(select.value).toBe(hoejstrup.id);
    await user.click(screen.getByRole('button', { name: 'Start besøg' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Besøg på Værestedet Højstrup/ }),
    ).toBeTruthy();
    const [visit] = await readAll<Visit>(db, 'visits');
    expect(visit).toMatchObject({ locationId: hoejstrup.id, userId: 'mette' });
  });

  it('registers an anonymous contact in three taps', async () => {
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    const { user } = renderApp('/besoeg');
    await user.click(await screen.findByRole('button', { name: /25–39/ }));
    await user.click(screen.getByRole('button', { name: /Bolig/ }));
    await user.click(screen.getByRole('button', { name: 'Registrér anonym kontakt' }));
    expect(await screen.findByText('1 kontakt: 0 kendte, 1 anonym')).toBeTruthy();
    const [contact] = await readAll<Contact>(db, 'contacts');
    expect(contact).toMatchObject({
      visitId: visit.id,
      locationId: loc.id,
      kind: 'anonymous',
      ageGroup: '25-39',
      gender: 'ukendt',
      topics: ['bolig'],
    });
    expect(contact!.citizenId).toBeUndefined();
    // The toggles are reset for the next contact.
    expect(screen.getByRole('button', { name: /25–39/ }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  it('registers a known citizen and offers Skriv notat with date and place prefilled', async () => {
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    const c = await makeCitizen();
    const { user, currentPath } = renderApp('/besoeg');
    await user.type(await screen.findByRole('searchbox', { name: 'Find borger' }), 'store');
    await user.click(
      await screen.findByRole('button', { name: 'Registrér kontakt med Jens Hansen (Store-J)' }),
    );
    expect(await screen.findByText('1 kontakt: 1 kendt, 0 anonyme')).toBeTruthy();
    const [contact] = await readAll<Contact>(db, 'contacts');
    await user.click(screen.getByRole('link', { name: /Skriv notat/ }));
    await waitFor(() =>
      expect(currentPath()).toBe(
        `/notater/ny?borger=${c.id}&besoeg=${visit.id}&kontakt=${contact!.id}`,
      ),
    );
    expect(await screen.findByText('Sted: Værestedet Højstrup')).toBeTruthy();
  });

  it('ends the visit with a summary', async () => {
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    const { user } = renderApp('/besoeg');
    await user.type(
      await screen.findByLabelText('Kort opsummering (valgfrit)'),
      'Stille formiddag',
    );
    await user.click(screen.getByRole('button', { name: 'Afslut besøg' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Start besøg' })).toBeTruthy();
    const ended = await readRecord<Record<string, unknown>>(db, 'visits', visit.id);
    expect(ended?.endedAt).toBeDefined();
    expect(ended?.summary).toBe('Stille formiddag');
  });
});
