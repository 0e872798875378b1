import { citizensRepo } from '../../src/db/citizens';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isoWeekday } from '../../src/domain';
import { localDate } from '../../src/i18n/format';
import {
  ctx,
  daysFromToday,
  makeCitizen,
  makeContact,
  makeFollowUp,
  makeLocation,
  makeSlot,
  makeVisit,
  signedInBeforeEach,
} from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe('the Today screen', () => {
  it("shows today's scheduled location but not another weekday's or another caseworker's", async () => {
    const today = isoWeekday(localDate());
    const hoejstrup = await makeLocation({ name: 'Værestedet Højstrup' });
    const herberg = await makeLocation({ name: 'Herberget', kind: 'herberg' });
    const other = await makeLocation({ name: 'Kirkens Korshær' });
    await makeSlot({
      locationId: hoejstrup.id,
      weekday: today,
      startTime: '10:00',
      endTime: '12:00',
    });
    await makeSlot({ locationId: herberg.id, weekday: (today % 7) + 1 });
    await makeSlot({ locationId: other.id, weekday: today, userId: 'anders' });
    renderApp('/');
    const section = within(
      (await screen.findByRole('heading', { name: 'Her sidder du i dag' })).closest('section')!,
    );
    expect(section.getByText('Værestedet Højstrup')).toBeTruthy();
    expect(section.getByText(/kl\. 10:00–12:00/)).toBeTruthy();
    expect(section.queryByText('Herberget')).toBeNull();
    expect(section.queryByText('Kirkens Korshær')).toBeNull();
  });

  it('marks overdue follow-ups as overdue in words, not by colour alone', async () => {
    const c = await makeCitizen();
    await makeFollowUp({ citizenId: c.id, title: 'Søg boligstøtte', dueOn: daysFromToday(-3) });
    await makeFollowUp({ citizenId: c.id, title: 'Ring til lægen', dueOn: daysFromToday(0) });
    await makeFollowUp({ citizenId: c.id, title: 'Næste uge', dueOn: daysFromToday(7) });
    renderApp('/');
    const section = within(
      (await screen.findByRole('heading', { name: 'Opfølgning i dag og overskredet' })).closest(
        'section',
      )!,
    );
    const overdue = (await section.findByText('Søg boligstøtte')).closest('li')!;
    expect(overdue.textContent).toContain('Overskredet');
    const dueToday = section.getByText('Ring til lægen').closest('li')!;
    expect(dueToday.textContent).toContain('I dag');
    expect(dueToday.textContent).not.toContain('Overskredet');
    expect(section.queryByText('Næste uge')).toBeNull();
  });

  it('lists recently seen citizens and counts the changes waiting to be sent', async () => {
    const c = await makeCitizen();
    const loc = await makeLocation();
    const visit = await makeVisit({ locationId: loc.id });
    await makeContact({ visitId: visit.id, locationId: loc.id, kind: 'named', citizenId: c.id });
    renderApp('/');
    const recent = within(
      (await screen.findByRole('heading', { name: 'Senest set' })).closest('section')!,
    );
    expect(await recent.findByRole('link', { name: 'Jens Hansen (Store-J)' })).toBeTruthy();
    // citizen + location + visit + contact, none acknowledged by the server yet.
    expect(screen.getByTestId('pending-count').textContent).toBe(
      '4 ændringer venter på at blive sendt.',
    );
    // Live: a change to the (sealed) citizen shows at once, although its rows are unsealed.
    await citizensRepo.update(ctx, c.id, { alias: 'Lange-J' });
    expect(await recent.findByRole('link', { name: 'Jens Hansen (Lange-J)' })).toBeTruthy();
  });
});
