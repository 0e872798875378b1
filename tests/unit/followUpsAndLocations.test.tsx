import { screen, waitFor, within } from '@testing-library/react';
import type { FollowUp } from '../../src/domain';
import { readAll } from '../helpers/sealedDb';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import {
  daysFromToday,
  makeCitizen,
  makeFollowUp,
  makeLocation,
  signedInBeforeEach,
} from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe('follow-ups', () => {
  it('creates a follow-up for a citizen and marks it done, then reopens it', async () => {
    await makeCitizen();
    const { user } = renderApp('/opfoelgning');
    await user.click(await screen.findByRole('button', { name: 'Ny opfølgning' }));
    await user.type(screen.getByLabelText('Hvad skal følges op'), 'Følg med til jobcenter');
    await user.selectOptions(screen.getByLabelText('Borger'), 'Jens Hansen (Store-J)');
    await user.type(screen.getByLabelText('Frist'), daysFromToday(-1));
    await user.click(screen.getByRole('button', { name: 'Gem opfølgning' }));
    const item = (await screen.findByText('Følg med til jobcenter')).closest('li')!;
    expect(item.textContent).toContain('Overskredet');
    await user.click(
      within(item).getByRole('button', { name: 'Markér "Følg med til jobcenter" som udført' }),
    );
    await waitFor(async () =>
      expect((await readAll<FollowUp>(db, 'followUps'))[0]?.doneAt).toBeDefined(),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Genåbn "Følg med til jobcenter"' }),
    );
    await waitFor(async () =>
      expect((await readAll<FollowUp>(db, 'followUps'))[0]?.doneAt).toBeUndefined(),
    );
  });

  it('explains which fields are missing', async () => {
    const { user } = renderApp('/opfoelgning');
    await user.click(await screen.findByRole('button', { name: 'Ny opfølgning' }));
    await user.click(screen.getByRole('button', { name: 'Gem opfølgning' }));
    expect(await screen.findByText('Skriv hvad der skal følges op.')).toBeTruthy();
    expect(screen.getByText('Vælg en borger.')).toBeTruthy();
    expect(await db.followUps.count()).toBe(0);
  });

  it('never marks a done follow-up as overdue', async () => {
    const c = await makeCitizen();
    const f = await makeFollowUp({
      citizenId: c.id,
      title: 'Gammel opgave',
      dueOn: daysFromToday(-10),
    });
    await db.followUps.put(
      await db.seal('followUps', { ...f, doneAt: new Date().toISOString(), doneBy: 'mette' }),
    );
    renderApp('/opfoelgning');
    const item = (await screen.findByText('Gammel opgave')).closest('li')!;
    expect(item.textContent).toContain('Udført');
    expect(item.textContent).not.toContain('Overskredet');
  });
});

describe('locations and the schedule', () => {
  it('creates a location with a Danish kind and adds a weekly slot with a Danish weekday', async () => {
    const { user } = renderApp('/steder');
    await user.click(await screen.findByRole('button', { name: 'Nyt sted' }));
    await user.type(screen.getByLabelText('Navn'), 'Kirkens Korshær Natvarmestue');
    await user.selectOptions(screen.getByLabelText('Type'), 'Herberg/forsorgshjem');
    await user.click(screen.getByRole('button', { name: 'Gem sted' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Kirkens Korshær Natvarmestue' }),
    ).toBeTruthy();
    expect(screen.getByText(/Herberg\/forsorgshjem/)).toBeTruthy();

    await user.click(
      screen.getByRole('button', { name: 'Tilføj vagt på Kirkens Korshær Natvarmestue' }),
    );
    await user.selectOptions(screen.getByLabelText('Ugedag'), 'tirsdag');
    await user.click(screen.getByRole('button', { name: 'Gem vagt' }));
    expect(await screen.findByText('tirsdag kl. 10:00–12:00 · Mette Sørensen')).toBeTruthy();
    const [slot] = await db.scheduleSlots.toArray();
    expect(slot).toMatchObject({
      weekday: 2,
      startTime: '10:00',
      endTime: '12:00',
      userId: 'mette',
    });

    await user.click(screen.getByRole('button', { name: 'Slet vagten tirsdag kl. 10:00–12:00' }));
    await waitFor(async () => expect(await db.scheduleSlots.count()).toBe(0));
  });

  it('refuses a slot that ends before it starts', async () => {
    await makeLocation();
    const { user } = renderApp('/steder');
    await user.click(
      await screen.findByRole('button', { name: 'Tilføj vagt på Værestedet Højstrup' }),
    );
    const end = screen.getByLabelText('Til');
    await user.clear(end);
    await user.type(end, '09:00');
    await user.click(screen.getByRole('button', { name: 'Gem vagt' }));
    expect(
      await screen.findByText('Sluttidspunktet skal ligge efter starttidspunktet.'),
    ).toBeTruthy();
    expect(await db.scheduleSlots.count()).toBe(0);
  });
});
