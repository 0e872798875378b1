import Dexie from 'dexie';
import { TABLE_OF, type FremskudtDb, type OutboxEntry } from '../database';
import type { StoredRow } from './rowCodec';

/** The database of versions before per-user encrypted stores: one per browser, in clear. */
export const LEGACY_DB_NAME = 'fremskudt';

interface LegacySession {
  user?: { id?: unknown };
}

/**
 * At the first login after the upgrade: the old clear database's unsent and refused changes of
 * this user (and the records they are about) move into the user's sealed store, then the old
 * database is deleted — nothing lost, nothing left in clear. A database holding another user's
 * unsent changes is left for that user's first login; one with nothing unsent is deleted.
 * Returns how many outbox entries were imported.
 */
export async function importLegacyStore(userId: string, target: FremskudtDb): Promise<number> {
  if (!(await Dexie.exists(LEGACY_DB_NAME))) return 0;
  const legacy = new Dexie(LEGACY_DB_NAME);
  try {
    await legacy.open();
    const names = legacy.tables.map((t) => t.name);
    if (!names.includes('outbox') || !names.includes('meta')) return await drop(legacy, 0);
    const entries = (await legacy.table('outbox').orderBy('seq').toArray()) as OutboxEntry[];
    const unsent = entries.filter((e) => e.state === 'pending' || e.state === 'rejected');
    if (unsent.length === 0) return await drop(legacy, 0);
    const session = (await legacy.table('meta').get('session')) as
      { value?: LegacySession } | undefined;
    if (session?.value?.user?.id !== userId) return 0;
    const outboxRows: StoredRow[] = [];
    for (const { seq: _seq, ...entry } of unsent)
      outboxRows.push(await target.seal('outbox', entry));
    const recordRows = new Map<string, StoredRow[]>();
    for (const entry of unsent) {
      const table = TABLE_OF[entry.entity];
      if (!names.includes(table)) continue;
      const record = (await legacy.table(table).get(entry.recordId)) as object | undefined;
      if (!record) continue;
      recordRows.set(table, [...(recordRows.get(table) ?? []), await target.seal(table, record)]);
    }
    const tables = [target.outbox, ...[...recordRows.keys()].map((t) => target.table(t))];
    await target.transaction('rw', tables, async () => {
      for (const [table, rows] of recordRows) await target.table(table).bulkPut(rows);
      await target.outbox.bulkAdd(outboxRows);
    });
    return await drop(legacy, unsent.length);
  } finally {
    legacy.close();
  }
}

async function drop(legacy: Dexie, imported: number): Promise<number> {
  legacy.close();
  await legacy.delete();
  return imported;
}
