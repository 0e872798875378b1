import {
  currentMarks,
  notesAwaitingHandover,
  type HandoverMark,
  type HandoverMarkInput,
  type Note,
} from '../domain';
import { db, type FremskudtDb } from './database';
import { entityRepository } from './entityRepository';
import { DbError } from './errors';
import type { WriteContext } from './writeContext';

/** What the caseworker types when marking: the day and the system of record's reference. */
export interface HandoverDetails {
  journalizedOn: string;
  reference: string;
}

const notFinal = (note: Pick<Note, 'id'>) =>
  new DbError('invalid-fields', `Note ${note.id} is a draft; only final notes are carried over`);

/**
 * Handover marks ("journaliseret i fagsystem"). Only ever created: a wrong mark is corrected by a
 * new mark naming it, so the list of notes awaiting handover never loses one without a trace.
 */
export function createHandoverMarksRepo(database: () => FremskudtDb = () => db) {
  const repo = entityRepository<HandoverMark, HandoverMarkInput>('handoverMark', database);

  async function marksOfCitizen(citizenId: string): Promise<HandoverMark[]> {
    const d = database();
    const rows = await d.handoverMarks.where('citizenId').equals(citizenId).toArray();
    return d.unsealAll<HandoverMark>('handoverMarks', rows);
  }

  const create = (ctx: WriteContext, note: Note, details: HandoverDetails, corrects?: string) =>
    repo.create(
      ctx,
      {
        citizenId: note.citizenId,
        noteId: note.id,
        journalizedOn: details.journalizedOn,
        reference: details.reference,
        markedBy: ctx.userId,
        ...(corrects !== undefined ? { correctsMarkId: corrects } : {}),
      },
      undefined,
      { teamId: note.teamId },
    );

  return {
    get: repo.get,
    marksOfCitizen,

    /**
     * Marks final notes as carried over, one mark each, with the same day and reference (a batch
     * of a citizen's notes handed over together). Notes already marked are skipped: changing a
     * mark is `correct`. Returns the new marks.
     */
    async mark(ctx: WriteContext, notes: readonly Note[], details: HandoverDetails) {
      const draft = notes.find((n) => n.status !== 'final');
      if (draft) throw notFinal(draft);
      const citizens = [...new Set(notes.map((n) => n.citizenId))];
      const marked = new Set<string>();
      for (const citizenId of citizens)
        for (const noteId of currentMarks(await marksOfCitizen(citizenId)).keys())
          marked.add(noteId);
      const created: HandoverMark[] = [];
      for (const note of notes) {
        if (marked.has(note.id)) continue;
        created.push(await create(ctx, note, details));
        marked.add(note.id);
      }
      return created;
    },

    /** A new mark that replaces `previous` (a wrong date or reference); both are kept. */
    correct: (ctx: WriteContext, note: Note, previous: HandoverMark, details: HandoverDetails) => {
      if (previous.noteId !== note.id)
        throw new DbError('invalid-fields', 'A correction must name a mark of the same note');
      return create(ctx, note, details, previous.id);
    },
  };
}

export const handoverMarksRepo = createHandoverMarksRepo();

/**
 * The final notes of a team not yet carried over, oldest first, so none is forgotten. Reads the
 * team's final notes and its marks; both by index, unsealing only those rows.
 */
export async function notesAwaitingHandoverOfTeam(
  teamId: string,
  database: FremskudtDb = db,
): Promise<Note[]> {
  const [noteRows, markRows] = await Promise.all([
    database.notes.where('status').equals('final').toArray(),
    database.handoverMarks.where('teamId').equals(teamId).toArray(),
  ]);
  const notes = await database.unsealAll<Note>(
    'notes',
    noteRows.filter((r) => r.teamId === teamId),
  );
  const marks = await database.unsealAll<HandoverMark>('handoverMarks', markRows);
  return notesAwaitingHandover(notes, currentMarks(marks));
}
