import { afterEach, describe, expect, it } from 'vitest';
import { DbError } from '../../../src/db';
import {
  dismissStorageAlert,
  reportIfStorageFull,
  storageAlerts,
} from '../../../src/pwa/storageAlerts';

afterEach(dismissStorageAlert);

describe('storage alerts', () => {
  it('raises the alert for a storage-full database error and for a raw QuotaExceededError', () => {
    expect(reportIfStorageFull(new DbError('storage-full', 'full'))).toBe(true);
    expect(storageAlerts.get().storageFull).toBe(true);
    dismissStorageAlert();
    expect(reportIfStorageFull(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(storageAlerts.get().storageFull).toBe(true);
  });

  it('leaves other errors to their own handling', () => {
    expect(reportIfStorageFull(new DbError('not-found', 'gone'))).toBe(false);
    expect(reportIfStorageFull(new Error('boom'))).toBe(false);
    expect(storageAlerts.get().storageFull).toBe(false);
  });
});
