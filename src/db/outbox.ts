import { db, type FremskudtDb, type OutboxEntry } from './database';
import type { StoredRow } from './vault/rowCodec';

export function countPending(): Promise<number> {
  return db.outbox.where('state').equals('pending').count();
}

/** Outbox rows as entries (fields unsealed); call after the IndexedDB read. */
export function openOutbox(rows: readonly StoredRow[], database: FremskudtDb = db) {
  return database.unsealAll<OutboxEntry>('outbox', rows);
}

/** The "needs attention" list: mutations the server refused, kept until fixed and resent. */
export async function listRejected(database: FremskudtDb = db): Promise<OutboxEntry[]> {
  const rows = await database.outbox.where('state').equals('rejected').sortBy('seq');
  return openOutbox(rows, database);
}

/** Pending and refused changes together: what logging out would lose. */
export function countUnsent(database: FremskudtDb = db): Promise<number> {
  return database.outbox.count();
}

/** Record ids with changes the server has not yet acknowledged ("kun på denne enhed"). */
export async function unsyncedRecordIds(): Promise<Set<string>> {
  const keys = await db.outbox.orderBy('recordId').uniqueKeys();
  return new Set(keys.map(String));
}
