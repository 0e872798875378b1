import { useLiveQuery } from 'dexie-react-hooks';
import { listLocations } from '../db/locations';
import { listSlots } from '../db/scheduleSlots';
import type { Location, ScheduleSlot } from '../domain';

/** All locations, by name. */
export function useLocations(): Location[] | undefined {
  return useLiveQuery(() => listLocations(), []);
}

/** The whole weekly outreach schedule. */
export function useScheduleSlots(): ScheduleSlot[] | undefined {
  return useLiveQuery(() => listSlots(), []);
}
