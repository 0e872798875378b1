import { db, type DraftEntry } from './database';
import { toDbError } from './errors';

/** Autosaved editor text (local only, sealed): a crash or reload loses at most the seconds since. */
export const draftsRepo = {
  get: async (key: string) => db.unseal<DraftEntry>('drafts', await db.drafts.get(key)),
  async save(entry: DraftEntry): Promise<void> {
    try {
      const row = await db.seal('drafts', entry);
      await db.drafts.put(row);
    } catch (error) {
      throw toDbError(error);
    }
  },
  discard: (key: string) => db.drafts.delete(key),
  list: async () =>
    db.unsealAll<DraftEntry>('drafts', await db.drafts.orderBy('savedAt').reverse().toArray()),
};
