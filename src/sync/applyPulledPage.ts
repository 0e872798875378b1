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
import { inSlices } from './inSlices';

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

/** A pulled change, validated once: its table, and its record parsed (null: none to store). */
interface CheckedChange {
  change: Change;
  table: string;
  record: LocalRecord | null;
}

/** What one change does to its record, decided before the transaction (sealed only if it wins). */
type Step =
  | { kind: 'put'; table: string; id: string; record: LocalRecord }
  | { kind: 'delete'; table: string; id: string }
  | { kind: 'keep' };

function checkChange(change: Change): CheckedChange {
  const table = TABLE_OF[change.entity];
  const stored = change.op === 'upsert' && change.record !== null;
  return { change, table, record: stored ? parseRecord(change) : null };
}

function planChange(
  { change, table, record }: CheckedChange,
  pending: readonly OutboxEntry[],
): Step {
  const id = change.recordId;
  // Evict: the record left this device's scope. Remove it here only; the outbox keeps any
  // unsent or refused change of it for review (never touched by a pull).
  if (change.op === 'evict') return { kind: 'delete', table, id };
  // Erased: gone whatever this device has pending (eraseLocal removes its outbox entries too).
  if (change.op === 'erase') return { kind: 'delete', table, id };
  if (pending.length === 0) {
    return record ? { kind: 'put', table, id, record } : { kind: 'delete', table, id };
  }
  // Our own change is still on its way: never overwrite it. A local delete stays deleted; a
  // pulled tombstone keeps our edit (edit beats delete; the push restores it on the server).
  if (pending[pending.length - 1]?.op === 'delete' || !record) return { kind: 'keep' };
  return { kind: 'put', table, id, record: overlayPending(record, pending) };
}

type WriteStep = Exclude<Step, { kind: 'keep' }>;
const stepKey = (table: string, id: string) => `${table}\u0000${id}`;

/**
 * Every change planned in order, the last one that does something winning per record (as
 * applying them one by one would).
 */
function planSteps(
  checked: readonly CheckedChange[],
  byRecord: ReadonlyMap<string, OutboxEntry[]>,
): Map<string, WriteStep> {
  const last = new Map<string, WriteStep>();
  for (const item of checked) {
    const step = planChange(item, byRecord.get(item.change.recordId) ?? []);
    if (step.kind !== 'keep') last.set(stepKey(step.table, step.id), step);
  }
  return last;
}

/**
 * A page made ready before its turn: validated, and the rows it writes sealed as if this device
 * had no change of its own pending for them (nearly always true). Needs no IndexedDB, so the next
 * page is prepared while the previous one is being written.
 */
export interface PreparedPage {
  page: PullResponse;
  checked: readonly CheckedChange[];
  /** Sealed rows by table and id, valid for records with no pending change of this device. */
  presealed: ReadonlyMap<string, StoredRow>;
}

export async function preparePulledPage(
  db: FremskudtDb,
  page: PullResponse,
  { inOneGo = false }: { inOneGo?: boolean } = {},
): Promise<PreparedPage> {
  // On the main thread in slices with yields between them: a first sync runs while the
  // caseworker types, and a page validated and sealed in one go is a task long enough to delay
  // the key presses. The pull's worker (pageWriter.ts) has no input to wait for: in one go.
  const slices = <T, R>(items: readonly T[], work: (some: readonly T[]) => R) =>
    inOneGo ? Promise.resolve([work(items)]) : inSlices(items, work);
  const checked = (await slices(page.changes, (some) => some.map(checkChange))).flat();
  const puts = [...planSteps(checked, new Map()).entries()].filter(
    (entry): entry is [string, Extract<Step, { kind: 'put' }>] => entry[1].kind === 'put',
  );
  const sealing = await slices(puts, (some) =>
    some.map(async ([key, step]) => [key, await db.seal(step.table, step.record)] as const),
  );
  const presealed = new Map(await Promise.all(sealing.flat()));
  return { page, checked, presealed };
}

/** What the page does to one table: rows to put and ids to delete (disjoint). */
interface TableWrites {
  puts: StoredRow[];
  deletes: string[];
}

/**
 * The page's writes per table for the pending changes read just now: a record with none takes
 * its presealed row, one with pending changes is overlaid and sealed here. Awaits WebCrypto:
 * call BEFORE opening the transaction.
 */
