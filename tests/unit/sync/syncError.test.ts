import { describe, expect, it } from 'vitest';
import { DbError } from '../../../src/db';
import { ApiError } from '../../../src/sync/apiClient';
import { toSyncFailure } from '../../../src/sync/syncError';

describe('why a sync cycle stopped', () => {
  it('names a full disk while applying pulled changes as storage-full, also when Dexie wraps it', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const wrapped = Object.assign(new Error('abort'), { name: 'AbortError', inner: quota });
    expect(toSyncFailure(wrapped).code).toBe('storage-full');
    expect(toSyncFailure(new DbError('storage-full', 'full')).code).toBe('storage-full');
  });

  it('keeps the server’s and the network’s codes, and calls other local failures local-storage', () => {
    expect(toSyncFailure(new ApiError('network', 'offline')).code).toBe('network');
    expect(toSyncFailure(new Error('disk broke')).code).toBe('local-storage');
  });
});
