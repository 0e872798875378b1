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