async function planPage(
  db: FremskudtDb,
  prepared: PreparedPage,
  byRecord: ReadonlyMap<string, OutboxEntry[]>,
): Promise<Map<string, TableWrites>> {
  const byTable = new Map<string, { puts: Promise<StoredRow>[]; deletes: string[] }>();
  for (const [key, step] of planSteps(prepared.checked, byRecord)) {
    let table = byTable.get(step.table);
    if (!table) byTable.set(step.table, (table = { puts: [], deletes: [] }));
    if (step.kind === 'delete') {
      table.deletes.push(step.id);
      continue;
    }
    const presealed = byRecord.has(step.id) ? undefined : prepared.presealed.get(key);
    table.puts.push(presealed ? Promise.resolve(presealed) : db.seal(step.table, step.record));
  }
  return new Map(
    await Promise.all(
      [...byTable].map(
        async ([name, { puts, deletes }]) =>
          [name, { puts: await Promise.all(puts), deletes }] as const,
      ),
    ),
  );
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
/** The tables whose records name a citizen (indexed by citizenId). */
const NAMING_TABLES = [TABLE_OF.case, TABLE_OF.note, TABLE_OF.followUp, TABLE_OF.contact];

/**
 * Inside the page's transaction: what an erasure leaves on this device besides the erased
 * records themselves. For an erased citizen, every local record naming it (also ones the server
 * never saw, created here while offline) and its drafts; for every erased record, its outbox
 * entries, pending or refused: an erasure is final, so nothing of it is kept to send again.
 */
async function eraseLocal(db: FremskudtDb, changes: readonly Change[]): Promise<void> {
  const erased = changes.filter((c) => c.op === 'erase');
  if (erased.length === 0) return;
  const citizenIds = erased.filter((c) => c.entity === 'citizen').map((c) => c.recordId);
  const recordIds = erased.map((c) => c.recordId);
  if (citizenIds.length > 0) {
    for (const name of NAMING_TABLES) {
      const table = db.table(name);
      const ids = (await table.where('citizenId').anyOf(citizenIds).primaryKeys()) as string[];
      recordIds.push(...ids);
      await table.bulkDelete(ids);
    }
    await db.drafts.where('citizenId').anyOf(citizenIds).delete();
  }
  await db.outbox.where('recordId').anyOf(recordIds).delete();
}

/**
 * Applies one pulled page AND stores the new cursor in ONE transaction: a crash or a closed tab
 * mid-pull repeats at most this page, never skips one (applying a change twice is harmless).
 * Pending changes of the page's records are read and overlaid, and their rows sealed, before the
 * transaction (the rest was sealed by `preparePulledPage`); inside it the plan is used only if
 * those pending changes are still the same, else it is made again. The page is written with one
 * bulkPut and one bulkDelete per table (each awaited request is a round trip to the browser's
 * storage process). Evicted teams' records are removed after that (never their outbox entries).
 */
export async function applyPulledPage(
  db: FremskudtDb,
  page: PullResponse | PreparedPage,
): Promise<void> {
  const prepared = 'presealed' in page ? page : await preparePulledPage(db, page);
  const { changes, evictTeams = [], cursor, nextCursor } = prepared.page;
  const recordIds = [...new Set(changes.map((c) => c.recordId))];
  const tables = [...new Set(changes.map((c) => TABLE_OF[c.entity]))];
  const erasing = changes.some((c) => c.op === 'erase');
  const scope = evictTeams.length > 0 || erasing ? TEAM_TABLES : tables;
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
    const writes = await planPage(db, prepared, byRecord);
    const stores = [
      db.outbox,
      db.meta,
      ...(erasing ? [db.drafts] : []),
      ...scope.map((n) => db.table(n)),
    ];
    return db.transaction('rw', stores, async () => {
      if ((await pendingKey(db, recordIds)) !== planKey) return 'changed' as const;
      // A record is in at most one of a table's puts and deletes, so their order does not matter.
      await Promise.all(
        [...writes].flatMap(([name, { puts, deletes }]) => [
          ...(puts.length > 0 ? [db.table(name).bulkPut(puts)] : []),
          ...(deletes.length > 0 ? [db.table(name).bulkDelete(deletes)] : []),
        ]),
      );
      await eraseLocal(db, changes);
      for (const name of evictTeams.length > 0 ? TEAM_TABLES : []) {
        await db.table(name).where('teamId').anyOf(evictTeams).delete();
      }
      const stored = await db.meta.get(SYNC_CURSOR_KEY);
      const previous = typeof stored?.value === 'number' ? stored.value : 0;
      await db.meta.put({ key: SYNC_CURSOR_KEY, value: Math.max(previous, cursor) });
      if (nextCursor !== undefined) {
        await db.meta.put({ key: SYNC_NEXT_CURSOR_KEY, value: nextCursor });
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
