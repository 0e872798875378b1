import { useLiveQuery } from 'dexie-react-hooks';
import { contactsOfVisit, contactsRepo } from '../db/contacts';
import { activeVisitOf, endedVisits, visitsRepo } from '../db/visits';
import type { Contact, Visit } from '../domain';

/** The caseworker's visit in progress: undefined while loading, null when none. */
export function useActiveVisit(userId: string | undefined): Visit | null | undefined {
  return useLiveQuery(
    async () => (userId ? ((await activeVisitOf(userId)) ?? null) : null),
    [userId],
  );
}

/** The contacts registered during a visit, newest first. */
export function useVisitContacts(visitId: string | undefined): Contact[] | undefined {
  return useLiveQuery(
    async () => (visitId ? (await contactsOfVisit(visitId)).reverse() : []),
    [visitId],
  );
}

/** One visit: undefined while loading, null when none. */
export function useVisit(id: string | undefined): Visit | null | undefined {
  return useLiveQuery(async () => (id ? ((await visitsRepo.get(id)) ?? null) : null), [id]);
}

/** One contact: undefined while loading, null when none. */
export function useContact(id: string | undefined): Contact | null | undefined {
  return useLiveQuery(async () => (id ? ((await contactsRepo.get(id)) ?? null) : null), [id]);
}

/** Ended visits, newest first (see endedVisits): undefined while loading. */
export function useEndedVisits(limit: number, locationId?: string): Visit[] | undefined {
  return useLiveQuery(() => endedVisits(limit, locationId), [limit, locationId]);
}
