/** The Background Sync tag: the service worker pushes and pulls when the browser fires it. */
export const BACKGROUND_SYNC_TAG = 'fremskudt-outbox';

/** The service worker's message asking an open, unlocked page to sync. */
export const SW_SYNC_REQUEST = 'fremskudt-sync-request';

interface SyncManagerLike {
  register: (tag: string) => Promise<void>;
}

/**
 * Asks the browser to wake the service worker for a sync once it is online, even if this tab is
 * closed by then (Chromium has Background Sync; elsewhere this does nothing and the engine's own
 * triggers cover it).
 */
export async function registerBackgroundSync(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.getRegistration();
  const sync = (registration as { sync?: SyncManagerLike } | undefined)?.sync;
  if (!sync) return false;
  await sync.register(BACKGROUND_SYNC_TAG);
  return true;
}
