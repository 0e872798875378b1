import { useLiveQuery } from 'dexie-react-hooks';
import { getTeamMembers } from '../db/teamMembers';
import type { TeamMember } from '../protocol';

const NONE: readonly TeamMember[] = [];

/**
 * The caseworkers of the signed-in user's team, as last fetched by the sync engine (db.meta
 * `teamMembers`); empty until the first sync brought them. Works offline from the stored copy.
 */
export function useTeamMembers(): readonly TeamMember[] {
  const stored = useLiveQuery(() => getTeamMembers(), []);
  return stored?.members ?? NONE;
}
