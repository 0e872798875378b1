import type { ScheduleSlot, ScheduleSlotInput } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const scheduleSlotsRepo = entityRepository<ScheduleSlot, ScheduleSlotInput>('scheduleSlot');

export function slotsOfUser(userId: string): Promise<ScheduleSlot[]> {
  return db.scheduleSlots.where('userId').equals(userId).toArray();
}

/** The whole weekly schedule, by weekday then start time. */
export async function listSlots(): Promise<ScheduleSlot[]> {
  const all = await db.scheduleSlots.toArray();
  return all.sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));
}
