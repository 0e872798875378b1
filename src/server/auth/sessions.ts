import { createHash, randomBytes } from 'node:crypto';
import type { UserProfile } from '../../domain/user';
import type { Database } from '../data/schema';
import { loadProfile } from './users';

const TOKEN_BYTES = 32;
const HOUR_MS = 3_600_000;
/** last_seen_at is a hint for the admin's device list; one write a minute per device is plenty. */
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
  | { kind: 'ok'; user: UserProfile; deviceId: string | null }
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
  const row = await database.db
    .selectFrom('sessions')
    .leftJoin('devices', (join) =>
      join
        .onRef('devices.user_id', '=', 'sessions.user_id')
        .onRef('devices.id', '=', 'sessions.device_id'),
    )
    .select([
      'sessions.user_id',
      'sessions.device_id',
      'sessions.expires_at',
      'sessions.revoked_at',
      'devices.revoked_at as device_revoked_at',
      'devices.last_seen_at',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return { kind: 'none' };
  // Checked before expiry: a lost laptop must learn it is revoked, whatever its session's age.
  if (row.device_revoked_at) return { kind: 'device-revoked' };
  if (row.revoked_at !== null || row.expires_at <= now.toISOString()) return { kind: 'none' };
  const found = await loadProfile(database, { id: row.user_id });
  if (!found) return { kind: 'none' };
  if (row.device_id && isStale(row.last_seen_at ?? null, now)) {
    await database.db
      .updateTable('devices')
      .set({ last_seen_at: now.toISOString() })
      .where('user_id', '=', row.user_id)
      .where('id', '=', row.device_id)
      .execute();
  }
  return { kind: 'ok', user: found.profile, deviceId: row.device_id };
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
