import { db as appDb, listRejected, type FremskudtDb, type OutboxEntry } from '../db';

/** Changes the server refused: the "needs attention" list, oldest first. Never discarded. */
export function listRejectedIn(db: FremskudtDb = appDb): Promise<OutboxEntry[]> {
  return listRejected(db);
}

export function countRejectedIn(db: FremskudtDb = appDb): Promise<number> {
  return db.outbox.where('state').equals('rejected').count();
}

/** How many of a record's changes exist only on this device (pending or refused). */
export function countUnsyncedOfRecord(recordId: string, db: FremskudtDb = appDb): Promise<number> {
  return db.outbox.where('recordId').equals(recordId).count();
}
