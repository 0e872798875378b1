import { useMemo, useSyncExternalStore } from 'react';
import type { Citizen } from '../domain';
import { searchState, type SearchProgress } from './search/searchService';

/**
 * Instant search over the citizens on this device (name, alias, CPR and phone digits, note
 * text), from the in-memory index built after unlock. Undefined until the index exists; while it
 * is still being built the results cover what is indexed so far (see `useSearchProgress`).
 */
export function useCitizenSearch(query: string): Citizen[] | undefined {
  const { index, version } = useSyncExternalStore(searchState.subscribe, searchState.get);
  // `version` changes whenever the index does; the keystroke path is one lookup.
  return useMemo(() => (version >= 0 ? index?.search(query) : undefined), [index, query, version]);
}

/** How far the background indexing is ("Søgning klar om lidt …"). */
export function useSearchProgress(): SearchProgress {
  return useSyncExternalStore(searchState.subscribe, () => searchState.get().progress);
}
