import type { UserProfile } from '../domain';
import { db } from './database';
import { getMeta, setMeta } from './meta';

/**
 * The signed-in caseworker, kept sealed in the user's store (db.meta `session`) so the app works
 * offline after the first login; the token never sits in clear on the device.
 */
export interface Session {
  token: string;
  user: UserProfile;
  expiresAt: string;
}

export const SESSION_KEY = 'session';

export function getSession(): Promise<Session | undefined> {
  return getMeta<Session>(SESSION_KEY);
}

export function setSession(session: Session): Promise<void> {
  return setMeta(SESSION_KEY, session);
}

/** Empties every table of the current store (tests; a wipe deletes the whole database instead). */
export async function clearLocalData(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
