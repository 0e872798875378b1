import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { countPendingIn, countRejectedIn } from '../sync/outboxQueries';
import { syncStatus, type SyncStatus } from '../sync/syncStatus';

export interface SyncStatusView extends SyncStatus {
  /** Changes waiting to be sent, live from IndexedDB (every tab sees the same); undefined while loading. */
  pending: number | undefined;
  /** Changes the server refused, waiting on the needs-attention page. */
  rejected: number | undefined;
}

/** The engine's status plus live outbox counts, for the header and the settings page. */
export function useSyncStatus(): SyncStatusView {
  const status = useSyncExternalStore(syncStatus.subscribe, syncStatus.getSnapshot);
  const pending = useLiveQuery(() => countPendingIn(), []);
  const rejected = useLiveQuery(() => countRejectedIn(), []);
  return { ...status, pending, rejected };
}
