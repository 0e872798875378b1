import { createExternalStore } from './externalStore';

/**
 * The app-update lifecycle as the UI sees it:
 * - 'current': nothing to do;
 * - 'available': a new service worker is installed and waiting; the user decides when to reload;
 * - 'applying': the user asked; we wait for the new worker to take control, then reload.
 */
export type UpdateState = 'current' | 'available' | 'applying';

export const updateState = createExternalStore<UpdateState>('current');
