import { screen, waitFor, within } from '@testing-library/react';
import type { OutboxEntry } from '../../src/db/database';
import { readAll, readRecord } from '../helpers/sealedDb';
import type { Citizen } from '../../src/domain';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import { setSession } from '../../src/db/session';
import { METTE, makeCitizen, signedInBeforeEach } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe('the citizens list', () => {
  it('finds a citizen by the start of their alias, instantly', async () => {
    await makeCitizen({ firstName: 'Jens', lastName: 'Hansen', alias: 'Store-J' });
    await makeCitizen({ firstName: 'Karin', lastName: 'Madsen', alias: '' });
    const { user } = renderApp('/borgere');
    await screen.findByRole('link', { name: 'Karin Madsen' });
    await user.type(screen.getByRole('searchbox', { name: /Søg efter navn/ }), 'Store');
    const list = screen.getByRole('list', { name: 'Borgere' });
    expect(within(list).getByRole('link', { name: 'Jens Hansen (Store-J)' })).toBeTruthy();
    expect(within(list).queryByRole('link', { name: 'Karin Madsen' })).toBeNull();
  });

  it('tolerates a typo in a name', async () => {
    await makeCitizen({ firstName: 'Mohammed', lastName: 'Ali', alias: '' });
    const { user } = renderApp('/borgere');
    // The list first (as the first test): the search then answers as the caseworker types.
    await screen.findByRole('link', { name: 'Mohammed Ali' });
    await user.type(screen.getByRole('searchbox', { name: /Søg efter navn/ }), 'Mohamed');
    expect(screen.getByRole('link', { name: 'Mohammed Ali' })).toBeTruthy();
  });

  it('finds a citizen by CPR digits while showing the CPR masked, also typed before the list loaded', async () => {
    await makeCitizen({ alias: 'Store-J', cpr: '010190-1234' });
    await makeCitizen({ firstName: 'Karin', lastName: '', alias: '', cpr: '020285-4321' });
    const { user } = renderApp('/borgere');
    // Typed at once, before the list may have loaded: answered once it has.
    await user.type(await screen.findByRole('searchbox', { name: /Søg efter navn/ }), '0101');
    await screen.findByText('1 borger fundet');
    const list = screen.getByRole('list', { name: 'Borgere' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('010190-XXXX');
    expect(document.body.textContent).not.toContain('010190-1234');
  });

  it('finds a citizen by phone number typed with spaces', async () => {
    await makeCitizen({ firstName: 'Bo', lastName: '', alias: '', phone: '+45 20 30 40 50' });
    await makeCitizen({ firstName: 'Ida', lastName: '', alias: '', phone: '61 62 63 64' });
    const { user } = renderApp('/borgere');
    await screen.findByRole('link', { name: 'Ida' });
    await user.type(screen.getByRole('searchbox', { name: /Søg efter navn/ }), '20 30');
    expect(screen.getByRole('link', { name: 'Bo' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Ida' })).toBeNull();
  });
});

describe('a long citizens list', () => {
  it('shows the first 100 alphabetically and the rest on "Vis flere"', async () => {
    for (let i = 0; i < 105; i++) {
      await makeCitizen({
        firstName: `Borger${String(i).padStart(3, '0')}`,
        lastName: '',
        alias: '',
      });
    }
    const { user } = renderApp('/borgere');
    const list = await screen.findByRole('list', { name: 'Borgere' });
    await within(list).findByRole('link', { name: 'Borger000' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(100);
    expect(within(list).queryByRole('link', { name: 'Borger104' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Vis flere (100 af 105 vist)' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(105);
    expect(within(list).getByRole('link', { name: 'Borger104' })).toBeTruthy();
  });
});

describe('creating a citizen', () => {
  it('saves a citizen known only by an alias with exactly one outbox entry', async () => {
    const { user, currentPath } = renderApp('/borgere/ny');
    await user.type(await screen.findByLabelText('Kaldenavn'), 'Lille-Per');
    await user.click(screen.getByRole('button', { name: 'Gem borger' }));
    await waitFor(() => expect(currentPath()).toMatch(/^\/borgere\/[0-9a-f-]{36}$/));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lille-Per' })).toBeTruthy();
    const citizens = await readAll<Citizen>(db, 'citizens');
    expect(citizens).toHaveLength(1);
    expect(citizens[0]).toMatchObject({ alias: 'Lille-Per', firstName: '' });
    const outbox = await readAll<OutboxEntry>(db, 'outbox');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'citizen', op: 'create', recordId: citizens[0]!.id });
  });

  it('refuses an impossible CPR date with a Danish error tied to the field and saves nothing', async () => {
    const { user } = renderApp('/borgere/ny');
    await user.type(await screen.findByLabelText('Fornavn'), 'Jens');
    const cpr = screen.getByLabelText('CPR-nummer (valgfrit)');
    await user.type(cpr, '310290-1234');
    await user.click(screen.getByRole('button', { name: 'Gem borger' }));
    const error = await screen.findByText(/indeholder ikke en gyldig fødselsdato/);
    expect(cpr.getAttribute('aria-invalid')).toBe('true');
    expect(cpr.getAttribute('aria-describedby')).toContain(error.closest('p')!.id);
    expect(await db.citizens.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((cpr as HTMLInputElement).value).toBe('310290-1234');
  });

  it('asks for a first name or an alias when both are empty', async () => {
    const { user } = renderApp('/borgere/ny');
    await user.click(await screen.findByRole('button', { name: 'Gem borger' }));
    expect(await screen.findByText(/Skriv et fornavn eller et kaldenavn/)).toBeTruthy();
    expect(await db.citizens.count()).toBe(0);
  });

  it('accepts a CPR number that fails the old modulus-11 check', async () => {
    const { user } = renderApp('/borgere/ny');
    await user.type(await screen.findByLabelText('Fornavn'), 'Anna');
    await user.type(screen.getByLabelText('CPR-nummer (valgfrit)'), '0101901235');
    await user.click(screen.getByRole('button', { name: 'Gem borger' }));
    await screen.findByRole('heading', { level: 1, name: 'Anna' });
    expect((await readAll<Citizen>(db, 'citizens'))[0]?.cpr).toBe('010190-1235');
  });
});

describe('the citizen page', () => {
  it('shows the CPR masked until "Vis CPR" is pressed', async () => {
    const c = await makeCitizen({ cpr: '010190-1234' });
    const { user } = renderApp(`/borgere/${c.id}`);
    const toggle = await screen.findByRole('button', { name: 'Vis CPR' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('010190-XXXX')).toBeTruthy();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('010190-1234')).toBeTruthy();
  });

  it('edits goals in the citizen’s own words and focus areas', async () => {
    const c = await makeCitizen();
    const { user } = renderApp(`/borgere/${c.id}/rediger`);
    await user.type(
      await screen.findByLabelText('Borgerens egne mål og ønsker'),
      'Få min egen lejlighed',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Bolig (Housing First)' }));
    await user.click(screen.getByRole('button', { name: 'Gem borger' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Jens Hansen (Store-J)' }),
    ).toBeTruthy();
    expect(await screen.findByText('Få min egen lejlighed')).toBeTruthy();
    expect(screen.getByText('Bolig (Housing First)')).toBeTruthy();
    const saved = await readRecord<Citizen>(db, 'citizens', c.id);
    expect(saved).toMatchObject({ ownGoals: 'Få min egen lejlighed', focusAreas: ['bolig'] });
    const last = (await readAll<OutboxEntry>(db, 'outbox')).at(-1);
    expect(last).toMatchObject({
      op: 'update',
      fields: { ownGoals: 'Få min egen lejlighed', focusAreas: ['bolig'] },
    });
  });

  it('records a specific consent and can withdraw it', async () => {
    const c = await makeCitizen();
    const { user } = renderApp(`/borgere/${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Tilføj samtykke' }));
    await user.click(screen.getByRole('button', { name: 'Gem samtykke' }));
    expect(await screen.findByText(/skal orienteres om/)).toBeTruthy();
    await user.type(screen.getByLabelText('Hvilke oplysninger'), 'Helbredsoplysninger');
    await user.type(screen.getByLabelText('Fra/til hvem'), 'Egen læge');
    await user.type(screen.getByLabelText('Formål'), 'Afklaring af behandling');
    await user.click(screen.getByRole('checkbox', { name: /orienteret om/ }));
    await user.click(screen.getByRole('button', { name: 'Gem samtykke' }));
    await user.click(
      await screen.findByRole('button', { name: 'Tilbagekald samtykke om Helbredsoplysninger' }),
    );
    expect(await screen.findByText(/Tilbagekaldt/)).toBeTruthy();
    const consents = (await readRecord<Citizen>(db, 'citizens', c.id))?.consents ?? [];
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ parties: 'Egen læge', toldWhatRefusalMeans: true });
    expect(consents[0]?.withdrawnOn).toBeDefined();
  });
});

describe('a caseworker in two teams', () => {
  it('picks the team of a new citizen, and the create mutation names it', async () => {
    await setSession({
      token: 'test-token-0123456789abcdef',
      user: {
        ...METTE,
        teams: [
          { id: 'odense-syd', name: 'Fremskudt team Syd' },
          { id: 'odense-nord', name: 'Fremskudt team Nord' },
        ],
      },
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const { user } = renderApp('/borgere/ny');
    await user.selectOptions(await screen.findByLabelText('Team'), 'odense-nord');
    await user.type(screen.getByLabelText('Kaldenavn'), 'Nord-Ole');
    await user.click(screen.getByRole('button', { name: 'Gem borger' }));
    await screen.findByRole('heading', { level: 1, name: 'Nord-Ole' });
    const [citizen] = await readAll<Citizen>(db, 'citizens');
    expect(citizen?.teamId).toBe('odense-nord');
    const [entry] = await readAll<OutboxEntry>(db, 'outbox');
    expect(entry).toMatchObject({ op: 'create', teamId: 'odense-nord' });
  });
});
