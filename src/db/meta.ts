import { newId } from '../domain';
import { db, type FremskudtDb } from './database';

interface MetaValue {
  value?: unknown;
}

/** A meta value (unsealed when it was stored sealed). */
export async function getMeta<T>(key: string, database: FremskudtDb = db): Promise<T | undefined> {
  const row = await database.meta.get(key);
  const entry = await database.unseal<MetaValue>('meta', row);
  return entry?.value as T | undefined;
}

/**
 * Stores a meta value, sealed unless `clear` (only for values that say nothing about anyone:
 * the device id, the sync cursor). Seals before writing; not for use inside a transaction.
 */
export async function setMeta(
  key: string,
  value: unknown,
  options: { clear?: boolean; database?: FremskudtDb } = {},
): Promise<void> {
  const database = options.database ?? db;
  const row = options.clear ? { key, value } : await database.seal('meta', { key, value });
  await database.meta.put(row);
}

/**
 * When this store last finished a whole sync cycle (ISO), kept so the header can say
 * "Synkroniseret for 2 timer siden" after a reload or in another tab, offline too. Clear, like the
 * cursor: a time says nothing about anyone.
 */
export const LAST_SYNC_KEY = 'lastSyncAt';

export async function readLastSync(database: FremskudtDb = db): Promise<string | null> {
  const value = await getMeta<unknown>(LAST_SYNC_KEY, database);
  return typeof value === 'string' ? value : null;
}

export async function recordLastSync(at: Date, database: FremskudtDb = db): Promise<void> {
  await setMeta(LAST_SYNC_KEY, at.toISOString(), { clear: true, database });
}

/** This device's id, made once and kept: mutations carry it so the server can tell devices apart. */
export async function getDeviceId(database: FremskudtDb = db): Promise<string> {
  return database.transaction('rw', database.meta, async () => {
    const existing = await database.meta.get('deviceId');
    if (typeof existing?.value === 'string') return existing.value;
    const id = newId();
    await database.meta.put({ key: 'deviceId', value: id });
    return id;
  });
}
