import { getTeamMembers, setTeamMembers, type FremskudtDb } from '../db';
import type { ApiClient } from './apiClient';
import { toSyncFailure } from './syncError';

/** Names change rarely; once an hour is plenty and costs one small request. */
export const TEAM_MEMBERS_MAX_AGE_MS = 60 * 60_000;

export type TeamRefreshOutcome = 'fetched' | 'fresh' | 'failed';

/**
 * Fetches the team directory when none is stored or the stored one is older than an hour, and
 * keeps it in db.meta for offline use. A failure is logged and reported as `failed` but does not
 * fail the sync cycle: names are a convenience, the case data was already synced, and the next
 * cycle tries again (nothing is stored, so the list counts as stale).
 */
export async function refreshTeamMembers(
  db: FremskudtDb,
  api: ApiClient,
  now: () => Date = () => new Date(),
): Promise<TeamRefreshOutcome> {
  const stored = await getTeamMembers(db);
  const age = stored ? now().getTime() - Date.parse(stored.fetchedAt) : Infinity;
  // A negative age means the device clock went back; refetch rather than trust it for hours.
  if (age >= 0 && age < TEAM_MEMBERS_MAX_AGE_MS) return 'fresh';
  try {
    const { members } = await api.teamMembers();
    await setTeamMembers(members, now(), db);
    return 'fetched';
  } catch (error) {
    console.warn('Fetching the team members failed', toSyncFailure(error));
    return 'failed';
  }
}
