import { useLiveQuery } from 'dexie-react-hooks';
import { citizensRepo } from '../db/citizens';
import { recentContacts } from '../db/contacts';
import { openFollowUpsDueBy } from '../db/followUps';
import { listLocations } from '../db/locations';
import { recentNotes } from '../db/notes';
import { countPending } from '../db/outbox';
import { slotsOfUser } from '../db/scheduleSlots';
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

async function recentCitizens(): Promise<RecentCitizen[]> {
  const [notes, contacts] = await Promise.all([
    recentNotes(RECENT_SCAN),
    recentContacts(RECENT_SCAN),
  ]);
  const seen = new Map<string, string>();
  const events = [
    ...notes.map((n) => ({ citizenId: n.citizenId, at: n.occurredAt })),
    ...contacts.flatMap((c) => (c.citizenId ? [{ citizenId: c.citizenId, at: c.at }] : [])),
  ].sort((a, b) => b.at.localeCompare(a.at));
  for (const e of events) if (!seen.has(e.citizenId)) seen.set(e.citizenId, e.at);
  const ids = [...seen.keys()].slice(0, RECENT_SHOWN);
  const citizens = await Promise.all(ids.map((id) => citizensRepo.get(id)));
  return citizens.flatMap((c) => (c ? [{ citizen: c, at: seen.get(c.id) ?? '' }] : []));
}

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
    const [slots, locations, followUps, recent, pendingCount] = await Promise.all([
      slotsOfUser(userId),
      listLocations(),
      openFollowUpsDueBy(today),
      recentCitizens(),
      countPending(),
    ]);
    const byId = new Map(locations.map((l) => [l.id, l]));
    const citizenIds = [...new Set(followUps.map((f) => f.citizenId))];
    const citizens = await Promise.all(citizenIds.map((id) => citizensRepo.get(id)));
    return {
      followUpCitizens: new Map(citizens.flatMap((c) => (c ? [[c.id, c] as const] : []))),
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
