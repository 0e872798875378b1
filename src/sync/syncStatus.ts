import {
  INITIAL_SYNC_STATUS,
  syncStatusReducer,
  type SyncEvent,
  type SyncStatus,
} from './syncStatusReducer';

/** A tiny observable store for `useSyncExternalStore`: no React, no zustand needed here. */
export interface SyncStatusStore {
  getSnapshot: () => SyncStatus;
  subscribe: (listener: () => void) => () => void;
  dispatch: (event: SyncEvent) => void;
  /** Back to the status of a page that just loaded (the unit tests start every file here). */
  reset: () => void;
}

export function createSyncStatusStore(initial: SyncStatus = INITIAL_SYNC_STATUS): SyncStatusStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(event) {
      const next = syncStatusReducer(state, event);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    reset() {
      if (state === initial) return;
      state = initial;
      for (const listener of listeners) listener();
    },
  };
}

/** The app's sync status (one per page); tests give each simulated device its own store. */
export const syncStatus = createSyncStatusStore();

export * from './syncStatusReducer';
