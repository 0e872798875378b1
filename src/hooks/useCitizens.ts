import { useLiveQuery } from 'dexie-react-hooks';
import { citizensRepo, listCitizens } from '../db/citizens';
import type { Citizen } from '../domain';

/** All citizens of the team on this device; undefined while loading. */
export function useCitizens(): Citizen[] | undefined {
  return useLiveQuery(() => listCitizens(), []);
}

/** One citizen: undefined while loading, null when there is no such citizen. */
export function useCitizen(id: string | undefined): Citizen | null | undefined {
  return useLiveQuery(async () => (id ? ((await citizensRepo.get(id)) ?? null) : null), [id]);
}
