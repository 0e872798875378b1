import { useLiveQuery } from 'dexie-react-hooks';
import { contactsOfCitizen } from '../db/contacts';
import { notesOfCitizen } from '../db/notes';
import type { Contact, Note } from '../domain';

export type TimelineItem =
  { kind: 'note'; at: string; note: Note } | { kind: 'contact'; at: string; contact: Contact };

/** Merges notes and contacts into one list, newest first. Pure, for the hook and its tests. */
export function mergeTimeline(
  notes: readonly Note[],
  contacts: readonly Contact[],
): TimelineItem[] {
  const items: TimelineItem[] = [
    ...notes.map((note) => ({ kind: 'note' as const, at: note.occurredAt, note })),
    ...contacts.map((contact) => ({ kind: 'contact' as const, at: contact.at, contact })),
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at));
}

/** ONE timeline of a citizen's notes and contacts, newest first, live. */
export function useTimeline(citizenId: string | undefined): TimelineItem[] | undefined {
  return useLiveQuery(async () => {
    if (!citizenId) return [];
    const [notes, contacts] = await Promise.all([
      notesOfCitizen(citizenId),
      contactsOfCitizen(citizenId),
    ]);
    return mergeTimeline(notes, contacts);
  }, [citizenId]);
}
