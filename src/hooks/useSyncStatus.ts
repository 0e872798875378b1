import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { readLastSync } from '../db';
import { countPendingIn, countRejectedIn } from '../sync/outboxQueries';
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

/** The later of two ISO times (either may be missing). */
function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * The engine's status plus live outbox counts, for the header and the settings page. The last
 * successful sync is the later of this page's engine and the time stored by whichever page
 * synced last (after a reload, or in another tab), so a reload never says "not synced yet".
 */
export function useSyncStatus(): SyncStatusView {
  const status = useSyncExternalStore(syncStatus.subscribe, syncStatus.getSnapshot);
  const pending = useLiveQuery(() => countPendingIn(), []);
  const rejected = useLiveQuery(() => countRejectedIn(), []);
  const stored = useLiveQuery(() => readLastSync(), [], LOADING);
  const historyLoaded = stored !== LOADING;
  return {
    ...status,
    lastSuccessAt: latest(status.lastSuccessAt, historyLoaded ? stored : null),
    pending,
    rejected,
    historyLoaded,
  };
}
