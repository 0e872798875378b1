import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  countConflicts,
  listConflicted,
  markStoredConflicts,
  type ConflictedRecord,
} from '../db/conflicts';

/**
 * Unsettled conflicts on this device's records, live (survives reloads); undefined while loading.
 * The first time on a store from before the conflict mark, marks the conflicts it already holds.
 */
export function useConflictCount(): number | undefined {
  useEffect(() => {
    markStoredConflicts().catch((error: unknown) =>
      console.warn('Could not mark the conflicts already stored', error),
    );
  }, []);
  return useLiveQuery(() => countConflicts(), []);
}

/** The records with unsettled conflicts, live; undefined while loading. */
export function useConflictedRecords(): ConflictedRecord[] | undefined {
  return useLiveQuery(() => listConflicted(), []);
}
