import { newId } from '../domain';
import type { FremskudtDb } from '../db';

/**
 * The device id kept in this database's meta table (the same key `getDeviceId()` in src/db/meta.ts
 * uses for the app's database); made once. Takes the database so tests can run several devices.
 */
export async function deviceIdOf(db: FremskudtDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('deviceId');
    if (typeof existing?.value === 'string') return existing.value;
    const id = newId();
    await db.meta.put({ key: 'deviceId', value: id });
    return id;
  });
}
