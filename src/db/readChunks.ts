import { db as currentDb, type FremskudtDb } from './database';

/**
 * Rows unsealed at once: opening 1,000 rows in one go (each a WebCrypto call, then its JSON) was
 * a task of 100–300 ms on the main thread, and a key press typed meanwhile waited for it.
 */
const UNSEAL_STEP = 100;

/** Lets input and rendering run (scheduler.yield resumes before other queued tasks). */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads a table in primary-key order, `size` records per step, unsealing each step after its
 * read — never the whole table at once (100,000 rows take seconds). Yields to the event loop
 * between steps so the app stays interactive while, e.g., the search index is built.
 */
export async function* readChunks<T>(
  table: string,
  size: number,
  database: FremskudtDb = currentDb,
  /** Stop after this primary key (inclusive); none: to the end of the table. */
  upTo?: string,
): AsyncGenerator<T[]> {
  const t = database.table<Record<string, unknown>, string>(table);
  let after: string | undefined;
  for (;;) {
    const rows =
      upTo !== undefined
        ? await (
            after === undefined
              ? t.where(':id').belowOrEqual(upTo)
              : t.where(':id').between(after, upTo, false, true)
          )
            .limit(size)
            .toArray()
        : after === undefined
          ? await t.orderBy(':id').limit(size).toArray()
          : await t.where(':id').above(after).limit(size).toArray();
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]?.id;
    const opened: T[] = [];
    for (let i = 0; i < rows.length; i += UNSEAL_STEP) {
      if (i > 0) await yieldToMain();
      opened.push(...(await database.unsealAll<T>(table, rows.slice(i, i + UNSEAL_STEP))));
    }
    yield opened;
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

/** The highest primary key of a table (undefined when it is empty). */
export const lastRecordId = async (table: string, database: FremskudtDb = currentDb) =>
  (await database.table(table).orderBy(':id').lastKey()) as string | undefined;

export const countRecords = (table: string, database: FremskudtDb = currentDb) =>
  database.table(table).count();
