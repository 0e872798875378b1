import { createExternalStore } from './externalStore';

/**
 * Storage problems the user must see. The db layer throws DbError('storage-full') on a
 * QuotaExceededError; whoever catches it calls `reportStorageFull()` and <PwaStatus/> shows a
 * role="alert" message until the user dismisses it.
 */
export interface StorageAlertState {
  storageFull: boolean;
  /** When the last report came in (ISO), so a repeated failure is visibly new. */
  reportedAt?: string;
}

export const storageAlerts = createExternalStore<StorageAlertState>({ storageFull: false });

export function reportStorageFull(now: Date = new Date()): void {
  storageAlerts.set({ storageFull: true, reportedAt: now.toISOString() });
}

export function dismissStorageAlert(): void {
  storageAlerts.set({ storageFull: false });
}

/**
 * Convenience for catch blocks: reports the error if it is a storage-full DbError (or a raw
 * QuotaExceededError) and tells the caller whether it did.
 */
export function reportIfStorageFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : null;
  if (code !== 'storage-full' && name !== 'QuotaExceededError') return false;
  reportStorageFull();
  return true;
}
