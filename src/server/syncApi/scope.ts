import { SHARED_TEAM_ID } from '../../domain/common';
import { SHARED_ENTITIES, type EntityName } from '../../domain/entities';
import type { UserProfile } from '../../domain/user';

export { SHARED_ENTITIES };

/** The teams whose case records the user may read and write (the shared scope excluded). */
export function teamIdsOf(user: Pick<UserProfile, 'teamId' | 'teams'>): string[] {
  const ids = new Set([user.teamId, ...(user.teams ?? []).map((t) => t.id)]);
  ids.delete(SHARED_TEAM_ID);
  return [...ids];
}

/** Every scope a device pulls: the user's teams, then the shared scope. */
export function pullScopesOf(user: Pick<UserProfile, 'teamId' | 'teams'>): string[] {
  return [...teamIdsOf(user), SHARED_TEAM_ID];
}

/** May the user write records stored in this team? */
export function mayWriteTeam(
  user: Pick<UserProfile, 'teamId' | 'teams'>,
  entity: EntityName,
  teamId: string,
): boolean {
  if (SHARED_ENTITIES.has(entity)) return teamId === SHARED_TEAM_ID;
  return teamIdsOf(user).includes(teamId);
}
