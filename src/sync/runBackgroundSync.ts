// Only what runs in the service worker too (no window, no document).
import { SW_SYNC_REQUEST } from './backgroundSync';

export { BACKGROUND_SYNC_TAG } from './backgroundSync';

interface ClientLike {
  postMessage: (message: unknown) => void;
}

/**
 * What the service worker does when the browser fires Background Sync: the outbox is sealed and
 * the data key lives only in unlocked pages, so the worker cannot sync by itself. It asks every
 * open page to sync; a locked page ignores it (its engine is not running), and with no page open
 * nothing happens — the next unlock syncs at once.
 */
export async function runBackgroundSync(
  clients: () => Promise<readonly ClientLike[]>,
): Promise<void> {
  for (const client of await clients()) client.postMessage({ type: SW_SYNC_REQUEST });
}
