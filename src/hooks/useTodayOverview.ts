import { useLiveQuery } from 'dexie-react-hooks';
import { listLocations } from '../db/locations';
import { countPending } from '../db/outbox';
import { slotsOfUser } from '../db/scheduleSlots';
import { openFollowUpsWithCitizens, recentCitizens } from '../db/todayQueries';
import {
  slotsOnDate,
  type Citizen,
  type FollowUp,
  type Location,
  type ScheduleSlot,
} from '../domain';

export interface TodaySlot {
  slot: ScheduleSlot;
  location: Location | undefined;
}

export interface RecentCitizen {
  citizen: Citizen;
  at: string;
}

export interface TodayOverview {
  slots: TodaySlot[];
  followUps: FollowUp[];
  /** The citizens the listed follow-ups are about, by id. */
  followUpCitizens: Map<string, Citizen>;
  recent: RecentCitizen[];
  pendingCount: number;
}

const RECENT_SCAN = 50;
const RECENT_SHOWN = 8;

/**
 * Everything the Today screen shows, live: where the caseworker sits today, follow-ups due today
 * or overdue, recently seen citizens and how many changes wait to be sent.
 */
export function useTodayOverview(
  userId: string | undefined,
  today: string,
): TodayOverview | undefined {
  return useLiveQuery(async () => {
    if (!userId) return undefined;
    // Every IndexedDB read starts here, before any unsealing (see src/db/todayQueries.ts).
    const [slots, locations, due, recent, pendingCount] = await Promise.all([
      slotsOfUser(userId),
      listLocations(),
      openFollowUpsWithCitizens(today),
      recentCitizens(RECENT_SCAN, RECENT_SHOWN),
      countPending(),
    ]);
    const byId = new Map(locations.map((l) => [l.id, l]));
    const followUps = due.followUps;
    return {
      followUpCitizens: due.citizens,
      slots: slotsOnDate(slots, today).map((slot) => ({
        slot,
        location: byId.get(slot.locationId),
      })),
      followUps,
      recent,
      pendingCount,
    };
  }, [userId, today]);
}
