import { toDbError } from '../db';
import { ApiError } from './apiClient';

/**
 * Why a sync cycle stopped, as a machine-readable code plus a message. Request failures keep the
 * ApiError codes (`network`, `timeout`, `unauthorized`, `protocol-outdated`, …); `aborted` means
 * the engine was stopped mid-cycle (a closing tab), which is not a failure to report.
 */
export type SyncErrorCode = ApiError['code'] | 'aborted' | 'local-storage' | 'storage-full';

export interface SyncFailure {
  code: SyncErrorCode;
  message: string;
}

export function toSyncFailure(error: unknown): SyncFailure {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { code: 'aborted', message: 'Sync was stopped' };
  }
  // A full disk while applying pulled changes must say so, not hide behind a generic failure.
  const local = toDbError(error);
  return {
    code: local.code === 'storage-full' ? 'storage-full' : 'local-storage',
    message: local.message,
  };
}

/** No answer at all: the device is (as far as we can tell) offline. */
export function isNoAnswer(code: SyncErrorCode): boolean {
  return code === 'network' || code === 'timeout';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Sync was stopped', 'AbortError');
}
