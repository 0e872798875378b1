import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setSession } from '../../src/db/session';
import { setTeamMembers } from '../../src/db/teamMembers';
import {
  daysFromToday,
  makeCitizen,
  makeFollowUp,
  METTE,
  signedInBeforeEach,
} from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

const team = [
  { id: 'anders', username: 'anders', name: 'Anders Holm', role: 'caseworker' as const },
  { id: 'mette', username: 'mette', name: 'Mette Sørensen', role: 'lead' as const },
];

describe('follow-ups and who is responsible', () => {
  it('shows the responsible caseworker by name and filters to mine', async () => {
    await setTeamMembers(team, new Date());
    const c = await makeCitizen();
    await makeFollowUp({ citizenId: c.id, title: 'Ring til boligkontoret', assigneeId: 'anders' });
    await makeFollowUp({ citizenId: c.id, title: 'Følg op på lægetid', assigneeId: 'mette' });
    await makeFollowUp({
      citizenId: c.id,
      title: 'Søg om enkeltydelse',
      assigneeId: 'anders',
      dueOn: daysFromToday(-3),
      doneAt: new Date().toISOString(),
      doneBy: 'anders',
    });
    const { user } = renderApp('/opfoelgning');
    const open = await screen.findByRole('region', { name: 'Åbne opfølgninger' });
    const rowOf = (title: string) => within(open).getByText(title).closest('li')!;
    await waitFor(() =>
      expect(rowOf('Ring til boligkontoret').textContent).toContain('Ansvarlig: Anders Holm'),
    );
    expect(rowOf('Følg op på lægetid').textContent).toContain('Ansvarlig: Mette Sørensen');

    await user.click(screen.getByRole('radio', { name: 'Mine' }));
    await waitFor(() => expect(within(open).queryByText('Ring til boligkontoret')).toBeNull());
    expect(within(open).getByText('Følg op på lægetid')).toBeTruthy();
    expect(screen.queryByText('Søg om enkeltydelse')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Alle' }));
    expect(await within(open).findByText('Ring til boligkontoret')).toBeTruthy();
    expect(screen.getByText('Søg om enkeltydelse')).toBeTruthy();
  });
});

describe('settings for a caseworker in two teams', () => {
  it('lists every team and says which one new records go to', async () => {
    await act(() =>
      setSession({
        token: 'test-token-0123456789abcdef',
        user: {
          ...METTE,
          id: 'anders',
          username: 'anders',
          name: 'Anders Holm',
          teamId: 'odense-syd',
          teamName: 'Fremskudt team Syd',
          teams: [
            { id: 'odense-syd', name: 'Fremskudt team Syd' },
            { id: 'odense-vest', name: 'Fremskudt team Vest' },
          ],
        },
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
    );
    renderApp('/indstillinger');
    const section = await screen.findByRole('region', { name: 'Du er logget ind som' });
    const teams = within(section).getByRole('list');
    expect(
      within(teams)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Fremskudt team Syd', 'Fremskudt team Vest']);
    expect(section.textContent).toContain(
      'Nye borgere og andre nye registreringer gemmes i Fremskudt team Syd',
    );
    expect(section.textContent).not.toContain('Team: Fremskudt team Syd');
  });
});
