import { checkNoteUpdate, correctionFieldsFor, type Note, type NoteInput } from '../domain';
import { db, type FremskudtDb } from './database';
import { entityRepository } from './entityRepository';
import { DbError } from './errors';
import { nowIso, type WriteContext } from './writeContext';

const refuseFinal = (note: Note) =>
  checkNoteUpdate(note)
    ? new DbError(
        'note-final-immutable',
        'A final journal note cannot be changed; write a correction',
      )
    : null;

/**
 * Journal notes. A final note is immutable (notatpligt): update and remove refuse it, and a
 * correction is a new note pointing to the original.
 */
export function createNotesRepo(database: () => FremskudtDb = () => db) {
  const repo = entityRepository<Note, NoteInput>('note', database);
  return {
    get: repo.get,
    create: repo.create,
    update: (ctx: WriteContext, id: string, patch: Partial<NoteInput>) =>
      repo.update(ctx, id, patch, { guard: refuseFinal }),
    remove: (ctx: WriteContext, id: string) => repo.remove(ctx, id, refuseFinal),

    /** Makes a draft final; from then on it can only be corrected. */
    finalize: (ctx: WriteContext, id: string) =>
      repo.update(ctx, id, { status: 'final', finalizedAt: nowIso(ctx) }, { guard: refuseFinal }),

    /** Writes a final correction of `original` with a new body, in the original's team. */
    async correct(ctx: WriteContext, original: Note, body: string): Promise<Note> {
      const fields = {
        ...correctionFieldsFor(original),
        body,
        status: 'final' as const,
        authorId: ctx.userId,
        finalizedAt: nowIso(ctx),
      };
      return repo.create(ctx, fields, undefined, { teamId: original.teamId });
    },
  };
}

export const notesRepo = createNotesRepo();

export async function notesOfCitizen(citizenId: string): Promise<Note[]> {
  const rows = await db.notes
    .where('[citizenId+occurredAt]')
    .between([citizenId, ''], [citizenId, '\uffff'])
    .reverse()
    .toArray();
  return db.unsealAll<Note>('notes', rows);
}

export async function notesOfCase(caseId: string): Promise<Note[]> {
  const notes = await db.unsealAll<Note>(
    'notes',
    await db.notes.where('caseId').equals(caseId).toArray(),
  );
  return notes.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
}

/** The notes written about one contact (found through its visit's clear index field). */
export async function notesOfContact(contact: { id: string; visitId: string }): Promise<Note[]> {
  const notes = await db.unsealAll<Note>(
    'notes',
    await db.notes.where('visitId').equals(contact.visitId).toArray(),
  );
  return notes.filter((n) => n.contactId === contact.id);
}

/** The newest notes across all citizens, for "recently seen" on the Today screen. */
export async function recentNotes(limit: number): Promise<Note[]> {
  return db.unsealAll<Note>(
    'notes',
    await db.notes.orderBy('occurredAt').reverse().limit(limit).toArray(),
  );
}
