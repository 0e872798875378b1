import { registerServiceWorker } from './registerServiceWorker';
import { refreshStorageEstimate, requestPersistentStorage } from './storageStatus';

let started = false;

/**
 * Start-up of the PWA layer, called once from main.tsx: registers the service worker (production
 * builds), asks for persistent storage and reads the storage estimate. Idempotent.
 */
export function startPwa(): void {
  if (started) return;
  started = true;
  registerServiceWorker();
  requestPersistentStorage()
    .then(refreshStorageEstimate)
    .catch((error: unknown) => {
      console.warn('Could not read the storage status', error);
    });
}
