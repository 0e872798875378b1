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

/** What one change does to the local table, decided (and sealed) before the transaction. */
type Step =
  | { kind: 'put'; table: string; row: StoredRow }
  | { kind: 'delete'; table: string; id: string }
  | { kind: 'keep' };

async function planChange(
  db: FremskudtDb,
  change: Change,
  pending: readonly OutboxEntry[],
): Promise<Step> {
  const table = TABLE_OF[change.entity];
  // Evict: the record left this device's scope. Remove it here only; the outbox keeps any
  // unsent or refused change of it for review (never touched by a pull).
  if (change.op === 'evict') return { kind: 'delete', table, id: change.recordId };
  const record = change.op === 'delete' || change.record === null ? null : parseRecord(change);
  if (pending.length === 0) {
    if (!record) return { kind: 'delete', table, id: change.recordId };
    return { kind: 'put', table, row: await db.seal(table, record) };
  }
  // Our own change is still on its way: never overwrite it. A local delete stays deleted; a
  // pulled tombstone keeps our edit (edit beats delete; the push restores it on the server).
  if (pending[pending.length - 1]?.op === 'delete' || !record) return { kind: 'keep' };
  return { kind: 'put', table, row: await db.seal(table, overlayPending(record, pending)) };
}

/** Pending outbox mutation ids of the page's records, in order: the state the plan was made on. */
async function pendingKey(db: FremskudtDb, recordIds: readonly string[]): Promise<string> {
  const rows = await db.outbox
    .where('recordId')
    .anyOf([...recordIds])
    .sortBy('seq');
  return rows
    .filter((r) => r.state === 'pending')
    .map((r) => String(r.mutationId))
    .join(',');
}

const TEAM_TABLES = Object.values(TABLE_OF);

/**
 * Applies one pulled page AND stores the new cursor in ONE transaction: a crash or a closed tab
 * mid-pull repeats at most this page, never skips one (applying a change twice is harmless).
 * Pending changes of the page's records are read and overlaid (sealed) before the transaction;
 * inside it the plan is used only if those pending changes are still the same, else it is
 * made again. Evicted teams' records are removed (never their outbox entries).
 */
export async function applyPulledPage(db: FremskudtDb, page: PullResponse): Promise<void> {
  const recordIds = [...new Set(page.changes.map((c) => c.recordId))];
  const tables = [...new Set(page.changes.map((c) => TABLE_OF[c.entity]))];
  const evictTeams = page.evictTeams ?? [];
  const scope = evictTeams.length > 0 ? TEAM_TABLES : tables;
  await retryWhileChanged('pulled page', async () => {
    const planKey = await pendingKey(db, recordIds);
    const pendingRows = await db.outbox.where('recordId').anyOf(recordIds).sortBy('seq');
    const pending = await openOutbox(
      pendingRows.filter((r) => r.state === 'pending'),
      db,
    );
    const byRecord = new Map<string, OutboxEntry[]>();
    for (const entry of pending) {
      byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
    }
    const steps: Step[] = [];
    for (const change of page.changes) {
      steps.push(await planChange(db, change, byRecord.get(change.recordId) ?? []));
    }
    const stores = [db.outbox, db.meta, ...scope.map((n) => db.table(n))];
    return db.transaction('rw', stores, async () => {
      if ((await pendingKey(db, recordIds)) !== planKey) return 'changed' as const;
      for (const step of steps) {
        if (step.kind === 'put') await db.table(step.table).put(step.row);
        else if (step.kind === 'delete') await db.table(step.table).delete(step.id);
      }
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
