import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeAuditBatch } from '../../src/db/auditEvents';
import { makeCitizen, makeFollowUp, makeNote, signedInBeforeEach } from '../helpers/factories';
import { pdfPagesText } from '../helpers/pdfText';
import { renderApp } from '../helpers/renderApp';

signedInBeforeEach();

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

describe('citizen page: "Udskriv / gem som PDF"', () => {
  it('makes the PDF on the device from local data, with the chosen parts, and queues an audit event for the print', async () => {
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:pdf';
    });
    URL.revokeObjectURL = vi.fn();
    const c = await makeCitizen({ ownGoals: 'Få en lejlighed på Østerbro' });
    await makeNote({ citizenId: c.id, body: 'Mødtes ved åen, talte om bolig.' });
    const { user } = renderApp(`/borgere/${c.id}`);
    const section = await screen.findByRole('region', { name: 'Udskriv / gem som PDF' });
    await user.click(within(section).getByLabelText('Sager'));
    await user.click(within(section).getByRole('button', { name: 'Gem som PDF' }));
    expect(
      await within(section).findByText('PDF-filen er gemt.', undefined, { timeout: 10_000 }),
    ).toBeTruthy();

    expect(saved).toHaveLength(1);
    expect(saved[0]!.type).toBe('application/pdf');
    const text = (await pdfPagesText(new Uint8Array(await saved[0]!.arrayBuffer()))).join('\n');
    expect(text).toContain('Borgerens sag: Jens Hansen (Store-J)');
    expect(text).toContain('Få en lejlighed på Østerbro');
    expect(text).toContain('Mødtes ved åen, talte om bolig.');
    expect(text).toContain('Udskrevet af: Mette');
    expect(text).not.toContain('Sager');

    // Queued in the background (the print does not wait for the audit write).
    await waitFor(async () =>
      expect(await takeAuditBatch(10)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'export', entity: 'citizen', recordId: c.id }),
        ]),
      ),
    );
  });

  it('prints "Aftaler med borgeren": one page, the citizen’s goal and the open agreements, no surname or journal text', async () => {
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:pdf';
    });
    URL.revokeObjectURL = vi.fn();
    const c = await makeCitizen({ ownGoals: 'Få en lejlighed på Østerbro' });
    await makeNote({ citizenId: c.id, body: 'Intern vurdering af misbrug' });
    await makeFollowUp({ citizenId: c.id, title: 'Søg boligstøtte', dueOn: '2026-12-20' });
    const { user } = renderApp(`/borgere/${c.id}`);
    const section = await screen.findByRole('region', { name: 'Udskriv / gem som PDF' });
    await user.click(
      within(section).getByRole('button', { name: 'Aftaler med borgeren (1 side til borgeren)' }),
    );
    expect(
      await within(section).findByText('PDF-filen er gemt.', undefined, { timeout: 10_000 }),
    ).toBeTruthy();
    const pages = await pdfPagesText(new Uint8Array(await saved[0]!.arrayBuffer()));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Det har vi aftalt: Jens');
    expect(pages[0]).toContain('Få en lejlighed på Østerbro');
    expect(pages[0]).toContain('Søg boligstøtte');
    expect(pages[0]).toContain('Mette');
    expect(pages[0]).not.toContain('Hansen');
    expect(pages[0]).not.toContain('Intern vurdering');
  });
});
