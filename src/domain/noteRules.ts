import type { Note } from './note';

/**
 * Notatpligt (offentlighedsloven § 13): a final note is never edited or deleted. A correction is a
 * new note that points to the one it corrects; both are shown.
 */
export function isNoteEditable(note: Pick<Note, 'status'>): boolean {
  return note.status === 'draft';
}

export type NoteChangeError = 'note-final-immutable';

/** Checks an intended update of a note; only drafts may change. */
export function checkNoteUpdate(note: Pick<Note, 'status'>): NoteChangeError | null {
  return isNoteEditable(note) ? null : 'note-final-immutable';
}

/** The fields of a correction note for `original`; the caller adds the corrected body. */
export function correctionFieldsFor(
  original: Pick<Note, 'id' | 'citizenId' | 'caseId' | 'occurredAt' | 'category'>,
): Pick<Note, 'citizenId' | 'occurredAt' | 'category' | 'correctsNoteId'> & { caseId?: string } {
  return {
    citizenId: original.citizenId,
    ...(original.caseId !== undefined ? { caseId: original.caseId } : {}),
    occurredAt: original.occurredAt,
    category: original.category,
    correctsNoteId: original.id,
  };
}
