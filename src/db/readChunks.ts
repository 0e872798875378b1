import { db as currentDb, type FremskudtDb } from './database';

/**
 * Reads a table in primary-key order, `size` records per step, unsealing each step after its
 * read — never the whole table at once (100,000 rows take seconds). Yields to the event loop
 * between steps so the app stays interactive while, e.g., the search index is built.
 */
export async function* readChunks<T>(
  table: string,
  size: number,
  database: FremskudtDb = currentDb,
): AsyncGenerator<T[]> {
  const t = database.table<Record<string, unknown>, string>(table);
  let after: string | undefined;
  for (;;) {
    const rows =
      after === undefined
        ? await t.orderBy(':id').limit(size).toArray()
        : await t.where(':id').above(after).limit(size).toArray();
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]?.id;
    yield await database.unsealAll<T>(table, rows);
    if (typeof last !== 'string' || rows.length < size) return;
    after = last;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The records with these ids that exist, unsealed (for updating an in-memory index). */
export async function readByIds<T>(
  table: string,
  ids: readonly string[],
  database: FremskudtDb = currentDb,
): Promise<T[]> {
  const rows = await database.table<Record<string, unknown>, string>(table).bulkGet([...ids]);
  return database.unsealAll<T>(
    table,
    rows.filter((r) => r !== undefined),
  );
}

export const countRecords = (table: string, database: FremskudtDb = currentDb) =>
  database.table(table).count();
