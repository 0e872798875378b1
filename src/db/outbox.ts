import { db, TABLE_OF, type FremskudtDb, type OutboxEntry } from './database';
import type { StoredRow } from './vault/rowCodec';

/** Changes not yet acknowledged by the server, waiting to be sent. Works offline. */
export function countPending(database: FremskudtDb = db): Promise<number> {
  return database.outbox.where('state').equals('pending').count();
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

/** A change not yet acknowledged (waiting, or refused), with the citizen it concerns if any. */
export interface UnsentChange {
  entry: OutboxEntry;
  citizenId?: string;
}

/**
 * Every change on this device the server has not acknowledged, oldest first, each with the
 * citizen it is about: the record itself for a citizen, else the change's own citizenId or the
 * stored record's (a clear index field, so nothing else is unsealed for it).
 */
export async function listUnsent(database: FremskudtDb = db): Promise<UnsentChange[]> {
  const entries = await openOutbox(await database.outbox.orderBy('seq').toArray(), database);
  return Promise.all(
    entries.map(async (entry): Promise<UnsentChange> => {
      if (entry.entity === 'citizen') return { entry, citizenId: entry.recordId };
      const own = entry.fields.citizenId;
      if (typeof own === 'string') return { entry, citizenId: own };
      const row = await database
        .table<StoredRow, string>(TABLE_OF[entry.entity])
        .get(entry.recordId);
      return typeof row?.citizenId === 'string' ? { entry, citizenId: row.citizenId } : { entry };
    }),
  );
}
