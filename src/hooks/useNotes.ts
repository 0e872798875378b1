import { useLiveQuery } from 'dexie-react-hooks';
import { notesOfCase, notesRepo } from '../db/notes';
import type { Note } from '../domain';

/** One note: undefined while loading, null when there is none. */
export function useNote(id: string | undefined): Note | null | undefined {
  return useLiveQuery(async () => (id ? ((await notesRepo.get(id)) ?? null) : null), [id]);
}

/** The notes of a case, newest event first. */
export function useNotesOfCase(caseId: string | undefined): Note[] | undefined {
  return useLiveQuery(async () => (caseId ? notesOfCase(caseId) : []), [caseId]);
}
