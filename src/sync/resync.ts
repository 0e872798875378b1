import type { FremskudtDb } from '../db';
import { TABLE_OF } from '../db';
import { SYNC_CURSOR_KEY, SYNC_NEXT_CURSOR_KEY } from './applyPulledPage';

/**
 * Prepares a full resynchronisation after the server answered `resync-required` (the device was
 * offline longer than the change log's horizon): forgets the cursor and every local copy of a
 * record, except records with a change of this device still pending. The outbox (pending and
 * refused) and the drafts stay: nothing written on the device is lost, and the sync pushes the
 * outbox before it pulls, so it reaches the server first. The next pull then starts from the
 * beginning and brings the current state, without whatever was deleted, moved or erased since.
 */
export async function resetForResync(db: FremskudtDb): Promise<void> {
  const tables = [...new Set(Object.values(TABLE_OF))];
  await db.transaction('rw', [db.outbox, db.meta, ...tables.map((t) => db.table(t))], async () => {
    const pending = new Set(
      (await db.outbox.where('state').equals('pending').toArray()).map((r) => String(r.recordId)),
    );
    for (const name of tables) {
      const keys = (await db.table(name).toCollection().primaryKeys()) as string[];
      await db.table(name).bulkDelete(keys.filter((k) => !pending.has(k)));
    }
    await db.meta.bulkDelete([SYNC_CURSOR_KEY, SYNC_NEXT_CURSOR_KEY]);
  });
}
