import { newId } from '../domain';
import {
  TABLE_OF,
  db as appDb,
  retryWhileChanged,
  sameRow,
  type FremskudtDb,
  type OutboxEntry,
  type StoredRow,
} from '../db';

/**
 * Puts a refused change back in the queue, optionally with corrected field values (the fix the
 * caseworker typed on the needs-attention page). The local record gets the same corrections in
 * the same transaction, so what the screen shows is what will be sent. Nothing is discarded.
 * Unseals and seals outside the transaction, then re-checks both rows inside it.
 */
export async function resendRejected(
  seq: number,
  corrections: Record<string, unknown> = {},
  db: FremskudtDb = appDb,
): Promise<void> {
  await retryWhileChanged(`outbox entry ${seq}`, async () => {
    const entryRow = await db.outbox.get(seq);
    const entry = await db.unseal<OutboxEntry>('outbox', entryRow);
    if (!entry || entry.state !== 'rejected') return;
    const tableName = TABLE_OF[entry.entity];
    const table = db.table<StoredRow, string>(tableName);
    const { lastError: _lastError, rejectedAt: _rejectedAt, ...rest } = entry;
    // A new mutation id: the server answers a known id with its original refusal (exactly once).
    const resent = await db.seal('outbox', {
      ...rest,
      mutationId: newId(),
      fields: { ...entry.fields, ...corrections },
      state: 'pending',
    });
    const correct = Object.keys(corrections).length > 0 && entry.op !== 'delete';
    const localRow = correct ? await table.get(entry.recordId) : undefined;
    const local = await db.unseal<Record<string, unknown>>(tableName, localRow);
    const corrected = local ? await db.seal(tableName, { ...local, ...corrections }) : undefined;
    return db.transaction('rw', [db.outbox, table], async () => {
      if (!sameRow(await db.outbox.get(seq), entryRow)) return 'changed' as const;
      if (correct && !sameRow(await table.get(entry.recordId), localRow)) return 'changed' as const;
      await db.outbox.put(resent);
      if (corrected) await table.put(corrected);
    });
  });
}
