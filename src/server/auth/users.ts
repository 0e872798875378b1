import type { Role, TeamRef, UserProfile } from '../../domain/user';
import { joinTransaction } from '../data/joinTransaction';
import type { Database } from '../data/schema';
import { hashPassword } from './password';

export interface NewUser {
  id: string;
  username: string;
  name: string;
  /** The default team; always one of the user's teams. */
  teamId: string;
  /** Further teams besides the default one. */
  otherTeamIds?: readonly string[];
  role?: Role;
  password: string;
  /** An initial password set by an administrator: the user must choose their own at login. */
  mustChangePassword?: boolean;
}

/** Creates the team if it is new; renames it otherwise. */
export async function upsertTeam(database: Database, id: string, name: string): Promise<void> {
  await database.db
    .insertInto('teams')
    .values({ id, name, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name }))
    .execute();
}

export async function createUser(database: Database, user: NewUser): Promise<void> {
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(user.password, database.passwordHashCost);
  const teams = [...new Set([user.teamId, ...(user.otherTeamIds ?? [])])];
  await joinTransaction(database.db, async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id: user.id,
        username: user.username.trim().toLowerCase(),
        name: user.name,
        team_id: user.teamId,
        role: user.role ?? 'caseworker',
        password_hash: passwordHash,
        created_at: now,
        must_change_password: user.mustChangePassword ? 1 : 0,
        deactivated_at: null,
      })
      .execute();
    await trx
      .insertInto('user_teams')
      .values(teams.map((t) => ({ user_id: user.id, team_id: t, added_at: now })))
      .execute();
  });
}

export async function countUsers(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The user's teams with names, the default team first. */
export async function teamsOfUser(database: Database, userId: string): Promise<TeamRef[]> {
  const rows = await database.db
    .selectFrom('user_teams')
    .innerJoin('teams', 'teams.id', 'user_teams.team_id')
    .select(['teams.id', 'teams.name'])
    .where('user_teams.user_id', '=', userId)
    .orderBy('teams.name')
    .execute();
  return rows;
}

export interface UserWithHash {
  profile: UserProfile;
  passwordHash: string;
  mustChangePassword: boolean;
  deactivatedAt: string | null;
}

/** The profile as the protocol describes it (teams included), or undefined. */
export async function loadProfile(
  database: Database,
  where: { id: string } | { username: string },
): Promise<UserWithHash | undefined> {
  let query = database.db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select([
      'users.id',
      'users.username',
      'users.name',
      'users.team_id',
      'users.role',
      'users.password_hash',
      'users.must_change_password',
      'users.deactivated_at',
      'teams.name as team_name',
    ]);
  query =
    'id' in where
      ? query.where('users.id', '=', where.id)
      : query.where('users.username', '=', where.username.trim().toLowerCase());
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password === 1,
    deactivatedAt: row.deactivated_at,
    profile: toProfile(row, await teamsOfUser(database, row.id)),
  };
}

/** The columns of a user (with the name of the default team) a profile is made of. */
export interface ProfileRow {
  id: string;
  username: string;
  name: string;
  /** Null: the user has no team (yet). */
  team_id: string | null;
  team_name: string | null;
  role: UserProfile['role'];
}

/**
 * The profile as the protocol describes it, from the user's row and teams (in name order): the
 * default team is always among the teams, first if the memberships do not list it.
 */
export function toProfile(row: ProfileRow, teams: TeamRef[]): UserProfile {
  const profile = {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
  };
  if (row.team_id === null || row.team_name === null) {
    // No default team: the memberships decide (a membership without a default is repaired by
    // taking the first; none at all is a user waiting for a team, who sees nothing).
    const first = teams[0];
    return first
      ? { ...profile, teamId: first.id, teamName: first.name, teams }
      : { ...profile, teamId: null, teamName: null, teams: [] };
  }
  const defaultTeam = { id: row.team_id, name: row.team_name };
  return {
    ...profile,
    teamId: row.team_id,
    teamName: row.team_name,
    teams: teams.some((t) => t.id === row.team_id) ? teams : [defaultTeam, ...teams],
  };
}

export function findUserByUsername(
  database: Database,
  username: string,
): Promise<UserWithHash | undefined> {
  return loadProfile(database, { username });
}
