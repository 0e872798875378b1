import type { UserProfile } from '../../domain/user';
import type { Database } from '../data/schema';
import { hashPassword } from './password';

export interface NewUser {
  id: string;
  username: string;
  name: string;
  teamId: string;
  role?: 'caseworker' | 'lead';
  password: string;
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
  await database.db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username.toLowerCase(),
      name: user.name,
      team_id: user.teamId,
      role: user.role ?? 'caseworker',
      password_hash: await hashPassword(user.password),
      created_at: new Date().toISOString(),
    })
    .execute();
}

export async function countUsers(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface UserWithHash {
  profile: UserProfile;
  passwordHash: string;
}

const userColumns = [
  'users.id',
  'users.username',
  'users.name',
  'users.team_id',
  'users.role',
  'users.password_hash',
  'teams.name as team_name',
] as const;

export async function findUserByUsername(
  database: Database,
  username: string,
): Promise<UserWithHash | undefined> {
  const row = await database.db
    .selectFrom('users')
    .innerJoin('teams', 'teams.id', 'users.team_id')
    .select(userColumns)
    .where('users.username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    passwordHash: row.password_hash,
    profile: {
      id: row.id,
      username: row.username,
      name: row.name,
      teamId: row.team_id,
      teamName: row.team_name,
      role: row.role,
    },
  };
}
