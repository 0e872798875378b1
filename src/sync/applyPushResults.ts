import { TABLE_OF, type FremskudtDb, type OutboxEntry, type StoredRow } from '../db';
import type { MutationResult } from '../protocol';

export interface PushTally {
  applied: number;
  conflicts: number;
  rejected: number;
}

/** A refused entry as it will be stored: the reason is sealed with the fields (it may quote them). */
function refusedEntry(entry: OutboxEntry, result: MutationResult, now: () => Date): OutboxEntry {
  if (result.status !== 'rejected') return entry;
  const lastError: NonNullable<OutboxEntry['lastError']> = {
    code: result.code,
    message: result.message,
  };
  if (result.issues) lastError.issues = result.issues;
  return {
    ...entry,
    state: 'rejected',
    attempts: entry.attempts + 1,
    lastError,
    rejectedAt: now().toISOString(),
  };
}

/**
 * Records the server's answers in ONE transaction: acknowledged entries (applied or conflict)
 * leave the outbox, refused ones stay as `rejected` with the reason, unanswered ones stay pending.
 * Refused entries are re-sealed before the transaction opens (WebCrypto must not run inside it);
 * inside, an entry is touched only if it is still the one that was sent (same mutation id).
 *
 * The local record's `version` is the base of this device's next edit, so it must only claim a
 * version whose content the device really has. After our mutation was applied at version W, the
 * server's record equals ours exactly when nobody else wrote in between, i.e. W = local version + 1
 * (chains through several of our own entries in order). Otherwise the version is left for the
 * next pull, which brings the merged record. Conflicts always wait for the pull. The version is
 * a clear field, so this needs no unsealing.
 */
export async function applyPushResults(
  db: FremskudtDb,
  batch: readonly OutboxEntry[],
  results: readonly MutationResult[],
  now: () => Date,
): Promise<PushTally> {
  const byId = new Map(results.map((r) => [r.mutationId, r] as const));
  const refusedRows = new Map<string, StoredRow>();
  for (const entry of batch) {
    const result = byId.get(entry.mutationId);
    if (result?.status === 'rejected') {
      refusedRows.set(entry.mutationId, await db.seal('outbox', refusedEntry(entry, result, now)));
    }
  }
  const tables = [...new Set(batch.map((e) => TABLE_OF[e.entity]))].map((n) => db.table(n));
  const tally: PushTally = { applied: 0, conflicts: 0, rejected: 0 };
  await db.transaction('rw', [db.outbox, ...tables], async () => {
    for (const entry of batch) {
      const result = byId.get(entry.mutationId);
      if (!result || entry.seq === undefined) continue;
      const stored = await db.outbox.get(entry.seq);
      if (stored?.mutationId !== entry.mutationId) continue;
      const refused = refusedRows.get(entry.mutationId);
      if (refused) {
        tally.rejected++;
        await db.outbox.put(refused);
        continue;
      }
      await db.outbox.delete(entry.seq);
      if (result.status === 'conflict') {
        tally.conflicts++;
        continue;
      }
      tally.applied++;
      const table = db.table<StoredRow, string>(TABLE_OF[entry.entity]);
      const local = await table.get(entry.recordId);
      if (local && result.status === 'applied' && result.version === Number(local.version) + 1) {
        // put, not update(): Dexie's update deep-clones the row, which may mangle the sealed bytes.
        await table.put({ ...local, version: result.version });
      }
    }
  });
  return tally;
}
