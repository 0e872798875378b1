import { useLiveQuery } from 'dexie-react-hooks';
import { countConflicts, listConflicted, type ConflictedRecord } from '../db/conflicts';

/** Unsettled conflicts on this device's records, live (survives reloads); undefined while loading. */
export function useConflictCount(): number | undefined {
  return useLiveQuery(() => countConflicts(), []);
}

/** The records with unsettled conflicts, live; undefined while loading. */
export function useConflictedRecords(): ConflictedRecord[] | undefined {
  return useLiveQuery(() => listConflicted(), []);
}
