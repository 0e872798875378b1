import { ENTITIES, rebasePending, type FieldConflict } from '../domain';
import {
  TABLE_OF,
  openOutbox,
  retryWhileChanged,
  type FremskudtDb,
  type OutboxEntry,
  type StoredRow,
} from '../db';
import type { Change, PullResponse } from '../protocol';
import { ApiError } from './apiClient';

export const SYNC_CURSOR_KEY = 'syncCursor';
/** The server's opaque cursor (`nextCursor`), when it gives one; wins over the numeric one. */
export const SYNC_NEXT_CURSOR_KEY = 'syncNextCursor';

type LocalRecord = Record<string, unknown> & { id: string; version: number };

function parseRecord(change: Change): LocalRecord {
  const parsed = ENTITIES[change.entity].record.safeParse(change.record);
  if (!parsed.success) {
    throw new ApiError(
      'bad-response',
      `Pulled ${change.entity} ${change.recordId} does not match its schema: ${parsed.error.message}`,
    );
  }
  return {
    ...(parsed.data as Record<string, unknown>),
    id: change.recordId,
    version: change.version,
  };
}

/**
 * What this device shows for a pulled record while it still has changes of its own in flight:
 * the server's record with the pending fields laid over it (oldest first), `null` clearing a
 * field, and the conflicts this device has already settled left out.
 */
export function overlayPending(pulled: LocalRecord, pending: readonly OutboxEntry[]): LocalRecord {
  const merged: LocalRecord = rebasePending(
    pulled,
    pending.map((e) => e.fields),
  );
  for (const entry of pending) {
    for (const [field, value] of Object.entries(entry.fields)) {
      if (value === null && merged[field] === null) delete merged[field];
    }
  }
  const settled = new Set(pending.flatMap((e) => e.resolvesConflicts ?? []));
  const conflicts = (merged.conflicts as FieldConflict[] | undefined) ?? [];
  merged.conflicts = conflicts.filter((c) => !settled.has(c.id));
  merged.version = pulled.version;
  return merged;
}

/** What one change does to its record, decided before the transaction (sealed only if it wins). */
type Step =
  | { kind: 'put'; table: string; id: string; record: LocalRecord }
  | { kind: 'delete'; table: string; id: string }
  | { kind: 'keep' };

function planChange(change: Change, pending: readonly OutboxEntry[]): Step {
  const table = TABLE_OF[change.entity];
  const id = change.recordId;
  // Evict: the record left this device's scope. Remove it here only; the outbox keeps any
  // unsent or refused change of it for review (never touched by a pull).
  if (change.op === 'evict') return { kind: 'delete', table, id };
  const record = change.op === 'delete' || change.record === null ? null : parseRecord(change);
  if (pending.length === 0) {
    return record ? { kind: 'put', table, id, record } : { kind: 'delete', table, id };
  }
  // Our own change is still on its way: never overwrite it. A local delete stays deleted; a
  // pulled tombstone keeps our edit (edit beats delete; the push restores it on the server).
  if (pending[pending.length - 1]?.op === 'delete' || !record) return { kind: 'keep' };
  return { kind: 'put', table, id, record: overlayPending(record, pending) };
}

/** What the page does to one table: rows to put and ids to delete (disjoint). */
interface TableWrites {
  puts: StoredRow[];
  deletes: string[];
}

/**
 * The page's writes per table: every change validated and planned in order, the last one that
 * does something winning per record (as applying them one by one would), and the winners sealed
 * together. Awaits WebCrypto: call BEFORE opening the transaction.
 */
async function planPage(
  db: FremskudtDb,
  changes: readonly Change[],
  byRecord: ReadonlyMap<string, OutboxEntry[]>,
): Promise<Map<string, TableWrites>> {
  const last = new Map<string, Exclude<Step, { kind: 'keep' }>>();
  for (const change of changes) {
    const step = planChange(change, byRecord.get(change.recordId) ?? []);
    if (step.kind === 'keep') continue;
    const key = `${step.table}\u0000${step.id}`;
    last.set(key, step);
  }
  const byTable = new Map<string, { records: LocalRecord[]; deletes: string[] }>();
  for (const step of last.values()) {
    let table = byTable.get(step.table);
    if (!table) byTable.set(step.table, (table = { records: [], deletes: [] }));
    if (step.kind === 'put') table.records.push(step.record);
    else table.deletes.push(step.id);
  }
  const sealed = await Promise.all(
    [...byTable].map(async ([name, { records, deletes }]) => {
      const puts = await Promise.all(records.map((record) => db.seal(name, record)));
      return [name, { puts, deletes }] as const;
    }),
  );
  return new Map(sealed);
}

