import { screen, waitFor, within } from '@testing-library/react';
import { readAll, readRecord } from '../helpers/sealedDb';
import type { Case } from '../../src/domain';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import { makeCase, makeCitizen, makeNote, signedInBeforeEach } from '../helpers/factories';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe('cases', () => {
  it('opens a case under a legal basis shown with its Danish label', async () => {
    const c = await makeCitizen();
    const { user } = renderApp(`/borgere/${c.id}`);
    await user.click(await screen.findByRole('button', { name: 'Ny sag' }));
    await user.type(screen.getByLabelText('Titel'), 'Bostøtte efter udskrivning');
    await user.selectOptions(
      screen.getByLabelText('Lovgrundlag'),
      'SEL § 85 – socialpædagogisk støtte',
    );
    await user.click(screen.getByRole('button', { name: 'Gem sag' }));
    const section = within(screen.getByRole('heading', { name: 'Sager' }).closest('section')!);
    const row = (await section.findByRole('link', { name: 'Bostøtte efter udskrivning' })).closest(
      'li',
    )!;
    expect(row.textContent).toContain('SEL § 85 – socialpædagogisk støtte');
    expect(row.textContent).toContain('Åben');
    expect(row.textContent).toContain('Mette Sørensen');
    expect((await readAll<Case>(db, 'cases'))[0]).toMatchObject({
      legalBasis: 'sel-85',
      status: 'open',
      citizenId: c.id,
    });
  });

  it('shows a case with its notes and closes it with a closing date', async () => {
    const c = await makeCitizen();
    const kase = await makeCase({ citizenId: c.id, title: 'Opsøgende forløb' });
    await makeNote({ citizenId: c.id, caseId: kase.id, body: 'Aftalt at mødes igen torsdag.' });
    await makeNote({ citizenId: c.id, body: 'Notat uden for sagen.' });
    const { user } = renderApp(`/sager/${kase.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Opsøgende forløb' })).toBeTruthy();
    expect(await screen.findByText('Aftalt at mødes igen torsdag.')).toBeTruthy();
    expect(screen.queryByText('Notat uden for sagen.')).toBeNull();
    expect(screen.getByText(/SEL § 99 – opsøgende arbejde/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Luk sag' }));
    expect(await screen.findByRole('button', { name: 'Genåbn sag' })).toBeTruthy();
    await waitFor(async () =>
      expect((await readRecord<Case>(db, 'cases', kase.id))?.status).toBe('closed'),
    );
    expect((await readRecord<Case>(db, 'cases', kase.id))?.closedOn).toBeDefined();
    expect(screen.getByText(/lukket/)).toBeTruthy();
  });
});
