import { useLiveQuery } from 'dexie-react-hooks';
import { casesOfCitizen, casesRepo } from '../db/cases';
import type { Case } from '../domain';

/** A citizen's cases, newest opened first. */
export function useCasesOfCitizen(citizenId: string | undefined): Case[] | undefined {
  return useLiveQuery(
    async () => (citizenId ? (await casesOfCitizen(citizenId)).reverse() : []),
    [citizenId],
  );
}

/** One case: undefined while loading, null when there is none. */
export function useCase(id: string | undefined): Case | null | undefined {
  return useLiveQuery(async () => (id ? ((await casesRepo.get(id)) ?? null) : null), [id]);
}
