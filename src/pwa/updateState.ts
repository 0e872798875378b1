import { createExternalStore } from './externalStore';

/**
 * The app-update lifecycle as the UI sees it:
 * - 'current': nothing to do;
 * - 'available': a new service worker is installed and waiting; the user decides when to reload;
 * - 'applying': the user asked; we wait for the new worker to take control, then reload.
 */
export type UpdateState = 'current' | 'available' | 'applying';

export const updateState = createExternalStore<UpdateState>('current');

/**
 * Can this page work without a network: 'unsupported' (no service worker here: a development
 * build or an insecure origin), 'preparing' (the first worker is still storing the app, or does
 * not control this page yet: a screen not opened before would not load offline), 'ready' (a
 * worker controls the page; it installs only once every screen's code is in its cache).
 */
export type OfflineReadiness = 'unsupported' | 'preparing' | 'ready';

export const offlineReadiness = createExternalStore<OfflineReadiness>('unsupported');
