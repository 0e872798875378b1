import { describe, expect, it } from 'vitest';
import type { Citizen, Note } from '../../../../src/domain';
import { SearchIndex } from '../../../../src/hooks/search/searchIndex';

let n = 0;
const citizen = (fields: Partial<Citizen>): Citizen => ({
  id: `0190a0a0-0000-7000-8000-00000000000${n++}`,
  teamId: 'odense-syd',
  version: 0,
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
  createdBy: 'mette',
  updatedBy: 'mette',
  conflicts: [],
  firstName: '',
  lastName: '',
  alias: '',
  phone: '',
  ownGoals: '',
  lifeStory: '',
  focusAreas: [],
  usualLocationIds: [],
  usualPlaceNote: '',
  consents: [],
  ...fields,
});

const names = (list: Citizen[]) => list.map((c) => c.firstName || c.alias);

describe('citizen search', () => {
  const all = [
    citizen({ firstName: 'Jens', alias: 'Store-J', cpr: '010190-1234', phone: '20304050' }),
    citizen({ firstName: 'Karin', cpr: '020285-4321' }),
    citizen({ alias: 'Rødtop' }),
  ];
  const index = new SearchIndex();
  index.putCitizens(all);

  it('lists everyone alphabetically for an empty query', () => {
    expect(names(index.search(''))).toEqual(['Jens', 'Karin', 'Rødtop']);
  });

  it('finds by alias prefix and forgives a typo in longer names', () => {
    expect(names(index.search('Store'))).toEqual(['Jens']);
    expect(names(index.search('Rødtopp'))).toEqual(['Rødtop']);
  });

  it('finds by CPR typed in part, with or without the dash, and by the serial', () => {
    expect(names(index.search('0101'))).toEqual(['Jens']);
    expect(names(index.search('010190-1234'))).toEqual(['Jens']);
    expect(names(index.search('0202854321'))).toEqual(['Karin']);
  });

  it('finds by phone digits and never confuses digits with fuzzy matches', () => {
    expect(names(index.search('2030'))).toEqual(['Jens']);
    expect(index.search('0102')).toEqual([]);
  });
});

describe('search over notes and changes', () => {
  const note = (citizenId: string, body: string, id: string): Note =>
    ({ id, citizenId, body }) as Note;

  it('finds a citizen through the text of one of their notes', () => {
    const jens = citizen({ firstName: 'Jens' });
    const karin = citizen({ firstName: 'Karin' });
    const index = new SearchIndex();
    index.putCitizens([jens, karin]);
    index.putNotes([note(karin.id, 'Talte om boligsagen og kaffen', 'n1')]);
    expect(names(index.search('boligsag'))).toEqual(['Karin']);
  });

  it('follows edits and deletions of citizens and notes', () => {
    const jens = citizen({ firstName: 'Jens' });
    const index = new SearchIndex();
    index.putCitizens([jens]);
    index.putNotes([note(jens.id, 'Misbrugsbehandling aftalt', 'n2')]);
    index.putCitizens([{ ...jens, alias: 'Lange-J' }]);
    expect(names(index.search('Lange'))).toEqual(['Jens']);
    index.removeNote('n2');
    expect(index.search('Misbrug')).toEqual([]);
    index.removeCitizen(jens.id);
    expect(index.search('')).toEqual([]);
  });
});
