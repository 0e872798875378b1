import type { Visit, VisitInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const visitsRepo = entityRepository<Visit, VisitInput>('visit');

/** The caseworker's visit in progress (started, not ended), if any. */
export async function activeVisitOf(userId: string): Promise<Visit | undefined> {
  const rows = await db.visits.where('userId').equals(userId).toArray();
  const visits = await db.unsealAll<Visit>('visits', rows);
  return visits
    .filter((v) => v.endedAt === undefined)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
}

/** A caseworker's visits, newest first. */
export async function visitsOfUser(userId: string): Promise<Visit[]> {
  const rows = await db.visits.where('userId').equals(userId).toArray();
  const visits = await db.unsealAll<Visit>('visits', rows);
  return visits.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/**
 * Ended visits on this device (the caseworker's and their teams'), newest first, at most
 * `limit`, optionally at one location. Filtered on the clear index fields before unsealing.
 */
export async function endedVisits(limit: number, locationId?: string): Promise<Visit[]> {
  const rows = await db.visits
    .orderBy('startedAt')
    .reverse()
    .filter((r) => r.endedAt !== undefined && (!locationId || r.locationId === locationId))
    .limit(limit)
    .toArray();
  return db.unsealAll<Visit>('visits', rows);
}
