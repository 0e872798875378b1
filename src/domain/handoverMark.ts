import { z } from 'zod';
import { DateOnlySchema, IdSchema, recordMetaShape, shortText, UserIdSchema } from './common';

/**
 * "Journaliseret i fagsystem": a journal note was carried over into the municipality's system of
 * record, on a day, under the reference that system gave. A mark is never changed or removed (the
 * server refuses both): a wrong mark is corrected by a new mark that names it, and both are kept,
 * so a note can never silently fall back to "not carried over".
 */
export const handoverMarkFieldsShape = {
  citizenId: IdSchema,
  noteId: IdSchema,
  /** The day the note was entered in the system of record. */
  journalizedOn: DateOnlySchema,
  /** The reference (journal or document number) the system of record gave. */
  reference: shortText().min(1),
  markedBy: UserIdSchema,
  /** The earlier mark of the same note this one corrects. */
  correctsMarkId: IdSchema.optional(),
};
export const HandoverMarkFieldsSchema = z.object(handoverMarkFieldsShape);
export type HandoverMarkFields = z.infer<typeof HandoverMarkFieldsSchema>;
export type HandoverMarkInput = z.input<typeof HandoverMarkFieldsSchema>;

export const HandoverMarkSchema = z.object({ ...recordMetaShape, ...handoverMarkFieldsShape });
export type HandoverMark = z.infer<typeof HandoverMarkSchema>;

/** Entities whose records are written once and never changed or deleted. */
export const APPEND_ONLY_ENTITIES: ReadonlySet<string> = new Set(['handoverMark']);

/**
 * The mark that stands for each note: the newest one that no later mark corrects. Marks arrive in
 * any order (several devices), so "newest" is by creation time, then id (UUIDv7, time ordered).
 */
export function currentMarks<
  M extends Pick<HandoverMark, 'id' | 'noteId' | 'createdAt' | 'correctsMarkId'>,
>(marks: readonly M[]): Map<string, M> {
  const corrected = new Set(marks.flatMap((m) => (m.correctsMarkId ? [m.correctsMarkId] : [])));
  const byNote = new Map<string, M>();
  for (const mark of marks) {
    if (corrected.has(mark.id)) continue;
    const seen = byNote.get(mark.noteId);
    if (
      !seen ||
      seen.createdAt < mark.createdAt ||
      (seen.createdAt === mark.createdAt && seen.id < mark.id)
    )
      byNote.set(mark.noteId, mark);
  }
  return byNote;
}

/**
 * The final notes still to be carried over, oldest first (by when they happened): every final
 * note without a current mark. Drafts are not carried over until they are final.
 */
export function notesAwaitingHandover<N extends { id: string; status: string; occurredAt: string }>(
  notes: readonly N[],
  marks: ReadonlyMap<string, unknown>,
): N[] {
  return notes
    .filter((n) => n.status === 'final' && !marks.has(n.id))
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
}
