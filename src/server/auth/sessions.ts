import { createHash, randomBytes } from 'node:crypto';
import type { UserProfile } from '../../domain/user';
import type { Database } from '../data/schema';

const TOKEN_BYTES = 32;
const HOUR_MS = 3_600_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random bearer token; only its hash is stored. */
export async function createSession(
  database: Database,
  userId: string,
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
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The user a live token belongs to, or undefined for an unknown or expired token. */
export async function findSessionUser(
  database: Database,
  token: string,
  now = new Date(),
): Promise<UserProfile | undefined> {
  const row = await database.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('teams', 'teams.id', 'users.team_id')
    .select([
      'users.id',
      'users.username',
      'users.name',
      'users.team_id',
      'users.role',
      'teams.name as team_name',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    teamId: row.team_id,
    teamName: row.team_name,
    role: row.role,
  };
}

export async function deleteSession(database: Database, token: string): Promise<void> {
  await database.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteExpiredSessions(database: Database, now = new Date()): Promise<void> {
  await database.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
