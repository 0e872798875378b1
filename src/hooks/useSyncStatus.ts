import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { readLastSync } from '../db';
import { countRejectedIn } from '../sync/outboxQueries';
import { usePendingCount } from './usePendingCount';
import { syncStatus, type SyncStatus } from '../sync/syncStatus';

export interface SyncStatusView extends SyncStatus {
  /** Changes waiting to be sent, live from IndexedDB (every tab sees the same); undefined while loading. */
  pending: number | undefined;
  /** Changes the server refused, waiting on the needs-attention page. */
  rejected: number | undefined;
  /** False until the stored time of the last sync has been read: say nothing about it before. */
  historyLoaded: boolean;
}

const LOADING = Symbol('loading');

/**
 * The engine's status plus live outbox counts, for the header and the settings page. The last
 * successful sync is the time stored by whichever page synced last (this one, another tab, the
 * page before a reload), so a reload never says "not synced yet"; a cycle stores it before its
 * engine reports success, so this page's own time is never the later one. Until the stored time
 * is read, the engine's own stands in.
 */
export function useSyncStatus(): SyncStatusView {
  const status = useSyncExternalStore(syncStatus.subscribe, syncStatus.getSnapshot);
  const pending = usePendingCount();
  const rejected = useLiveQuery(() => countRejectedIn(), []);
  const stored = useLiveQuery(() => readLastSync(), [], LOADING);
  const historyLoaded = stored !== LOADING;
  return {
    ...status,
    lastSuccessAt: (historyLoaded ? stored : null) ?? status.lastSuccessAt,
    pending,
    rejected,
    historyLoaded,
  };
}
