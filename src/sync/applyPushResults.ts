import type { FremskudtDb, OutboxEntry, StoredRow } from '../db';
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
 * The records themselves are left as they are: the server's version of each (and any merge or
 * conflict) arrives with the pull that follows every push. Until then the device's next edit of
 * such a record names the older version as its base, which the merge rules treat exactly alike:
 * only another device's change since the base is a clash, and everything in between is this
 * device's own (src/domain/merge.ts). Claiming the new version here rewrote every pushed record
 * (all its index entries) just before the pull wrote it again.
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
  const tally: PushTally = { applied: 0, conflicts: 0, rejected: 0 };
  const acknowledged = answered.filter(({ entry }) => !refusedRows.has(entry.mutationId));
  const toRefuse = answered.filter(({ entry }) => refusedRows.has(entry.mutationId));
  await db.transaction('rw', db.outbox, async () => {
    // A refused entry is stored again only if it is still there: never bring back one the
    // caseworker discarded meanwhile. Deleting an acknowledged one that is gone changes nothing.
    const stored = toRefuse.length > 0 ? await db.outbox.bulkGet(toRefuse.map((a) => a.seq)) : [];
    const refused = toRefuse.flatMap(({ entry }, i) => {
      const row = refusedRows.get(entry.mutationId);
      return row && stored[i]?.mutationId === entry.mutationId ? [row] : [];
    });
    tally.rejected = refused.length;
    for (const { result } of acknowledged) {
      if (result.status === 'conflict') tally.conflicts++;
      else tally.applied++;
    }
    // Issued together: each awaited request is a round trip to the browser's storage process.
    const writes: Promise<unknown>[] = [];
    if (refused.length > 0) writes.push(db.outbox.bulkPut(refused));
    if (acknowledged.length > 0)
      writes.push(
        deleteEntries(
          db,
          acknowledged.map((a) => a.seq),
        ),
      );
    await Promise.all(writes);
  });
  return tally;
}

/**
 * Deletes these outbox entries. A batch is usually a run of consecutive seqs: then no other entry
 * can lie between the first and the last, and one range delete replaces a request per entry.
 */
function deleteEntries(db: FremskudtDb, seqs: readonly number[]): Promise<unknown> {
  const sorted = [...seqs].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted.at(-1) ?? 0;
  if (last - first + 1 === new Set(sorted).size) {
    return db.outbox.where('seq').between(first, last, true, true).delete();
  }
  return db.outbox.bulkDelete(sorted);
}
