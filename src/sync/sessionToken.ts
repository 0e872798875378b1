import { SESSION_KEY, getMeta, type FremskudtDb } from '../db';

/**
 * The bearer token of the session sealed in the user's store (db.meta `session`: {token, user,
 * expiresAt}), read on every request so a new login in any tab is used at once. Needs the store
 * unlocked (it is sealed).
 */
export async function sessionToken(db: FremskudtDb): Promise<string | undefined> {
  const value = await getMeta<unknown>(SESSION_KEY, db);
  if (typeof value !== 'object' || value === null || !('token' in value)) return undefined;
  return typeof value.token === 'string' ? value.token : undefined;
}
