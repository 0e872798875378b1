import { db as appDb, type FremskudtDb } from '../db';
import { createApiClient } from './apiClient';
import { SW_SYNC_DONE } from './browserTriggers';
import { sessionToken } from './sessionToken';
import { isNoAnswer, toSyncFailure } from './syncError';
import { syncLockName, withSyncLock } from './syncLock';
import { syncOnce } from './syncOnce';

export { BACKGROUND_SYNC_TAG } from './backgroundSync';

interface ClientLike {
  postMessage: (message: unknown) => void;
}

/**
 * One push + pull from the service worker when the browser fires Background Sync — possibly with
 * no tab open. Same engine code and lock as the pages, token from db.meta `session`.
 * Rejects when the server could not be reached, so the browser schedules another attempt; other
 * failures resolve (retrying them blindly would not help; the next page visit reports them).
 */
export async function runBackgroundSync(
  clients: () => Promise<readonly ClientLike[]>,
  db: FremskudtDb = appDb,
): Promise<void> {
  const token = await sessionToken(db);
  if (!token) return;
  const api = createApiClient({ token: () => sessionToken(db) });
  try {
    const outcome = await withSyncLock(syncLockName(db.name), () => syncOnce({ db, api }));
    // A page holding the lock is syncing already; nothing to do here.
    if (!outcome.ran) return;
  } catch (error) {
    const failure = toSyncFailure(error);
    if (isNoAnswer(failure.code)) throw error;
    console.warn('Background sync failed', failure);
    return;
  }
  for (const client of await clients()) client.postMessage({ type: SW_SYNC_DONE });
}
