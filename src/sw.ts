/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { BACKGROUND_SYNC_TAG, runBackgroundSync } from './sync/runBackgroundSync';

declare const self: ServiceWorkerGlobalScope;

// The app shell: every built asset, so the installed app opens with the network off.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every in-app route is served the precached index.html; the API is never cached.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/healthz/],
  }),
);

// The very first version takes control of the page it was installed from, so that screens loaded
// later (lazy chunks) come from the cache when the network is gone before the next reload. Only
// when no older version runs: a page on an older version is never switched under the user.
let firstInstall = false;
self.addEventListener('install', () => {
  firstInstall = self.registration.active === null;
});
self.addEventListener('activate', (event) => {
  if (firstInstall) event.waitUntil(self.clients.claim());
});

// A new version waits until the app asks it to take over (never while a note is being written).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync: the browser wakes us once it is online after a local write,
// even with every tab closed; we push the outbox and pull, with the same engine code and lock.
// The Background Sync event is not in TypeScript's webworker library yet.
interface BackgroundSyncEvent extends ExtendableEvent {
  readonly tag: string;
}
declare global {
  interface ServiceWorkerGlobalScopeEventMap {
    sync: BackgroundSyncEvent;
  }
}
self.addEventListener('sync', (event) => {
  if (event.tag !== BACKGROUND_SYNC_TAG) return;
  event.waitUntil(
    runBackgroundSync(() => self.clients.matchAll({ type: 'window', includeUncontrolled: true })),
  );
});
