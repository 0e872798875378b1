import { describe, expect, it } from 'vitest';
import type { Citizen, Note } from '../../src/domain';
import {
  citizenFilePdf,
  PRINT_SECTIONS,
  type CitizenFileOptions,
} from '../../src/print/citizenFilePdf';
import { pdfPagesText } from '../helpers/pdfText';

const id = (n: number) => `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const meta = {
  teamId: 'odense-syd',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'mette',
  updatedBy: 'mette',
  conflicts: [],
};
const citizen: Citizen = {
  ...meta,
  id: id(1),
  firstName: 'Søren',
  lastName: 'Ærøskøbing',
  alias: 'Æble-Søren',
  phone: '12 34 56 78',
  ownGoals: 'Jeg vil have min egen lejlighed før jul.',
  lifeStory: 'Voksede op på Ærø; kom til Odense i 2019.',
  focusAreas: [],
  usualLocationIds: [],
  usualPlaceNote: '',
  consents: [
    {
      id: id(2),
      informationKinds: 'Helbredsoplysninger',
      parties: 'Egen læge',
      purpose: 'Afklaring af behandling',
      givenOn: '2026-03-01',
      expiresOn: '2027-03-01',
      toldWhatRefusalMeans: true,
    },
  ],
};
const LONG = 'Vi talte om bolig, økonomi og hvad der skal ske i næste uge på værestedet. '.repeat(
  14,
);
const note = (n: number, extra: Partial<Note> = {}): Note => ({
  ...meta,
  id: id(100 + n),
  citizenId: citizen.id,
  occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString(),
  body: `Notat nr. ${n}: ${LONG}`,
  category: 'samtale',
  status: 'final',
  authorId: 'mette',
  ...extra,
});
const labels: CitizenFileOptions['labels'] = {
  title: 'Borgerens sag',
  page: 'Side {page} af {pages}',
  printedBy: 'Udskrevet af',
  details: 'Oplysninger',
  ownGoals: 'Egne mål (med borgerens ord)',
  lifeStory: 'Livshistorie (med borgerens ord)',
  phone: 'Telefon',
  cpr: 'CPR',
  consents: 'Samtykker',
  expires: 'udløber',
  withdrawn: 'trukket tilbage',
  cases: 'Sager',
  journal: 'Journal',
  correction: 'Rettelse',
  contacts: 'Kontakter',
  followUps: 'Opfølgninger',
  done: 'udført',
  none: 'Ingen',
  period: 'Periode',
  draft: 'Kladde',
};
const options: CitizenFileOptions = {
  printedBy: 'Mette Sørensen',
  printedAt: '6. dec. 2026 08:00',
  sections: PRINT_SECTIONS,
  formatDate: (iso) => iso.slice(0, 10),
  labels,
};

describe('the citizen’s file as PDF', () => {
  it('prints a 20-page journal with Danish letters, the citizen’s own words first, every correction beside its note, and name, time, printer and page number on every page', async () => {
    const notes = Array.from({ length: 80 }, (_, n) => note(n));
    notes.push(
      note(1000, {
        occurredAt: notes[5]!.occurredAt,
        body: 'RETTELSE: det var tirsdag, ikke mandag.',
        correctsNoteId: notes[5]!.id,
      }),
      note(2000, { body: 'Kladde må ikke med', status: 'draft' }),
    );
    const bytes = await citizenFilePdf(
      { citizen, cases: [], notes, contacts: [], followUps: [] },
      options,
    );
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = await pdfPagesText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(20);
    pages.forEach((text, i) => {
      expect(text).toContain(`Side ${i + 1} af ${pages.length}`);
      expect(text).toContain('Søren Ærøskøbing (Æble-Søren) · 6. dec. 2026 08:00 · Mette Sørensen');
    });
    const all = pages.join('\n');
    expect(all.indexOf('Jeg vil have min egen lejlighed')).toBeLessThan(all.indexOf('Journal'));
    expect(all).toContain('Helbredsoplysninger · Egen læge');
    expect(all).toContain('2027-03-01');
    expect(all).not.toContain('Kladde må ikke med');
    // Journal in order; the correction right after note 5, before note 6, both kept.
    const at = (s: string) => all.indexOf(s);
    expect(at('Notat nr. 4:')).toBeLessThan(at('Notat nr. 5:'));
    expect(at('Notat nr. 5:')).toBeLessThan(at('RETTELSE: det var tirsdag'));
    expect(at('RETTELSE: det var tirsdag')).toBeLessThan(at('Notat nr. 6:'));
    expect(all).toMatch(/økonomi/);
    expect(all).toMatch(/værestedet/);
  });

  it('keeps to the chosen period and sections', async () => {
    const notes = [note(1), note(40)];
    const bytes = await citizenFilePdf(
      { citizen, cases: [], notes, contacts: [], followUps: [] },
      { ...options, sections: ['journal'], from: '2026-02-01', to: '2026-12-31' },
    );
    const all = (await pdfPagesText(bytes)).join('\n');
    expect(all).toContain('Notat nr. 40:');
    expect(all).not.toContain('Notat nr. 1:');
    expect(all).not.toContain('Helbredsoplysninger');
    expect(all).not.toContain('Jeg vil have min egen lejlighed');
  });

  it('prints drafts, marked as drafts, only when asked (an access request), and the caller’s parts after the file in the same layout', async () => {
    const notes = [note(1), note(2, { body: 'Et udkast om boligen', status: 'draft' })];
    const bytes = await citizenFilePdf(
      { citizen, cases: [], notes, contacts: [], followUps: [] },
      {
        ...options,
        sections: ['journal'],
        includeDrafts: true,
        appendix: [
          { heading: 'Udeladt, og hvorfor', lines: [{ text: '2 × notat i team Vest: slettet' }] },
          { heading: 'Tom del', lines: [] },
        ],
      },
    );
    const all = (await pdfPagesText(bytes)).join('\n');
    expect(all).toMatch(/2026-01-03 · samtale · Kladde\nEt udkast om boligen/);
    expect(all.indexOf('Notat nr. 1:')).toBeLessThan(all.indexOf('Et udkast om boligen'));
    expect(all.indexOf('Et udkast om boligen')).toBeLessThan(all.indexOf('Udeladt, og hvorfor'));
    expect(all).toContain('Udeladt, og hvorfor\n2 × notat i team Vest: slettet');
    expect(all).toContain('Tom del\nIngen');
  });
});
