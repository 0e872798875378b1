import { SHARED_TEAM_ID } from '../../domain/common';
import { SHARED_ENTITIES, type EntityName } from '../../domain/entities';
import type { UserProfile } from '../../domain/user';

export { SHARED_ENTITIES };

/** The teams whose case records the user may read and write (the shared scope excluded). */
export function teamIdsOf(user: Pick<UserProfile, 'teamId' | 'teams'>): string[] {
  // A user with no team (teamId null, no memberships) has no scope: they pull only `shared`.
  const ids = new Set([user.teamId, ...(user.teams ?? []).map((t) => t.id)]);
  ids.delete(null);
  ids.delete(SHARED_TEAM_ID);
  return [...ids].filter((id): id is string => id !== null);
}

/**
 * Every scope a device pulls: the user's teams, then the shared scope (places and schedule slots,
 * no citizen data). A user with no team pulls only `shared`, which also tells a device that lost
 * its last team to evict it.
 */
export function pullScopesOf(user: Pick<UserProfile, 'teamId' | 'teams'>): string[] {
  return [...teamIdsOf(user), SHARED_TEAM_ID];
}

/** May the user write records stored in this team? */
export function mayWriteTeam(
  user: Pick<UserProfile, 'teamId' | 'teams'>,
  entity: EntityName,
  teamId: string,
): boolean {
  const teams = teamIdsOf(user);
  // A user with no team writes nothing, not even the shared places.
  if (teams.length === 0) return false;
  if (SHARED_ENTITIES.has(entity)) return teamId === SHARED_TEAM_ID;
  return teams.includes(teamId);
}
