import { registerServiceWorker } from './registerServiceWorker';
import { refreshStorageEstimate, requestPersistentStorage } from './storageStatus';

/** How often the shown storage usage is re-read (5 minutes): syncs and notes make it grow. */
const ESTIMATE_REFRESH_MS = 5 * 60 * 1000;

let started = false;

function logFailure(error: unknown): void {
  console.warn('Could not read the storage status', error);
}

/**
 * Start-up of the PWA layer, called once from main.tsx: registers the service worker (production
 * builds), asks for persistent storage and keeps the storage estimate fresh. Idempotent.
 */
export function startPwa(): void {
  if (started) return;
  started = true;
  registerServiceWorker().catch((error: unknown) => {
    console.error('Service worker registration failed; the app works online only', error);
  });
  requestPersistentStorage().then(refreshStorageEstimate).catch(logFailure);
  setInterval(() => {
    refreshStorageEstimate().catch(logFailure);
  }, ESTIMATE_REFRESH_MS);
}
