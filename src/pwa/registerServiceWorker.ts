import type { Workbox } from 'workbox-window';
import { offlineReadiness, updateState } from './updateState';

/** How often an open app asks the server for a new version (1 hour), besides on focus. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let workbox: Workbox | undefined;
/** Set only when the user asked for the update: a new worker taking control never reloads by itself. */
let reloadWhenControlling = false;

export function serviceWorkerSupported(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && 'serviceWorker' in navigator;
}

/**
 * Registers /sw.js in production builds (in development Vite serves modules the worker would
 * wrongly cache). A new version is announced through `updateState` ('available'), never applied
 * by itself. Returns undefined where service workers are unavailable; the app then works online.
 * workbox-window is loaded here, after the first screen, not with it.
 */
export async function registerServiceWorker(): Promise<Workbox | undefined> {
  if (!import.meta.env.PROD || !serviceWorkerSupported()) return undefined;
  if (workbox) return workbox;
  const container = navigator.serviceWorker;
  const readReadiness = () => offlineReadiness.set(container.controller ? 'ready' : 'preparing');
  readReadiness();
  container.addEventListener('controllerchange', readReadiness);
  const { Workbox } = await import('workbox-window');
  if (workbox) return workbox;
  const wb = new Workbox('/sw.js');
  workbox = wb;
  wb.addEventListener('waiting', () => {
    if (updateState.get() === 'current') updateState.set('available');
  });
  wb.addEventListener('controlling', (event) => {
    // The very first worker claims the page it was installed from (so lazily loaded screens
    // come from its cache offline): that is no new version, nothing to offer.
    if (!event.isUpdate) return;
    if (reloadWhenControlling) {
      window.location.reload();
      return;
    }
    // Another tab applied the update: this page still runs the old code, so offer the reload.
    updateState.set('available');
  });
  wb.register().catch((error: unknown) => {
    console.error('Service worker registration failed; the app works online only', error);
  });
  const check = (): void => {
    wb.update().catch((error: unknown) => {
      // Offline or the server is down: the next check (focus or timer) tries again.
      console.info('Update check failed', error);
    });
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  return wb;
}

/**
 * Lets the waiting worker take over and reloads once it controls the page. Call only on the
 * user's request (the update button). Without a waiting worker (another tab already activated
 * it) a plain reload loads the new version.
 */
export async function applyUpdate(): Promise<void> {
  updateState.set('applying');
  const registration = serviceWorkerSupported()
    ? await navigator.serviceWorker.getRegistration()
    : undefined;
  const waiting = registration?.waiting;
  if (!waiting) {
    window.location.reload();
    return;
  }
  reloadWhenControlling = true;
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
