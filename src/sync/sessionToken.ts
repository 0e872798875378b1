import type { FremskudtDb } from '../db';

/**
 * The bearer token of the session stored in db.meta `session` ({token, user, expiresAt}), read
 * on every request so a new login in any tab is used at once, and so the service worker can sync
 * with no page open.
 */
export async function sessionToken(db: FremskudtDb): Promise<string | undefined> {
  const row = await db.meta.get('session');
  const value: unknown = row?.value;
  if (typeof value !== 'object' || value === null || !('token' in value)) return undefined;
  return typeof value.token === 'string' ? value.token : undefined;
}
