import { FremskudtDb } from '../../src/db/database';
import type { StoredRow } from '../../src/db/vault/rowCodec';
import { createSealer } from '../../src/db/vault/sealer';
import { generateDataKey } from '../../src/db/vault/webCrypto';

/** A user store with a fresh random data key, as after an unlock (no password derivation). */
export async function sealedDb(name: string): Promise<FremskudtDb> {
  return new FremskudtDb(name, createSealer(await generateDataKey()));
}

/** A record as the app sees it (unsealed), read straight from a table. */
export async function readRecord<T>(
  db: FremskudtDb,
  table: string,
  id: string | number,
): Promise<T | undefined> {
  return db.unseal<T>(table, await db.table<StoredRow, string | number>(table).get(id));
}

/** Every record of a table as the app sees it (unsealed), in primary-key order. */
export async function readAll<T>(db: FremskudtDb, table: string): Promise<T[]> {
  return db.unsealAll<T>(table, await db.table<StoredRow>(table).toArray());
}
