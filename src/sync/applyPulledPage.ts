import { ENTITIES, rebasePending, type FieldConflict } from '../domain';
import { TABLE_OF, type FremskudtDb, type OutboxEntry } from '../db';
import type { Change, PullResponse } from '../protocol';
import { ApiError } from './apiClient';

export const SYNC_CURSOR_KEY = 'syncCursor';

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

async function applyChange(
  db: FremskudtDb,
  change: Change,
  pending: readonly OutboxEntry[],
): Promise<void> {
  const table = db.table<LocalRecord, string>(TABLE_OF[change.entity]);
  const record = change.op === 'delete' || change.record === null ? null : parseRecord(change);
  if (pending.length === 0) {
    if (record) await table.put(record);
    else await table.delete(change.recordId);
    return;
  }
  // Our own change is still on its way: never overwrite it. A local delete stays deleted; a
  // pulled tombstone keeps our edit (edit beats delete; the push restores it on the server).
  if (pending[pending.length - 1]?.op === 'delete') return;
  if (!record) return;
  await table.put(overlayPending(record, pending));
}

/**
 * Applies one pulled page AND stores the new cursor in ONE transaction: a crash or a closed tab
 * mid-pull repeats at most this page, never skips one (applying a change twice is harmless).
 */
export async function applyPulledPage(db: FremskudtDb, page: PullResponse): Promise<void> {
  const tables = [...new Set(page.changes.map((c) => TABLE_OF[c.entity]))].map((n) => db.table(n));
  await db.transaction('rw', [db.outbox, db.meta, ...tables], async () => {
    const pendingByRecord = new Map<string, OutboxEntry[]>();
    const pending = await db.outbox.where('state').equals('pending').sortBy('seq');
    for (const entry of pending) {
      const list = pendingByRecord.get(entry.recordId) ?? [];
      list.push(entry);
      pendingByRecord.set(entry.recordId, list);
    }
    for (const change of page.changes) {
      await applyChange(db, change, pendingByRecord.get(change.recordId) ?? []);
    }
    const stored = await db.meta.get(SYNC_CURSOR_KEY);
    const previous = typeof stored?.value === 'number' ? stored.value : 0;
    await db.meta.put({ key: SYNC_CURSOR_KEY, value: Math.max(previous, page.cursor) });
  });
}

export async function readCursor(db: FremskudtDb): Promise<number> {
  const row = await db.meta.get(SYNC_CURSOR_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}
