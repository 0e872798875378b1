import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema';

/**
 * Runs `work` in a transaction of its own, or in the caller's when `db` already is one (Kysely
 * has no nested transactions): the demo seed runs every write of its own in one transaction
 * (demo/seedDemo.ts), and the services it calls then join it and commit with it.
 */
export function joinTransaction<T>(
  db: Kysely<Schema>,
  work: (trx: Transaction<Schema>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Schema>);
  return db.transaction().execute(work);
}
