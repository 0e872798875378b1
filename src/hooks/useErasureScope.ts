import { useLiveQuery } from 'dexie-react-hooks';
import { casesOfCitizen } from '../db/cases';
import { contactsOfCitizen } from '../db/contacts';
import { followUpsOfCitizen } from '../db/followUps';
import { notesOfCitizen } from '../db/notes';

export interface ErasureScope {
  cases: number;
  notes: number;
  followUps: number;
  contacts: number;
}

/** What erasing a citizen takes with it, as this device knows it: for the confirmation. */
export function useErasureScope(citizenId: string): ErasureScope | undefined {
  return useLiveQuery(async () => {
    const [cases, notes, followUps, contacts] = await Promise.all([
      casesOfCitizen(citizenId),
      notesOfCitizen(citizenId),
      followUpsOfCitizen(citizenId),
      contactsOfCitizen(citizenId),
    ]);
    return {
      cases: cases.length,
      notes: notes.length,
      followUps: followUps.length,
      contacts: contacts.length,
    };
  }, [citizenId]);
}
