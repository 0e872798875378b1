import { TeamMembersResponseSchema, type TeamMember } from '../protocol';
import { db as appDb, type FremskudtDb } from './database';
import { getMeta, setMeta } from './meta';

export const TEAM_MEMBERS_KEY = 'teamMembers';

/** The team directory as last fetched from the server, kept in db.meta so names show offline. */
export interface StoredTeamMembers {
  members: TeamMember[];
  fetchedAt: string;
}

/** The stored directory, or undefined when none was fetched yet (or the stored value is unusable). */
export async function getTeamMembers(
  database: FremskudtDb = appDb,
): Promise<StoredTeamMembers | undefined> {
  const value = await getMeta<unknown>(TEAM_MEMBERS_KEY, database);
  if (typeof value !== 'object' || value === null || !('fetchedAt' in value)) return undefined;
  const members = TeamMembersResponseSchema.safeParse(value);
  if (!members.success || typeof value.fetchedAt !== 'string') return undefined;
  return { members: members.data.members, fetchedAt: value.fetchedAt };
}

export async function setTeamMembers(
  members: TeamMember[],
  fetchedAt: Date,
  database: FremskudtDb = appDb,
): Promise<void> {
  const value: StoredTeamMembers = { members, fetchedAt: fetchedAt.toISOString() };
  await setMeta(TEAM_MEMBERS_KEY, value, { database });
}
