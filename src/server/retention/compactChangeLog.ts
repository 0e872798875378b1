import { sql } from 'kysely';
import type { Database } from '../data/schema';

/** Change-log entries that end a record's presence on a device. */
const TOMBSTONE_OPS = ['delete', 'evict', 'erase'] as const;

export interface CompactionResult {
  /** Older versions of records that a later version of the same record replaces. */
  superseded: number;
  /** Tombstones (delete, evict, erase) older than the horizon. */
  tombstones: number;
}

/**
 * Compacts the change log up to `cutoff` (now minus CHANGE_LOG_HORIZON_DAYS):
 *
 * - An upsert or delete older than the cutoff whose record has a later change goes. Always safe:
 *   a device pulling from before it still gets the later change (the record's `updated_seq` in
 *   `records` is its last change, in its current team), so its copy ends the same.
 * - A tombstone older than the cutoff goes too. A device whose position in that scope is before
 *   it would never learn of the delete, so the scope's horizon moves to the highest seq removed,
 *   in the same transaction; the pull refuses positions below it with `resync-required`
 *   (syncApi/pullHorizon.ts) and the device starts again from nothing. The pull reads the horizon
 *   in its page's statement, so a page read before this commit still had the tombstone, and one
 *   read after it sees the new horizon.
 */
export async function compactChangeLog(
  database: Database,
  cutoff: Date,
): Promise<CompactionResult> {
  const before = cutoff.toISOString();
  return database.db.transaction().execute(async (trx) => {
    const superseded = await trx
      .deleteFrom('changes')
      .where('created_at', '<', before)
      .where('op', 'in', ['upsert', 'delete'])
      .where(
        'seq',
        '<',
        sql<number>`(select r.updated_seq from records r
          where r.entity = changes.entity and r.id = changes.record_id)`,
      )
      .executeTakeFirst();
    const ends = await trx
      .selectFrom('changes')
      .select(['team_id', (eb) => eb.fn.max('seq').as('seq')])
      .where('created_at', '<', before)
      .where('op', 'in', [...TOMBSTONE_OPS])
      .groupBy('team_id')
      .execute();
    let tombstones = 0;
    for (const { team_id: teamId, seq } of ends) {
      const upTo = Number(seq);
      await trx
        .insertInto('change_log_horizon')
        .values({ team_id: teamId, seq: upTo })
        .onConflict((oc) =>
          oc
            .column('team_id')
            .doUpdateSet({ seq: upTo })
            .where('change_log_horizon.seq', '<', upTo),
        )
        .execute();
      const removed = await trx
        .deleteFrom('changes')
        .where('team_id', '=', teamId)
        .where('seq', '<=', upTo)
        .where('created_at', '<', before)
        .where('op', 'in', [...TOMBSTONE_OPS])
        .executeTakeFirst();
      tombstones += Number(removed.numDeletedRows);
    }
    return { superseded: Number(superseded.numDeletedRows), tombstones };
  });
}
