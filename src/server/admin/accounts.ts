import { SHARED_TEAM_ID } from '../../domain/common';
import type { Role } from '../../domain/user';
import type { AdminUser } from '../../protocol/admin';
import { hashPassword } from '../auth/password';
import { revokeUserSessions } from '../auth/sessions';
import { loadProfile } from '../auth/users';
import type { Database } from '../data/schema';

/** A failed administrative action, with a machine-readable code (for the CLI and the routes). */
export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(
    readonly code: 'not-found' | 'invalid-request' | 'provider-managed',
    message: string,
  ) {
    super(message);
  }
}

export async function requireUserId(database: Database, username: string): Promise<string> {
  const row = await database.db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', username), eb('username', '=', username.toLowerCase())]))
    .executeTakeFirst();
  if (!row) throw new AccountError('not-found', `No user ${username}`);
  return row.id;
}

async function requireTeams(database: Database, teamIds: readonly string[]): Promise<void> {
  if (teamIds.includes(SHARED_TEAM_ID))
    throw new AccountError('invalid-request', 'Nobody is a member of the shared scope');
  const found = await database.db
    .selectFrom('teams')
    .select('id')
    .where('id', 'in', [...teamIds])
    .execute();
  const missing = teamIds.filter((t) => !found.some((f) => f.id === t));
  if (missing.length > 0)
    throw new AccountError('not-found', `No such team: ${missing.join(', ')}`);
}

export async function listUsers(database: Database): Promise<AdminUser[]> {
  const ids = await database.db
    .selectFrom('users')
    .select(['id', 'role_source'])
    .orderBy('username')
    .execute();
  const fromProvider = await database.db
    .selectFrom('user_teams')
    .select(['user_id', 'team_id'])
    .where('source', '=', 'provider')
    .execute();
  const users: AdminUser[] = [];
  for (const { id, role_source } of ids) {
    const found = await loadProfile(database, { id });
    if (!found) continue;
    const p = found.profile;
    users.push({
      id: p.id,
      username: p.username,
      name: p.name,
      role: p.role,
      teamId: p.teamId,
      teams: p.teams ?? [],
      providerTeams: fromProvider.filter((m) => m.user_id === id).map((m) => m.team_id),
      roleFromProvider: role_source === 'provider',
      active: found.deactivatedAt === null,
      mustChangePassword: found.mustChangePassword,
    });
  }
  return users;
}

/** Active users with no team at all: created at their first sign-in, waiting for a lead. */
export async function listWaitingUsers(
  database: Database,
): Promise<{ id: string; username: string; name: string }[]> {
  return database.db
    .selectFrom('users')
    .select(['id', 'username', 'name'])
    .where('deactivated_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('user_teams').select('user_id').whereRef('user_id', '=', 'users.id'),
        ),
      ),
    )
    .orderBy('username')
    .execute();
}

/** The memberships of a user that the provider's group claim gave (see groupMapping.ts). */
export async function providerTeamsOf(database: Database, userId: string): Promise<string[]> {
  const rows = await database.db
    .selectFrom('user_teams')
    .select('team_id')
    .where('user_id', '=', userId)
    .where('source', '=', 'provider')
    .execute();
  return rows.map((r) => r.team_id);
}

/** The users who are members of the team, as listUsers describes them. */
export async function listMembers(database: Database, teamId: string): Promise<AdminUser[]> {
  return (await listUsers(database)).filter((u) => u.teams.some((t) => t.id === teamId));
}

/**
 * Deactivates (ending every session at once) or reactivates a user. The row stays: the audit log
 * and the records keep naming the user.
 */
export async function setActive(database: Database, userId: string, active: boolean) {
  await database.db
    .updateTable('users')
    .set({ deactivated_at: active ? null : new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
  if (!active) await revokeUserSessions(database, userId);
}

export async function renameTeam(database: Database, id: string, name: string): Promise<void> {
  if (id === SHARED_TEAM_ID) throw new AccountError('invalid-request', 'The shared scope is fixed');
  const result = await database.db
    .updateTable('teams')
    .set({ name })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AccountError('not-found', `No team ${id}`);
}

/**
 * Replaces the user's teams; the first becomes the default team. A team left is evicted from the
 * user's devices at their next pull (the cursor still names it; the server no longer allows it).
 */
export async function setTeams(
  database: Database,
  userId: string,
  teamIds: readonly string[],
): Promise<void> {
  const teams = [...new Set(teamIds)];
  const first = teams[0];
  if (!first) throw new AccountError('invalid-request', 'A user needs at least one team');
  await requireTeams(database, teams);
  const fromProvider = await providerTeamsOf(database, userId);
  const dropped = fromProvider.filter((t) => !teams.includes(t));
  if (dropped.length > 0) {
    throw new AccountError(
      'provider-managed',
      `Set by the identity provider's groups, not in the app: ${dropped.join(', ')}`,
    );
  }
  await database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('user_teams').where('user_id', '=', userId).execute();
    const now = new Date().toISOString();
    // A membership the provider gave stays the provider's (it was refused above to remove one).
    await trx
      .insertInto('user_teams')
      .values(
        teams.map((t) => ({
          user_id: userId,
          team_id: t,
          added_at: now,
          source: fromProvider.includes(t) ? ('provider' as const) : ('app' as const),
        })),
      )
      .execute();
    await trx.updateTable('users').set({ team_id: first }).where('id', '=', userId).execute();
  });
}

/** The user's teams, the default one first (for setTeams). */
export async function currentTeams(database: Database, userId: string): Promise<string[]> {
  const found = await loadProfile(database, { id: userId });
  if (!found) throw new AccountError('not-found', `No user ${userId}`);
  const first = found.profile.teamId;
  if (first === null) return [];
  const others = (found.profile.teams ?? []).map((t) => t.id).filter((t) => t !== first);
  return [first, ...others];
}

export async function addToTeam(database: Database, userId: string, teamId: string) {
  await setTeams(database, userId, [...(await currentTeams(database, userId)), teamId]);
}

export async function removeFromTeam(database: Database, userId: string, teamId: string) {
  const left = (await currentTeams(database, userId)).filter((t) => t !== teamId);
  await setTeams(database, userId, left);
}

export async function setRole(database: Database, userId: string, role: Role): Promise<void> {
  const user = await database.db
    .selectFrom('users')
    .select(['role', 'role_source'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.role_source === 'provider' && user.role !== role) {
    throw new AccountError('provider-managed', "The role is set by the identity provider's groups");
  }
  await database.db.updateTable('users').set({ role }).where('id', '=', userId).execute();
}

/**
 * Sets a new password and ends the user's sessions, so an old token stops working at once.
 * `mustChange`: the user must replace it with their own at the next login.
 */
export async function resetPassword(
  database: Database,
  userId: string,
  password: string,
  mustChange = false,
): Promise<void> {
  await database.db
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password, database.passwordHashCost),
      must_change_password: mustChange ? 1 : 0,
    })
    .where('id', '=', userId)
    .execute();
  await revokeUserSessions(database, userId);
}

export async function listTeams(database: Database): Promise<{ id: string; name: string }[]> {
  return database.db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('id', '!=', SHARED_TEAM_ID)
    .orderBy('name')
    .execute();
}

export async function createTeam(database: Database, id: string, name: string): Promise<void> {
  const exists = await database.db
    .selectFrom('teams')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (exists) throw new AccountError('invalid-request', `Team ${id} exists`);
  await database.db
    .insertInto('teams')
    .values({ id, name, created_at: new Date().toISOString() })
    .execute();
}
