import type { ScheduleSlot, ScheduleSlotFields } from '../domain';
import { db } from './database';
import { entityRepository } from './entityRepository';

export const scheduleSlotsRepo = entityRepository<ScheduleSlot, ScheduleSlotFields>(
  'scheduleSlot',
  (d) => d.scheduleSlots,
);

export function slotsOfUser(userId: string): Promise<ScheduleSlot[]> {
  return db.scheduleSlots.where('userId').equals(userId).toArray();
}
