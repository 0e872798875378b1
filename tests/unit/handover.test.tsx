import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/database';
import { openOutbox } from '../../src/db/outbox';
import { makeCitizen, makeNote, signedInBeforeEach } from '../helpers/factories';
import { pdfPagesText } from '../helpers/pdfText';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

describe('citizen page: "Journaliseret i fagsystem"', () => {
  it('lists the final notes not yet carried over, oldest first, and marks the chosen ones with the day and reference', async () => {
    const c = await makeCitizen();
    await makeNote({
      citizenId: c.id,
      body: 'Nyeste samtale',
      occurredAt: '2026-11-20T10:00:00.000Z',
    });
    await makeNote({
      citizenId: c.id,
      body: 'Ældste samtale',
      occurredAt: '2026-11-02T10:00:00.000Z',
    });
    await makeNote({ citizenId: c.id, body: 'Kladde', status: 'draft', finalizedAt: undefined });
    const { user } = renderApp(`/borgere/${c.id}`);
    const section = await screen.findByRole('region', { name: 'Journaliseret i fagsystem' });
    expect(
      await within(section).findByText(
        '2 endelige notater mangler at blive journaliseret i fagsystemet',
      ),
    ).toBeTruthy();
    const boxes = within(section).getAllByRole('checkbox');
    expect(boxes.map((b) => b.parentElement?.textContent)).toEqual([
      expect.stringContaining('Ældste samtale'),
      expect.stringContaining('Nyeste samtale'),
    ]);

    await user.click(boxes[1]!);
    await user.click(within(section).getByRole('button', { name: 'Marker 1 som journaliseret' }));
    expect(
      await within(section).findByText('Skriv dato og reference, og vælg mindst ét notat.'),
    ).toBeTruthy();
    await user.clear(within(section).getByLabelText('Journaliseret den'));
    await user.type(within(section).getByLabelText('Journaliseret den'), '2026-11-25');
    await user.type(within(section).getByLabelText(/Reference i fagsystemet/), 'SAG-77');
    await user.click(within(section).getByRole('button', { name: 'Marker 1 som journaliseret' }));

    expect(
      await within(section).findByText(
        '1 endelige notater mangler at blive journaliseret i fagsystemet',
      ),
    ).toBeTruthy();
    const marks = (await openOutbox(await db.outbox.toArray())).filter(
      (e) => e.entity === 'handoverMark',
    );
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({
      op: 'create',
      fields: { journalizedOn: '2026-11-25', reference: 'SAG-77', markedBy: 'mette' },
    });
  });
});

describe('/journalisering', () => {
  it('lists the team’s final notes not yet carried over, oldest first, with the citizen', async () => {
    const jens = await makeCitizen({ firstName: 'Jens', lastName: 'Ærø', alias: undefined });
    const bo = await makeCitizen({ firstName: 'Bo', lastName: 'Øst', alias: undefined });
    await makeNote({ citizenId: jens.id, body: 'Sent', occurredAt: '2026-11-20T10:00:00.000Z' });
    await makeNote({ citizenId: bo.id, body: 'Tidligt', occurredAt: '2026-11-01T10:00:00.000Z' });
    await makeNote({ citizenId: bo.id, body: 'Kladde', status: 'draft', finalizedAt: undefined });
    renderApp('/journalisering');
    expect(
      await screen.findByText('2 endelige notater mangler at blive journaliseret i fagsystemet'),
    ).toBeTruthy();
    const items = screen.getAllByRole('listitem').filter((li) => li.closest('main'));
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Tidligt'),
      expect.stringContaining('Sent'),
    ]);
    expect(within(items[0]!).getByRole('link').textContent).toContain('Bo');
  });
});

describe('correcting a handover mark', () => {
  it('adds a new mark naming the wrong one, shows the new reference, and keeps the old mark', async () => {
    const c = await makeCitizen();
    await makeNote({ citizenId: c.id, body: 'Samtale', occurredAt: '2026-11-02T10:00:00.000Z' });
    const { user } = renderApp(`/borgere/${c.id}`);
    const section = await screen.findByRole('region', { name: 'Journaliseret i fagsystem' });
    await user.type(await within(section).findByLabelText(/Reference i fagsystemet/), 'FORKERT');
    await user.click(within(section).getByRole('button', { name: 'Marker 1 som journaliseret' }));
    await user.click(await within(section).findByText('1 notater er journaliseret'));
    await user.click(within(section).getByRole('button', { name: 'Ret markering' }));
    const group = within(section).getByRole('group', { name: 'Ret markering' });
    await user.clear(within(group).getByLabelText('Reference i fagsystemet'));
    await user.type(within(group).getByLabelText('Reference i fagsystemet'), 'SAG-88');
    await user.click(within(group).getByRole('button', { name: /Gem rettelse/ }));

    expect(await within(section).findByText(/reference SAG-88/)).toBeTruthy();
    expect(within(section).queryByText(/reference FORKERT/)).toBeNull();
    const marks = (await openOutbox(await db.outbox.toArray())).filter(
      (e) => e.entity === 'handoverMark',
    );
    expect(marks.map((m) => m.fields.reference)).toEqual(['FORKERT', 'SAG-88']);
    expect(marks[1]!.fields.correctsMarkId).toBe(marks[0]!.recordId);
  });
});

describe('the hand-over PDF', () => {
  it('saves the chosen notes awaiting handover as one PDF of the citizen’s journal', async () => {
    const saved: Blob[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.revokeObjectURL = vi.fn();
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:pdf';
    });
    try {
      const c = await makeCitizen();
      await makeNote({
        citizenId: c.id,
        body: 'Første til fagsystemet',
        occurredAt: '2026-11-02T10:00:00.000Z',
      });
      await makeNote({
        citizenId: c.id,
        body: 'Anden, ikke valgt',
        occurredAt: '2026-11-03T10:00:00.000Z',
      });
      const { user } = renderApp(`/borgere/${c.id}`);
      const section = await screen.findByRole('region', { name: 'Journaliseret i fagsystem' });
      const boxes = await within(section).findAllByRole('checkbox');
      await user.click(boxes[1]!);
      await user.click(
        within(section).getByRole('button', { name: 'Gem 1 som PDF til fagsystemet' }),
      );
      await waitFor(() => expect(saved).toHaveLength(1));
      const text = (await pdfPagesText(new Uint8Array(await saved[0]!.arrayBuffer()))).join('\n');
      expect(text).toContain('Første til fagsystemet');
      expect(text).not.toContain('Anden, ikke valgt');
      expect(text).toContain('Borgerens sag: Jens Hansen (Store-J)');
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
  });
});
