import type { FollowUp, FollowUpInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';
import { nowIso, type WriteContext } from './writeContext';

const repo = entityRepository<FollowUp, FollowUpInput>('followUp', (d) => d.followUps);

export const followUpsRepo = {
  ...repo,
  markDone: (ctx: WriteContext, id: string) =>
    repo.update(ctx, id, { doneAt: nowIso(ctx), doneBy: ctx.userId }),
  reopen: (ctx: WriteContext, id: string) =>
    repo.update(ctx, id, { doneAt: undefined, doneBy: undefined }),
};

/** Open follow-ups due on or before `date` ("YYYY-MM-DD"), oldest first. */
export async function openFollowUpsDueBy(date: string): Promise<FollowUp[]> {
  const due = await db.followUps.where('dueOn').belowOrEqual(date).sortBy('dueOn');
  return due.filter((f) => f.doneAt === undefined);
}

export function followUpsOfCitizen(citizenId: string): Promise<FollowUp[]> {
  return db.followUps.where('citizenId').equals(citizenId).sortBy('dueOn');
}

/** Every follow-up, earliest due first. */
export function listFollowUps(): Promise<FollowUp[]> {
  return db.followUps.orderBy('dueOn').toArray();
}
