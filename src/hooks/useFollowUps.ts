import { useLiveQuery } from 'dexie-react-hooks';
import { followUpsOfCitizen, listFollowUps } from '../db/followUps';
import type { FollowUp } from '../domain';

/** Every follow-up, earliest due first. */
export function useFollowUps(): FollowUp[] | undefined {
  return useLiveQuery(() => listFollowUps(), []);
}

/** A citizen's follow-ups, earliest due first. */
export function useFollowUpsOfCitizen(citizenId: string | undefined): FollowUp[] | undefined {
  return useLiveQuery(async () => (citizenId ? followUpsOfCitizen(citizenId) : []), [citizenId]);
}
