import { TABLE_OF, type FremskudtDb, type OutboxEntry } from '../db';
import type { MutationResult } from '../protocol';

export interface PushTally {
  applied: number;
  conflicts: number;
  rejected: number;
}

/**
 * Records the server's answers in ONE transaction: acknowledged entries (applied or conflict)
 * leave the outbox, refused ones stay as `rejected` with the reason, unanswered ones stay pending.
 *
 * The local record's `version` is the base of this device's next edit, so it must only claim a
 * version whose content the device really has. After our mutation was applied at version W, the
 * server's record equals ours exactly when nobody else wrote in between, i.e. W = local version + 1
 * (chains through several of our own entries in order). Otherwise the version is left for the
 * next pull, which brings the merged record. Conflicts always wait for the pull.
 */
export async function applyPushResults(
  db: FremskudtDb,
  batch: readonly OutboxEntry[],
  results: readonly MutationResult[],
  now: () => Date,
): Promise<PushTally> {
  const byId = new Map(results.map((r) => [r.mutationId, r] as const));
  const tables = [...new Set(batch.map((e) => TABLE_OF[e.entity]))].map((n) => db.table(n));
  const tally: PushTally = { applied: 0, conflicts: 0, rejected: 0 };
  await db.transaction('rw', [db.outbox, ...tables], async () => {
    for (const entry of batch) {
      const result = byId.get(entry.mutationId);
      if (!result || entry.seq === undefined) continue;
      if (result.status === 'rejected') {
        tally.rejected++;
        const lastError: NonNullable<OutboxEntry['lastError']> = {
          code: result.code,
          message: result.message,
        };
        if (result.issues) lastError.issues = result.issues;
        await db.outbox.update(entry.seq, {
          state: 'rejected',
          attempts: entry.attempts + 1,
          lastError,
          rejectedAt: now().toISOString(),
        });
        continue;
      }
      await db.outbox.delete(entry.seq);
      if (result.status === 'conflict') {
        tally.conflicts++;
        continue;
      }
      tally.applied++;
      const table = db.table<{ id: string; version: number }, string>(TABLE_OF[entry.entity]);
      const local = await table.get(entry.recordId);
      if (local && result.version === local.version + 1) {
        await table.update(entry.recordId, { version: result.version });
      }
    }
  });
  return tally;
}
