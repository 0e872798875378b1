import { useLiveQuery } from 'dexie-react-hooks';
import { handoverMarksRepo } from '../db/handoverMarks';
import { notesOfCitizen } from '../db/notes';
import { currentMarks, notesAwaitingHandover, type HandoverMark, type Note } from '../domain';

export interface CitizenHandover {
  /** Final notes not yet carried over, oldest first. */
  awaiting: Note[];
  /** The current mark of each carried-over note, by note id. */
  marks: Map<string, HandoverMark>;
}

/** A citizen's handover state ("journaliseret i fagsystem"), live. */
export function useCitizenHandover(citizenId: string): CitizenHandover | undefined {
  return useLiveQuery(async () => {
    const [notes, marks] = await Promise.all([
      notesOfCitizen(citizenId),
      handoverMarksRepo.marksOfCitizen(citizenId),
    ]);
    const current = currentMarks(marks);
    return { awaiting: notesAwaitingHandover(notes, current), marks: current };
  }, [citizenId]);
}
