import { createExternalStore } from './externalStore';

/**
 * What the browser tells us about the app's storage. `persisted` means the browser promised not
 * to evict the app's data under storage pressure: without it, notes written offline that have not
 * reached the server could be wiped by the browser, so the user is told when it was refused.
 */
export interface StorageStatus {
  /** 'unsupported' where the StorageManager API is missing (old Safari, insecure origin). */
  persistence: 'granted' | 'denied' | 'unknown' | 'unsupported';
  usageBytes?: number;
  quotaBytes?: number;
}

export const storageStatus = createExternalStore<StorageStatus>({ persistence: 'unknown' });

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/**
 * Asks the browser to keep the app's data (Chromium decides silently from site engagement and
 * installation; Firefox may prompt). Safe to call repeatedly: once granted it stays granted.
 */
export async function requestPersistentStorage(): Promise<StorageStatus['persistence']> {
  const manager = storageManager();
  if (!manager?.persist || !manager.persisted) {
    storageStatus.update((s) => ({ ...s, persistence: 'unsupported' }));
    return 'unsupported';
  }
  const granted = (await manager.persisted()) || (await manager.persist());
  const persistence = granted ? 'granted' : 'denied';
  storageStatus.update((s) => ({ ...s, persistence }));
  return persistence;
}

/** Re-reads usage and quota (cheap; call after start and after big syncs). */
export async function refreshStorageEstimate(): Promise<void> {
  const manager = storageManager();
  if (!manager?.estimate) return;
  const { usage, quota } = await manager.estimate();
  storageStatus.update((s) => ({ ...s, usageBytes: usage, quotaBytes: quota }));
}

/** Share of the quota in use, 0..1, or undefined when unknown. */
export function usageRatio(status: StorageStatus): number | undefined {
  if (status.usageBytes === undefined || !status.quotaBytes) return undefined;
  return status.usageBytes / status.quotaBytes;
}
