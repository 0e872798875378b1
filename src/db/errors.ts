/** Errors from the local database, with a machine-readable code the UI translates. */
export type DbErrorCode =
  | 'invalid-fields'
  | 'not-found'
  | 'note-final-immutable'
  | 'storage-full'
  | 'storage-failed'
  /** No user has unlocked the store (or it was locked meanwhile): nothing can be read or written. */
  | 'locked'
  /** A read-modify-write kept finding the record changed under it (another tab, the sync). */
  | 'changed-concurrently'
  /** Offline unlock: the password does not open this profile's data key. */
  | 'wrong-password'
  /** The password changed and no device secret opens the old key: the store is unreadable. */
  | 'key-unavailable';

export class DbError extends Error {
  override readonly name = 'DbError';
  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly issues: readonly unknown[] = [],
  ) {
    super(message);
  }
}

/**
 * Turns a failed IndexedDB write into a DbError. A full disk (QuotaExceededError, also when Dexie
 * wraps it as the inner error of an AbortError) must reach the user, never vanish.
 */
export function toDbError(error: unknown): DbError {
  if (error instanceof DbError) return error;
  const names: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e === 'object' && 'name' in e && typeof e.name === 'string') names.push(e.name);
    e = typeof e === 'object' && e !== null && 'inner' in e ? e.inner : undefined;
  }
  if (names.includes('QuotaExceededError')) {
    return new DbError('storage-full', "The device has no room left for the app's data");
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DbError('storage-failed', message);
}
