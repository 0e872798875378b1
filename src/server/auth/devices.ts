import { randomBytes } from 'node:crypto';
import { newId } from '../../domain/ids';
import type { Database } from '../data/schema';

const SECRET_BYTES = 32;

export interface DeviceRegistration {
  deviceId: string;
  deviceSecret: string;
  revoked: boolean;
}

/**
 * The (user, device) row for a login: registered on first sight with a random secret that stays
 * the same at every later login (the device wraps its data key with it). A revoked device stays
 * revoked: an admin's revoke is never undone by signing in again.
 */
export async function registerDevice(
  database: Database,
  userId: string,
  deviceId: string | undefined,
  label: string | null,
  now = new Date(),
): Promise<DeviceRegistration> {
  const id = deviceId ?? newId();
  await database.db
    .insertInto('devices')
    .values({
      id,
      user_id: userId,
      secret: randomBytes(SECRET_BYTES).toString('base64url'),
      label,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      revoked_at: null,
      revoked_by: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'id']).doNothing())
    .execute();
  const row = await database.db
    .selectFrom('devices')
    .select(['secret', 'revoked_at'])
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { deviceId: id, deviceSecret: row.secret, revoked: row.revoked_at !== null };
}

export async function isDeviceRevoked(
  database: Database,
  userId: string,
  deviceId: string,
): Promise<boolean> {
  const row = await database.db
    .selectFrom('devices')
    .select('revoked_at')
    .where('user_id', '=', userId)
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return row?.revoked_at !== null && row?.revoked_at !== undefined;
}

/** Revokes the device and ends its sessions; false when there is no such device. */
export async function revokeDevice(
  database: Database,
  userId: string,
  deviceId: string,
  revokedBy: string,
  now = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  const result = await database.db
    .updateTable('devices')
    .set({ revoked_at: at, revoked_by: revokedBy })
    .where('user_id', '=', userId)
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await database.db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('device_id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .execute();
  if (Number(result.numUpdatedRows) > 0) return true;
  const exists = await database.db
    .selectFrom('devices')
    .select('id')
    .where('user_id', '=', userId)
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return exists !== undefined;
}

export interface DeviceInfo {
  id: string;
  userId: string;
  username: string;
  label: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export async function listDevices(database: Database, userId?: string): Promise<DeviceInfo[]> {
  let query = database.db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .select([
      'devices.id',
      'devices.user_id',
      'users.username',
      'devices.label',
      'devices.created_at',
      'devices.last_seen_at',
      'devices.revoked_at',
    ])
    .orderBy('users.username')
    .orderBy('devices.created_at');
  if (userId) query = query.where('devices.user_id', '=', userId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    label: r.label,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    revokedAt: r.revoked_at,
  }));
}
