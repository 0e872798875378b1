import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { FremskudtDb } from './database';

/** Which records of a table changed: these ids, or possibly any (a clear, a range delete). */
export type RecordChange = { table: string; ids: string[] } | { table: string; all: true };

/**
 * Calls `onChange` after every committed write to `tables` of `database`, in this tab or (Dexie
 * forwards them) another tab of the app, with the primary keys written or deleted. It reports
 * keys only: the caller reads and unseals what it needs. Returns the unsubscribe function.
 */
export function watchRecords(
  database: FremskudtDb,
  tables: readonly string[],
  onChange: (change: RecordChange) => void,
): () => void {
  const listener = (parts: ObservabilitySet) => {
    for (const table of tables) {
      const ids = new Set<string>();
      let all = false;
      for (const suffix of ['', ':dels']) {
        const tree = parts[`idb://${database.name}/${table}/${suffix}`];
        if (!tree) continue;
        for (const range of RangeSet(tree)) {
          if (typeof range.from === 'string' && range.from === range.to) ids.add(range.from);
          else all = true;
        }
      }
      if (all) onChange({ table, all: true });
      else if (ids.size > 0) onChange({ table, ids: [...ids] });
    }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
