import type { EntityName, FieldConflict } from '../domain';
import { db as appDb, CONFLICT_MARKS_PENDING, TABLE_OF, type FremskudtDb } from './database';
import { getMeta, setMeta } from './meta';
import { CONFLICT_MARK, isSealedTable, type StoredRow } from './vault/rowCodec';
import { sameRow } from './vault/sameRow';

/** A record with conflicts the server kept and nobody has settled yet. */
export interface ConflictedRecord {
  entity: EntityName;
  record: Record<string, unknown> & { id: string; conflicts: FieldConflict[] };
}

const ENTITIES = Object.keys(TABLE_OF) as EntityName[];

function conflictsOf(row: Readonly<Record<string, unknown>>): number {
  return Array.isArray(row.conflicts) ? row.conflicts.length : 0;
}

/**
 * The rows of a table with unsettled conflicts: a sealed table's through its clear conflict
 * mark (only those rows are read), a clear table's (the municipality's few places) by scanning.
 */
function conflictedRows(database: FremskudtDb, table: string): Promise<StoredRow[]> {
  const rows = database.table<StoredRow, string>(table);
  return isSealedTable(table)
    ? rows.where(CONFLICT_MARK).above(0).toArray()
    : rows.filter((row) => conflictsOf(row) > 0).toArray();
}

/**
 * How many conflicts wait to be settled on this device's records. Derived from the records as
 * pulled (the server keeps a clash in the record, so every device of the team holding it sees
 * it), so the count survives reloads. Reads only the marks of sealed rows: nothing is unsealed.
 */
export async function countConflicts(database: FremskudtDb = appDb): Promise<number> {
  let total = 0;
  for (const entity of ENTITIES) {
    const table = TABLE_OF[entity];
    for (const row of await conflictedRows(database, table)) {
      total += isSealedTable(table) ? Number(row[CONFLICT_MARK]) : conflictsOf(row);
    }
  }
  return total;
}

/** The records with unsettled conflicts, by entity in registry order, unsealed. */
export async function listConflicted(database: FremskudtDb = appDb): Promise<ConflictedRecord[]> {
  const found: ConflictedRecord[] = [];
  for (const entity of ENTITIES) {
    const table = TABLE_OF[entity];
    const records = await database.unsealAll<ConflictedRecord['record']>(
      table,
      await conflictedRows(database, table),
    );
    for (const record of records) {
      if (conflictsOf(record) > 0) found.push({ entity, record });
    }
  }
  return found;
}

const MARK_CHUNK = 200;

/**
 * Marks the records that already had conflicts when this store was upgraded to the conflict mark
 * (their rows were sealed without it), once per upgraded store (a new store has none): reads every sealed record table in chunks,
 * unsealing as it goes, and re-seals only the rows with conflicts, each re-checked unchanged in
 * its transaction (a save or pull in between wins). Returns how many rows it marked.
 */
export async function markStoredConflicts(database: FremskudtDb = appDb): Promise<number> {
  if ((await getMeta<boolean>(CONFLICT_MARKS_PENDING, database)) !== true) return 0;
  let marked = 0;
  for (const table of Object.values(TABLE_OF).filter(isSealedTable)) {
    const rows = database.table<StoredRow, string>(table);
    let after: string | undefined;
    for (;;) {
      const chunk = await (
        after === undefined ? rows.orderBy(':id') : rows.where(':id').above(after)
      )
        .limit(MARK_CHUNK)
        .toArray();
      if (chunk.length === 0) break;
      after = chunk[chunk.length - 1]?.id as string;
      const unmarked = chunk.filter((row) => row[CONFLICT_MARK] === undefined);
      const records = await database.unsealAll<Record<string, unknown>>(table, unmarked);
      for (const [i, record] of records.entries()) {
        if (conflictsOf(record) === 0) continue;
        const sealed = await database.seal(table, record);
        const before = unmarked[i];
        const id = record.id as string;
        const wrote = await database.transaction('rw', rows, async () => {
          if (!sameRow(before, await rows.get(id))) return false;
          await rows.put(sealed);
          return true;
        });
        if (wrote) marked++;
      }
      if (chunk.length < MARK_CHUNK) break;
    }
  }
  await setMeta(CONFLICT_MARKS_PENDING, false, { clear: true, database });
  return marked;
}
