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
  // Records whose mutation was applied: their rows are read with the outbox rows, in one round.
  const candidates = groupIds(
    answered.flatMap(({ entry, result }) =>
      result.status === 'applied' ? [[TABLE_OF[entry.entity], entry.recordId] as const] : [],
    ),
  );
  await db.transaction('rw', [db.outbox, ...tableNames.map((n) => db.table(n))], async () => {
    const [stored, localRows] = await Promise.all([
      db.outbox.bulkGet(answered.map((a) => a.seq)),
      readRows(db, candidates),
    ]);
    const acknowledged: number[] = [];
    const refused: StoredRow[] = [];
    const applied: { tableName: string; recordId: string; version: number }[] = [];
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
      applied.push({
        tableName: TABLE_OF[entry.entity],
        recordId: entry.recordId,
        version: result.version,
      });
    });
    // Issued together: each awaited request is a round trip to the browser's storage process.
    await Promise.all([
      ...(refused.length > 0 ? [db.outbox.bulkPut(refused)] : []),
      ...(acknowledged.length > 0 ? [db.outbox.bulkDelete(acknowledged)] : []),
      ...[...claimVersions(localRows, applied)].map(([tableName, rows]) =>
        db.table<StoredRow, string>(tableName).bulkPut(rows),
      ),
    ]);
  });
  return tally;
}

function groupIds(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
  const byTable = new Map<string, Set<string>>();
  for (const [table, id] of pairs) byTable.set(table, (byTable.get(table) ?? new Set()).add(id));
  return new Map([...byTable].map(([table, ids]) => [table, [...ids]]));
}

/** The rows of these records that exist, by table and id. */
async function readRows(
  db: FremskudtDb,
  idsByTable: ReadonlyMap<string, string[]>,
): Promise<Map<string, Map<string, StoredRow>>> {
  const tables = await Promise.all(
    [...idsByTable].map(async ([tableName, ids]) => {
      const rows = await db.table<StoredRow, string>(tableName).bulkGet(ids);
      const found = ids.flatMap((id, i) => {
        const row = rows[i];
        return row ? [[id, row] as const] : [];
      });
      return [tableName, new Map(found)] as const;
    }),
  );
  return new Map(tables);
}

/**
 * The rows whose version this device may now claim, walking our applied mutations in order: a
 * mutation applied at W takes a row at W - 1 to W (then the next one of the same record may
 * follow from W). A spread copy, not update(): Dexie's update deep-clones the row, which may
 * mangle the sealed bytes.
 */
function claimVersions(
  localRows: ReadonlyMap<string, Map<string, StoredRow>>,
  applied: readonly { tableName: string; recordId: string; version: number }[],
): Map<string, StoredRow[]> {
  const changed = new Map<string, Map<string, StoredRow>>();
  for (const { tableName, recordId, version } of applied) {
    const local = localRows.get(tableName);
    const row = local?.get(recordId);
    if (!local || !row || version !== Number(row.version) + 1) continue;
    const next = { ...row, version };
    local.set(recordId, next);
    changed.set(
      tableName,
      (changed.get(tableName) ?? new Map<string, StoredRow>()).set(recordId, next),
    );
  }
  return new Map([...changed].map(([tableName, rows]) => [tableName, [...rows.values()]]));
}
