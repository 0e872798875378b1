import { db, type DraftEntry } from './database';
import { toDbError } from './errors';

/** Autosaved editor text (local only): a crash or reload loses at most the seconds since. */
export const draftsRepo = {
  get: (key: string) => db.drafts.get(key),
  async save(entry: DraftEntry): Promise<void> {
    try {
      await db.drafts.put(entry);
    } catch (error) {
      throw toDbError(error);
    }
  },
  discard: (key: string) => db.drafts.delete(key),
  list: () => db.drafts.orderBy('savedAt').reverse().toArray(),
};
