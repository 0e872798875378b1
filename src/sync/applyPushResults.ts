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
 * Records the server's answers in ONE transaction, in bulk: acknowledged entries (applied or
 * conflict) leave the outbox, refused ones stay as `rejected` with the reason, unanswered ones stay
 * pending. Refused entries are re-sealed before the transaction opens (WebCrypto must not run
 * inside it); inside, an entry is touched only if it is still the one that was sent (same mutation
 * id), read back with one bulkGet.
 *
 * The local record's `version` is the base of this device's next edit, so it must only claim a
 * version whose content the device really has. After our mutation was applied at version W, the
 * server's record equals ours exactly when nobody else wrote in between, i.e. W = local version + 1
 * (chains through several of our own entries in order, walked in memory over one bulkGet per
 * table). Otherwise the version is left for the next pull, which brings the merged record.
 * Conflicts always wait for the pull. The version is a clear field, so this needs no unsealing.
 */
export async function applyPushResults(
  db: FremskudtDb,
  batch: readonly OutboxEntry[],
  results: readonly MutationResult[],
  now: () => Date,
): Promise<PushTally> {
  const byId = new Map(results.map((r) => [r.mutationId, r] as const));
  const answered = batch.flatMap((entry) => {
    const result = byId.get(entry.mutationId);
    return result && entry.seq !== undefined ? [{ entry, seq: entry.seq, result }] : [];
  });
  const refusedRows = new Map<string, StoredRow>(
    await Promise.all(
      answered
        .filter(({ result }) => result.status === 'rejected')
        .map(
          async ({ entry, result }) =>
            [entry.mutationId, await db.seal('outbox', refusedEntry(entry, result, now))] as const,
        ),
    ),
  );
  const tableNames = [...new Set(batch.map((e) => TABLE_OF[e.entity]))];
  const tally: PushTally = { applied: 0, conflicts: 0, rejected: 0 };
  await db.transaction('rw', [db.outbox, ...tableNames.map((n) => db.table(n))], async () => {
    const stored = await db.outbox.bulkGet(answered.map((a) => a.seq));
    const acknowledged: number[] = [];
    const refused: StoredRow[] = [];
    const appliedByTable = new Map<string, { recordId: string; version: number }[]>();
    answered.forEach(({ entry, seq, result }, i) => {
      if (stored[i]?.mutationId !== entry.mutationId) return;
      const refusedRow = refusedRows.get(entry.mutationId);
      if (refusedRow) {
        tally.rejected++;
        refused.push(refusedRow);
        return;
      }
      acknowledged.push(seq);
      if (result.status === 'conflict') {
        tally.conflicts++;
        return;
      }
      tally.applied++;
      if (result.status !== 'applied') return;
      const tableName = TABLE_OF[entry.entity];
      const applied = appliedByTable.get(tableName) ?? [];
      applied.push({ recordId: entry.recordId, version: result.version });
      appliedByTable.set(tableName, applied);
    });
    if (refused.length > 0) await db.outbox.bulkPut(refused);
    if (acknowledged.length > 0) await db.outbox.bulkDelete(acknowledged);
    for (const [tableName, applied] of appliedByTable) {
      const table = db.table<StoredRow, string>(tableName);
      const ids = [...new Set(applied.map((a) => a.recordId))];
      const rows = await table.bulkGet(ids);
      const local = new Map(ids.map((id, i) => [id, rows[i]] as const));
      const changed = new Map<string, StoredRow>();
      for (const { recordId, version } of applied) {
        const row = local.get(recordId);
        if (!row || version !== Number(row.version) + 1) continue;
        // A spread copy, not update(): Dexie's update deep-clones the row, which may mangle the
        // sealed bytes.
        const next = { ...row, version };
        local.set(recordId, next);
        changed.set(recordId, next);
      }
      if (changed.size > 0) await table.bulkPut([...changed.values()]);
    }
  });
  return tally;
}
