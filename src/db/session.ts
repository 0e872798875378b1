import type { UserProfile } from '../domain';
import { db } from './database';
import { getMeta, setMeta } from './meta';

/** The signed-in caseworker, kept in db.meta so the app works offline after the first login. */
export interface Session {
  token: string;
  user: UserProfile;
  expiresAt: string;
}

const SESSION_KEY = 'session';

export function getSession(): Promise<Session | undefined> {
  return getMeta<Session>(SESSION_KEY);
}

export function setSession(session: Session): Promise<void> {
  return setMeta(SESSION_KEY, session);
}

/**
 * Log out: wipes every local table (records, outbox, drafts, meta incl. session and device id).
 * Changes still in the outbox are lost with it; the UI warns before calling this.
 */
export async function clearLocalData(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
