import type { FollowUp, FollowUpInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';
import { nowIso, type WriteContext } from './writeContext';

const repo = entityRepository<FollowUp, FollowUpInput>('followUp');

export const followUpsRepo = {
  ...repo,
  markDone: (ctx: WriteContext, id: string) =>
    repo.update(ctx, id, { doneAt: nowIso(ctx), doneBy: ctx.userId }),
  reopen: (ctx: WriteContext, id: string) =>
    repo.update(ctx, id, { doneAt: undefined, doneBy: undefined }),
};

/** Open follow-ups due on or before `date` ("YYYY-MM-DD"), oldest first. */
export async function openFollowUpsDueBy(date: string): Promise<FollowUp[]> {
  const rows = await db.followUps.where('dueOn').belowOrEqual(date).sortBy('dueOn');
  const due = await db.unsealAll<FollowUp>('followUps', rows);
  return due.filter((f) => f.doneAt === undefined);
}

export async function followUpsOfCitizen(citizenId: string): Promise<FollowUp[]> {
  const rows = await db.followUps.where('citizenId').equals(citizenId).sortBy('dueOn');
  return db.unsealAll<FollowUp>('followUps', rows);
}

/** Every follow-up, earliest due first. */
export async function listFollowUps(): Promise<FollowUp[]> {
  return db.unsealAll<FollowUp>('followUps', await db.followUps.orderBy('dueOn').toArray());
}
