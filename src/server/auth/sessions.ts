import { createHash, randomBytes } from 'node:crypto';
import type { UserProfile } from '../../domain/user';
import type { Database } from '../data/schema';
import { named } from '../data/namedStatements';
import { toProfile } from './users';

const TOKEN_BYTES = 32;
const HOUR_MS = 3_600_000;
/** last_seen_at is a hint for the admin's device list; once a minute per device is plenty. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random bearer token bound to a user and a device; only its hash is stored. */
export async function createSession(
  database: Database,
  userId: string,
  deviceId: string,
  ttlHours: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * HOUR_MS).toISOString();
  await database.db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      device_id: deviceId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

export type SessionLookup =
  | {
      kind: 'ok';
      user: UserProfile;
      deviceId: string | null;
      /** The device's last_seen_at is over a minute old: the caller notes it (lastSeen.ts). */
      deviceSeenStale: boolean;
    }
  | { kind: 'none' }
  | { kind: 'device-revoked' };

/**
 * What a bearer token stands for: a live session, nothing (unknown, expired or revoked: all
 * answered 401), or a session on a device an administrator revoked (answered 403 so the app
 * wipes its local data).
 */
export async function findSession(
  database: Database,
  token: string,
  now = new Date(),
): Promise<SessionLookup> {
  // One statement for the session, its device, the user and the user's teams (one row per team,
  // or one row with no team): it runs before every API request, and each statement is a round
  // trip to the database (bench/README.md, scenario 8b).
  const rows = await database.db
    .selectFrom('sessions')
    .leftJoin('devices', (join) =>
      join
        .onRef('devices.user_id', '=', 'sessions.user_id')
        .onRef('devices.id', '=', 'sessions.device_id'),
    )
    .leftJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('teams as default_team', 'default_team.id', 'users.team_id')
    .leftJoin('user_teams', 'user_teams.user_id', 'users.id')
    .leftJoin('teams as member_team', 'member_team.id', 'user_teams.team_id')
    .select([
      'sessions.user_id',
      'sessions.device_id',
      'sessions.expires_at',
      'sessions.revoked_at',
      'devices.revoked_at as device_revoked_at',
      'devices.last_seen_at',
      'users.id as found_user_id',
      'users.username',
      'users.name',
      'users.team_id',
      'users.role',
      'users.deactivated_at',
      'default_team.name as team_name',
      'member_team.id as member_team_id',
      'member_team.name as member_team_name',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .orderBy('member_team.name')
    .modifyEnd(named)
    .execute();
  const row = rows[0];
  if (!row) return { kind: 'none' };
  // Checked before expiry: a lost laptop must learn it is revoked, whatever its session's age.
  if (row.device_revoked_at) return { kind: 'device-revoked' };
  if (row.revoked_at !== null || row.expires_at <= now.toISOString()) return { kind: 'none' };
  // Deactivation ends the sessions too; this refuses one opened in the same instant.
  if (row.deactivated_at != null) return { kind: 'none' };
  const user = profileOf(rows);
  if (!user) return { kind: 'none' };
  return {
    kind: 'ok',
    user,
    deviceId: row.device_id,
    deviceSeenStale: row.device_id !== null && isStale(row.last_seen_at ?? null, now),
  };
}

/** The profile from the session lookup's rows (see toProfile); undefined: the user is gone. */
function profileOf(
  rows: readonly {
    found_user_id: string | null;
    username: string | null;
    name: string | null;
    team_id: string | null;
    role: UserProfile['role'] | null;
    team_name: string | null;
    member_team_id: string | null;
    member_team_name: string | null;
  }[],
): UserProfile | undefined {
  const first = rows[0];
  if (
    !first?.found_user_id ||
    first.username === null ||
    first.name === null ||
    first.role === null
  ) {
    return undefined;
  }
  const teams = rows.flatMap((r) =>
    r.member_team_id !== null && r.member_team_name !== null
      ? [{ id: r.member_team_id, name: r.member_team_name }]
      : [],
  );
  return toProfile(
    {
      id: first.found_user_id,
      username: first.username,
      name: first.name,
      team_id: first.team_id,
      team_name: first.team_name,
      role: first.role,
    },
    teams,
  );
}

function isStale(lastSeen: string | null, now: Date): boolean {
  return lastSeen === null || now.getTime() - Date.parse(lastSeen) > TOUCH_EVERY_MS;
}

export async function revokeSession(database: Database, token: string): Promise<void> {
  await database.db
    .updateTable('sessions')
    .set({ revoked_at: new Date().toISOString() })
    .where('token_hash', '=', hashToken(token))
    .execute();
}

/** Ends every session of a user (an administrator's action); returns how many. */
export async function revokeUserSessions(database: Database, userId: string): Promise<number> {
  const result = await database.db
    .updateTable('sessions')
    .set({ revoked_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Housekeeping: expired and revoked sessions are of no further use. */
export async function deleteExpiredSessions(database: Database, now = new Date()): Promise<void> {
  await database.db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', now.toISOString()), eb('revoked_at', 'is not', null)]),
    )
    .execute();
}
