import { newId } from '../domain';
import { TABLE_OF, db as appDb, type FremskudtDb } from '../db';

/**
 * Puts a refused change back in the queue, optionally with corrected field values (the fix the
 * caseworker typed on the needs-attention page). The local record gets the same corrections in
 * the same transaction, so what the screen shows is what will be sent. Nothing is discarded.
 */
export async function resendRejected(
  seq: number,
  corrections: Record<string, unknown> = {},
  db: FremskudtDb = appDb,
): Promise<void> {
  await db.transaction(
    'rw',
    [db.outbox, ...Object.values(TABLE_OF).map((t) => db.table(t))],
    async () => {
      const entry = await db.outbox.get(seq);
      if (!entry || entry.state !== 'rejected') return;
      const { lastError: _lastError, rejectedAt: _rejectedAt, ...rest } = entry;
      // A new mutation id: the server answers a known id with its original refusal (exactly once).
      await db.outbox.put({
        ...rest,
        mutationId: newId(),
        fields: { ...entry.fields, ...corrections },
        state: 'pending',
      });
      if (Object.keys(corrections).length === 0 || entry.op === 'delete') return;
      const table = db.table<Record<string, unknown>, string>(TABLE_OF[entry.entity]);
      const local = await table.get(entry.recordId);
      if (local) await table.put({ ...local, ...corrections });
    },
  );
}
