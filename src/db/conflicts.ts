import type { EntityName, FieldConflict } from '../domain';
import { db as appDb, TABLE_OF, type FremskudtDb } from './database';
import { CONFLICT_MARK, isSealedTable, type StoredRow } from './vault/rowCodec';

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
