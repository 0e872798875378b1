import { useLiveQuery } from 'dexie-react-hooks';
import { citizensByIds } from '../db/citizens';
import { handoverMarksRepo, notesAwaitingHandoverOfTeam } from '../db/handoverMarks';
import { notesOfCitizen } from '../db/notes';
import {
  currentMarks,
  notesAwaitingHandover,
  type Citizen,
  type HandoverMark,
  type Note,
} from '../domain';

export interface CitizenHandover {
  /** Final notes not yet carried over, oldest first. */
  awaiting: Note[];
  /** The current mark of each carried-over note, by note id. */
  marks: Map<string, HandoverMark>;
  /** The citizen's notes by id (a correction of a mark names its note). */
  notes: Map<string, Note>;
}

/** A citizen's handover state ("journaliseret i fagsystem"), live. */
export function useCitizenHandover(citizenId: string): CitizenHandover | undefined {
  return useLiveQuery(async () => {
    const [notes, marks] = await Promise.all([
      notesOfCitizen(citizenId),
      handoverMarksRepo.marksOfCitizen(citizenId),
    ]);
    const current = currentMarks(marks);
    return {
      awaiting: notesAwaitingHandover(notes, current),
      marks: current,
      notes: new Map(notes.map((n) => [n.id, n] as const)),
    };
  }, [citizenId]);
}

export interface TeamHandover {
  notes: Note[];
  citizens: Map<string, Citizen>;
}

/** The team's final notes not yet carried over, oldest first, with their citizens; live. */
export function useTeamHandover(teamId: string | undefined): TeamHandover | undefined {
  return useLiveQuery(async () => {
    if (!teamId) return { notes: [], citizens: new Map<string, Citizen>() };
    const notes = await notesAwaitingHandoverOfTeam(teamId);
    return { notes, citizens: await citizensByIds([...new Set(notes.map((n) => n.citizenId))]) };
  }, [teamId]);
}
