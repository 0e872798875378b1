import type { Note } from '../../domain';
import { NoteItem } from './NoteItem';

/** Notes with their correction links resolved among themselves. */
export function correctionLinks(notes: readonly Note[]) {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const correctedBy = new Map<string, Note[]>();
  for (const n of notes) {
    if (!n.correctsNoteId) continue;
    correctedBy.set(n.correctsNoteId, [...(correctedBy.get(n.correctsNoteId) ?? []), n]);
  }
  return {
    corrects: (n: Note) => (n.correctsNoteId ? byId.get(n.correctsNoteId) : undefined),
    correctedBy: (n: Note) => correctedBy.get(n.id) ?? [],
  };
}

/** A list of notes, newest first, as on a case page. */
export function NoteList({ notes }: { notes: readonly Note[] }) {
  const links = correctionLinks(notes);
  return (
    <ol className="timeline">
      {notes.map((n) => (
        <li key={n.id}>
          <NoteItem note={n} corrects={links.corrects(n)} correctedBy={links.correctedBy(n)} />
        </li>
      ))}
    </ol>
  );
}