/** Pending outbox mutation ids of the page's records, in order: the state the plan was made on. */
function keyOf(rows: readonly StoredRow[]): string {
  return rows
    .filter((r) => r.state === 'pending')
    .map((r) => String(r.mutationId))
    .join(',');
}

async function pendingKey(db: FremskudtDb, recordIds: readonly string[]): Promise<string> {
  const rows = await db.outbox
    .where('recordId')
    .anyOf([...recordIds])
    .sortBy('seq');
  return keyOf(rows);
}

const TEAM_TABLES = Object.values(TABLE_OF);

/**
 * Applies one pulled page AND stores the new cursor in ONE transaction: a crash or a closed tab
 * mid-pull repeats at most this page, never skips one (applying a change twice is harmless).
 * Pending changes of the page's records are read and overlaid, and the page's rows sealed, before
 * the transaction; inside it the plan is used only if those pending changes are still the same,
 * else it is made again. The page is written with one bulkPut and one bulkDelete per table (each
 * awaited request is a round trip to the browser's storage process). Evicted teams' records are
 * removed after that (never their outbox entries).
 */
export async function applyPulledPage(db: FremskudtDb, page: PullResponse): Promise<void> {
  const recordIds = [...new Set(page.changes.map((c) => c.recordId))];
  const tables = [...new Set(page.changes.map((c) => TABLE_OF[c.entity]))];
  const evictTeams = page.evictTeams ?? [];
  const scope = evictTeams.length > 0 ? TEAM_TABLES : tables;
  await retryWhileChanged('pulled page', async () => {
    const outboxRows = await db.outbox.where('recordId').anyOf(recordIds).sortBy('seq');
    const planKey = keyOf(outboxRows);
    const pending = await openOutbox(
      outboxRows.filter((r) => r.state === 'pending'),
      db,
    );
    const byRecord = new Map<string, OutboxEntry[]>();
    for (const entry of pending) {
      byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
    }
    const writes = await planPage(db, page.changes, byRecord);
    const stores = [db.outbox, db.meta, ...scope.map((n) => db.table(n))];
    return db.transaction('rw', stores, async () => {
      if ((await pendingKey(db, recordIds)) !== planKey) return 'changed' as const;
      // A record is in at most one of a table's puts and deletes, so their order does not matter.
      await Promise.all(
        [...writes].flatMap(([name, { puts, deletes }]) => [
          ...(puts.length > 0 ? [db.table(name).bulkPut(puts)] : []),
          ...(deletes.length > 0 ? [db.table(name).bulkDelete(deletes)] : []),
        ]),
      );
      for (const name of evictTeams.length > 0 ? TEAM_TABLES : []) {
        await db.table(name).where('teamId').anyOf(evictTeams).delete();
      }
      const stored = await db.meta.get(SYNC_CURSOR_KEY);
      const previous = typeof stored?.value === 'number' ? stored.value : 0;
      await db.meta.put({ key: SYNC_CURSOR_KEY, value: Math.max(previous, page.cursor) });
      if (page.nextCursor !== undefined) {
        await db.meta.put({ key: SYNC_NEXT_CURSOR_KEY, value: page.nextCursor });
      }
    });
  });
}

export interface StoredCursor {
  after: number;
  /** The server's opaque cursor, when it gave one (the new server); else pull with `after`. */
  cursor?: string;
}

export async function readCursor(db: FremskudtDb): Promise<StoredCursor> {
  const [row, next] = await Promise.all([
    db.meta.get(SYNC_CURSOR_KEY),
    db.meta.get(SYNC_NEXT_CURSOR_KEY),
  ]);
  const after = typeof row?.value === 'number' ? row.value : 0;
  return typeof next?.value === 'string' ? { after, cursor: next.value } : { after };
}
