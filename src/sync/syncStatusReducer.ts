/**
 * The sync status as a pure reducer: the engine reports events, the UI renders a snapshot.
 * Counts of pending and refused changes are NOT here — hooks read them live from IndexedDB, so
 * every tab shows the same numbers even when another tab does the syncing.
 */
export type Connectivity = 'unknown' | 'online' | 'offline';

export type SyncPhase =
  | { kind: 'idle' }
  | { kind: 'pushing'; done: number; total: number }
  | { kind: 'pulling'; done: number; total: number };

export interface SyncErrorInfo {
  code: string;
  message: string;
}

export interface SyncStatus {
  connectivity: Connectivity;
  phase: SyncPhase;
  /** Conflicts the server reported for this device's changes since the app started. */
  conflictsSeen: number;
  lastSuccessAt: string | null;
  lastError: SyncErrorInfo | null;
  /** When the next automatic retry is due after a failure (ISO), or null. */
  nextRetryAt: string | null;
  /** The server refused the token: sync waits for a new login; the outbox is kept. */
  unauthorized: boolean;
  /** The server speaks a newer protocol: sync stops until the app is updated. */
  updateRequired: boolean;
}

export type SyncEvent =
  | { type: 'connectivity'; connectivity: Connectivity }
  | { type: 'phase'; phase: SyncPhase }
  | { type: 'succeeded'; at: string; conflicts: number }
  | { type: 'failed'; error: SyncErrorInfo; nextRetryAt: string | null; offline: boolean }
  | { type: 'unauthorized'; error: SyncErrorInfo }
  | { type: 'update-required'; error: SyncErrorInfo }
  | { type: 'session-renewed' };

export const INITIAL_SYNC_STATUS: SyncStatus = {
  connectivity: 'unknown',
  phase: { kind: 'idle' },
  conflictsSeen: 0,
  lastSuccessAt: null,
  lastError: null,
  nextRetryAt: null,
  unauthorized: false,
  updateRequired: false,
};

export function syncStatusReducer(state: SyncStatus, event: SyncEvent): SyncStatus {
  switch (event.type) {
    case 'connectivity':
      return { ...state, connectivity: event.connectivity };
    case 'phase':
      return { ...state, phase: event.phase };
    case 'succeeded':
      return {
        ...state,
        connectivity: 'online',
        phase: { kind: 'idle' },
        conflictsSeen: state.conflictsSeen + event.conflicts,
        lastSuccessAt: event.at,
        lastError: null,
        nextRetryAt: null,
        unauthorized: false,
      };
    case 'failed':
      return {
        ...state,
        connectivity: event.offline ? 'offline' : 'online',
        phase: { kind: 'idle' },
        lastError: event.error,
        nextRetryAt: event.nextRetryAt,
      };
    case 'unauthorized':
      // The server answered, so we are online; we just may not talk to it until a new login.
      return {
        ...state,
        connectivity: 'online',
        phase: { kind: 'idle' },
        unauthorized: true,
        lastError: event.error,
        nextRetryAt: null,
      };
    case 'update-required':
      return {
        ...state,
        connectivity: 'online',
        phase: { kind: 'idle' },
        updateRequired: true,
        lastError: event.error,
        nextRetryAt: null,
      };
    case 'session-renewed':
      return { ...state, unauthorized: false, lastError: null };
  }
}

/** What the header shows, most important first: one case per message the caseworker can read. */
export type SyncView =
  | { kind: 'update-required' }
  | { kind: 'unauthorized' }
  | { kind: 'syncing'; phase: Exclude<SyncPhase, { kind: 'idle' }> }
  | { kind: 'offline'; lastSuccessAt: string | null }
  | { kind: 'error'; error: SyncErrorInfo; nextRetryAt: string | null }
  | { kind: 'synced'; lastSuccessAt: string }
  | { kind: 'not-yet-synced' };

export function describeSyncStatus(status: SyncStatus, browserOnline = true): SyncView {
  if (status.updateRequired) return { kind: 'update-required' };
  if (status.unauthorized) return { kind: 'unauthorized' };
  if (status.phase.kind !== 'idle') return { kind: 'syncing', phase: status.phase };
  if (!browserOnline || status.connectivity === 'offline') {
    return { kind: 'offline', lastSuccessAt: status.lastSuccessAt };
  }
  if (status.lastError) {
    return { kind: 'error', error: status.lastError, nextRetryAt: status.nextRetryAt };
  }
  if (status.lastSuccessAt) return { kind: 'synced', lastSuccessAt: status.lastSuccessAt };
  return { kind: 'not-yet-synced' };
}
