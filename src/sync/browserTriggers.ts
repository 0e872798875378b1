import { SW_SYNC_REQUEST } from './backgroundSync';
import type { SyncTrigger } from './syncEngine';
import type { SyncStatusStore } from './syncStatus';

/** Messages between the page and the service worker about syncing. */
export { SW_SYNC_REQUEST };
export const SW_SYNC_DONE = 'fremskudt-sync-done';

/**
 * Wires the browser's hints to the engine: `online`, `offline`, the tab becoming visible, and a
 * message from the service worker. In Node (tests) there is no window and nothing is attached.
 */
export function attachBrowserTriggers(
  trigger: (reason: SyncTrigger) => void,
  status: SyncStatusStore,
): () => void {
  const win = typeof window === 'undefined' ? null : window;
  if (!win) return () => undefined;
  const onOnline = () => trigger('online');
  const onOffline = () => status.dispatch({ type: 'connectivity', connectivity: 'offline' });
  const onVisible = () => {
    if (document.visibilityState === 'visible') trigger('visible');
  };
  const onMessage = (event: MessageEvent) => {
    const type = (event.data as { type?: unknown } | null)?.type;
    if (type === SW_SYNC_REQUEST || type === SW_SYNC_DONE) trigger('background-sync');
  };
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  sw?.addEventListener('message', onMessage);
  return () => {
    win.removeEventListener('online', onOnline);
    win.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
    sw?.removeEventListener('message', onMessage);
  };
}

/** navigator.onLine where there is one: `false` is trustworthy, `true` only means "maybe". */
export function browserSaysOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}
