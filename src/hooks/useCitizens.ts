import { useLiveQuery } from 'dexie-react-hooks';
import { citizensByIds, citizensRepo, listCitizens } from '../db/citizens';
import type { Citizen } from '../domain';

/** All citizens of the team on this device; undefined while loading. */
export function useCitizens(): Citizen[] | undefined {
  return useLiveQuery(() => listCitizens(), []);
}

/** One citizen: undefined while loading, null when there is no such citizen. */
export function useCitizen(id: string | undefined): Citizen | null | undefined {
  return useLiveQuery(async () => (id ? ((await citizensRepo.get(id)) ?? null) : null), [id]);
}

const NO_CITIZENS: ReadonlyMap<string, Citizen> = new Map();

/**
 * The citizens a list refers to (contacts of a visit, follow-ups), by id; a small lookup
 * instead of loading every citizen of the team for a handful of names.
 */
export function useCitizensByIds(ids: readonly string[]): ReadonlyMap<string, Citizen> {
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(() => citizensByIds(key ? key.split(',') : []), [key]) ?? NO_CITIZENS;
}
