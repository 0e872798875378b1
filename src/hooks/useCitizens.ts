import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useSyncExternalStore } from 'react';
import { citizensByIds, citizensRepo } from '../db/citizens';
import type { Citizen } from '../domain';
import { searchState } from './search/searchService';

/**
 * All citizens on this device, alphabetically, from the in-memory search index (unsealing the
 * whole table on every change would cost seconds at 10,000 citizens); undefined until the index
 * exists, and while it is being built only the citizens indexed so far.
 */
export function useCitizens(): Citizen[] | undefined {
  const { index, citizensVersion } = useSyncExternalStore(searchState.subscribe, searchState.get);
  // Rebuilt when citizens changed, not when notes did (a first sync's pages are mostly notes),
  // and deferred: a picker of 10,000 names re-rendered in the background, where a key press
  // interrupts it, not before the typed letter shows.
  const citizens = useMemo(
    () => (citizensVersion >= 0 ? index?.search('') : undefined),
    [index, citizensVersion],
  );
  return useDeferredValue(citizens);
}

/** One citizen: undefined while loading, null when there is no such citizen. */
export function useCitizen(id: string | undefined): Citizen | null | undefined {
  return useLiveQuery(async () => (id ? ((await citizensRepo.get(id)) ?? null) : null), [id]);
}

const NO_CITIZENS: ReadonlyMap<string, Citizen> = new Map();

/**
 * The citizens a list refers to (contacts of a visit, follow-ups), by id; a small lookup
 * instead of loading every citizen of the team for a handful of names. While the lookup for a
 * new set of ids is still unsealing (a contact was just registered), the ids it has not
 * answered yet are filled from the in-memory search index, so a name never flickers away.
 */
export function useCitizensByIds(ids: readonly string[]): ReadonlyMap<string, Citizen> {
  const key = [...new Set(ids)].sort().join(',');
  const stored = useLiveQuery(() => citizensByIds(key ? key.split(',') : []), [key]);
  const { index, citizensVersion } = useSyncExternalStore(searchState.subscribe, searchState.get);
  return useMemo(() => {
    const wanted = key ? key.split(',') : [];
    const missing = wanted.filter((id) => !stored?.has(id));
    if (missing.length === 0 || !index || citizensVersion < 0) return stored ?? NO_CITIZENS;
    const merged = new Map(stored);
    for (const id of missing) {
      const citizen = index.citizen(id);
      if (citizen) merged.set(id, citizen);
    }
    return merged;
  }, [key, stored, index, citizensVersion]);
}
