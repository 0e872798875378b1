import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../src/domain';
import { handoutPdf, type HandoutLabels } from '../../src/print/handoutPdf';
import { pdfPagesText } from '../helpers/pdfText';

const followUp = (n: number, extra: Partial<FollowUp> = {}): FollowUp => ({
  id: `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
  teamId: 'odense-syd',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'mette',
  updatedBy: 'mette',
  conflicts: [],
  citizenId: '0190a0a0-0000-7000-8000-000000000001',
  title: `Opgave ${n}`,
  dueOn: `2026-12-${String(10 + n).padStart(2, '0')}`,
  assigneeId: 'mette',
  ...extra,
});
const labels: HandoutLabels = {
  title: 'Aftaler med borgeren',
  yourGoal: 'Dit mål',
  agreed: 'Det har vi aftalt',
  nothingAgreed: 'Ingen aftaler lige nu',
  line: '{what} - {who} - senest {when}',
  contact: 'Din kontakt',
  printedOn: 'Udskrevet 6. december 2026',
};

describe('the citizen’s handout ("Aftaler med borgeren")', () => {
  it('is one page: the citizen’s own goal first, the open agreements with who and by when, and how to reach the caseworker; nothing internal', async () => {
    const bytes = await handoutPdf(
      {
        citizenName: 'Søren',
        ownGoals: 'Jeg vil have min egen lejlighed før jul.',
        followUps: [
          followUp(2, { title: 'Søg boligstøtte sammen', assigneeId: 'soren' }),
          followUp(1, { title: 'Ring til lægen om tid', assigneeId: 'mette' }),
          followUp(3, { title: 'Allerede klaret', doneAt: '2026-12-01T10:00:00.000Z' }),
          ...Array.from({ length: 40 }, (_, i) => followUp(20 + i, { dueOn: '2026-12-31' })),
        ],
        names: new Map([
          ['mette', 'Mette Sørensen'],
          ['soren', 'Søren'],
        ]),
        caseworker: { name: 'Mette Sørensen', reach: 'Fremskudt team Syd, tlf. 65 51 00 00' },
      },
      labels,
      (d) => d.split('-').reverse().join('.'),
    );
    const pages = await pdfPagesText(bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const at = (s: string) => text.indexOf(s);
    expect(at('Jeg vil have min egen lejlighed før jul.')).toBeGreaterThan(-1);
    expect(at('Jeg vil have min egen lejlighed')).toBeLessThan(at('Det har vi aftalt'));
    expect(at('Ring til lægen om tid - Mette Sørensen - senest 11.12.2026')).toBeGreaterThan(-1);
    expect(at('Ring til lægen')).toBeLessThan(at('Søg boligstøtte sammen - Søren - senest'));
    expect(text).not.toContain('Allerede klaret');
    expect(text).toContain('Fremskudt team Syd, tlf. 65 51 00 00');
    expect(text).toContain('Din kontakt');
  });
});
