import { db, type DraftEntry, type FremskudtDb } from './database';
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

/** A draft left this long unsaved is removed at the next sync (docs/security.md, retention). */
export const DRAFT_RETENTION_DAYS = 30;

/**
 * Deletes drafts last autosaved more than DRAFT_RETENTION_DAYS before `now`; returns how many.
 * `savedAt` is a clear index, so nothing is unsealed.
 */
export async function purgeOldDrafts(database: FremskudtDb, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - DRAFT_RETENTION_DAYS * 86_400_000).toISOString();
  return database.drafts.where('savedAt').below(cutoff).delete();
}
