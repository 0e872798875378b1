/**
 * Measured prototypes of changes the bench proposes but does not make in src/ (the client's store
 * and sync code are being rewritten on another branch): each does what the app's function does,
 * with one structural change, so `npm run bench` can show what the change is worth. They go
 * through appAdapter.ts like everything else. Delete a prototype once its change is in src/.
 */
import MiniSearch from 'minisearch';
import {
  ENTITIES,
  MAX_PULL_LIMIT,
  newId,
  overlayPending,
  TABLE_OF,
  type Device,
  type Note,
  type NoteInput,
  type OutboxEntry,
  type PullResponse,
} from './appAdapter';

type LocalRecord = Record<string, unknown> & { id: string; version: number };
const SYNC_CURSOR_KEY = 'syncCursor';

/**
 * Proposal A (scenario 2), applyPulledPage with one bulkPut/bulkDelete per table and page instead
 * of one awaited put per change (each awaited request is a round trip to the browser's storage
 * process), the same validation and the same overlay of pending outbox entries.
 */
async function applyPageBatched(device: Device, page: PullResponse): Promise<void> {
  const { db } = device;
  const tableNames = [...new Set(page.changes.map((c) => TABLE_OF[c.entity]))];
  await db.transaction(
    'rw',
    [db.outbox, db.meta, ...tableNames.map((n) => db.table(n))],
    async () => {
      const pendingByRecord = new Map<string, OutboxEntry[]>();
      // Prototype on clear rows (written before the store was sealed): see the adapter.
      const pending = (await db.outbox
        .where('state')
        .equals('pending')
        .sortBy('seq')) as unknown as OutboxEntry[];
      for (const entry of pending) {
        pendingByRecord.set(entry.recordId, [
          ...(pendingByRecord.get(entry.recordId) ?? []),
          entry,
        ]);
      }
      // Last change per record wins within the page, as applying them in order would.
      const puts = new Map<string, Map<string, LocalRecord>>();
      const deletes = new Map<string, Set<string>>();
      for (const change of page.changes) {
        const table = TABLE_OF[change.entity];
        const mine = pendingByRecord.get(change.recordId) ?? [];
        let record: LocalRecord | null = null;
        if (change.op !== 'delete' && change.record !== null) {
          const parsed = ENTITIES[change.entity].record.safeParse(change.record);
          if (!parsed.success) throw new Error(`Pulled ${change.entity} does not match its schema`);
          record = {
            ...(parsed.data as Record<string, unknown>),
            id: change.recordId,
            version: change.version,
          };
        }
        if (mine.length > 0) {
          if (mine[mine.length - 1]?.op === 'delete' || !record) continue;
          record = overlayPending(record, mine);
        }
        if (record) {
          deletes.get(table)?.delete(change.recordId);
          puts.set(
            table,
            (puts.get(table) ?? new Map<string, LocalRecord>()).set(change.recordId, record),
          );
        } else {
          puts.get(table)?.delete(change.recordId);
          deletes.set(table, (deletes.get(table) ?? new Set<string>()).add(change.recordId));
        }
      }
      for (const [table, records] of puts) await db.table(table).bulkPut([...records.values()]);
      for (const [table, ids] of deletes) await db.table(table).bulkDelete([...ids]);
      const stored = await db.meta.get(SYNC_CURSOR_KEY);
      const previous = typeof stored?.value === 'number' ? stored.value : 0;
      await db.meta.put({ key: SYNC_CURSOR_KEY, value: Math.max(previous, page.cursor) });
    },
  );
}

/**
 * Proposal A + B (scenario 2): batched pages, pages of MAX_PULL_LIMIT (1,000) instead of the
 * default 500, and the next page requested while this one is written (the cursor is still stored
 * with each page, so a crash repeats at most one page).
 */
export async function pullBatchedPrefetch(device: Device): Promise<number> {
  let changes = 0;
  let next = device.api.pull(0, MAX_PULL_LIMIT);
  for (;;) {
    const page = await next;
    if (page.hasMore) next = device.api.pull(page.cursor, MAX_PULL_LIMIT);
    await applyPageBatched(device, page);
    changes += page.changes.length;
    if (!page.hasMore) return changes;
  }
}

/** Proposal A alone (scenario 2): batched pages, the app's page size, no prefetch. */
export async function pullBatched(device: Device): Promise<number> {
  let after = 0;
  let changes = 0;
  for (;;) {
    const page = await device.api.pull(after, 500);
    await applyPageBatched(device, page);
    changes += page.changes.length;
    after = page.cursor;
    if (!page.hasMore) return changes;
  }
}

/**
 * Proposal D (scenario 1): the repository's create with the record's add and the outbox add
 * issued together (Promise.all) instead of one after the other: the same transaction, one round
 * trip to the storage process fewer.
 */
export async function saveNoteTogether(device: Device, fields: NoteInput): Promise<Note> {
  const parsed = ENTITIES.note.fields.safeParse(fields);
  if (!parsed.success) throw new Error('invalid note');
  const { ctx, db } = device;
  const at = new Date().toISOString();
  const id = newId();
  const record = {
    ...parsed.data,
    id,
    teamId: ctx.teamId,
    version: 0,
    createdAt: at,
    updatedAt: at,
    createdBy: ctx.userId,
    updatedBy: ctx.userId,
    conflicts: [],
  } satisfies Note;
  const entry: OutboxEntry = {
    mutationId: newId(),
    deviceId: ctx.deviceId,
    entity: 'note',
    recordId: id,
    op: 'create',
    fields: parsed.data,
    baseVersion: 0,
    clientTime: at,
    state: 'pending',
    attempts: 0,
  };
  await db.transaction('rw', [db.notes, db.outbox], () =>
    Promise.all([db.notes.add(record), db.outbox.add({ ...entry })]),
  );
  return record;
}

/**
 * Proposal E (scenario 6): the app searches citizens only; this is what searching the text of
 * every journal note on the device would cost with the same library (MiniSearch), prefix search
 * on the note body, the citizen's id stored to show whose note matched.
 */
export function buildNoteTextSearch(
  notes: readonly { id: string; citizenId: string; body: string }[],
) {
  const index = new MiniSearch<{ id: string; citizenId: string; body: string }>({
    fields: ['body'],
    storeFields: ['citizenId'],
  });
  index.addAll(notes);
  return (query: string) => index.search(query, { prefix: true, combineWith: 'AND' }).length;
}
