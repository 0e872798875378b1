import { db, type OutboxEntry } from './database';

export function countPending(): Promise<number> {
  return db.outbox.where('state').equals('pending').count();
}

/** The "needs attention" list: mutations the server refused, kept until fixed and resent. */
export function listRejected(): Promise<OutboxEntry[]> {
  return db.outbox.where('state').equals('rejected').sortBy('seq');
}

/** Record ids with changes the server has not yet acknowledged ("kun på denne enhed"). */
export async function unsyncedRecordIds(): Promise<Set<string>> {
  const keys = await db.outbox.orderBy('recordId').uniqueKeys();
  return new Set(keys.map(String));
}
