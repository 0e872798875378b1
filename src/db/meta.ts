import { newId } from '../domain';
import { db } from './database';

export async function getMeta<T>(key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** This device's id, made once and kept: mutations carry it so the server can tell devices apart. */
export async function getDeviceId(): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta<string>('deviceId');
    if (existing) return existing;
    const id = newId();
    await setMeta('deviceId', id);
    return id;
  });
}
