import type { Kysely, Migration } from 'kysely';

/**
 * Retention, second part:
 *
 * - `changes_record`: the change log by record id. Erasing a citizen (retention/eraseCitizen.ts)
 *   and moving one (admin/moveCitizen.ts) delete a few hundred records' earlier entries; without
 *   this index each delete walked the team's whole range of `changes_team_seq` (bench/README.md,
 *   scenario 12: one citizen with 500 notes in a log of 1,000,000 entries).
 * - `erasure_proposals`: the citizens the retention job proposes to a lead for erasure
 *   (retention/erasureProposals.ts), ids and dates only, and the lead's dismissals.
 */
export const m0011RetentionProposals: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('changes_record').on('changes').column('record_id').execute();
    await db.schema
      .createTable('erasure_proposals')
      .addColumn('citizen_id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('last_activity_at', 'text', (c) => c.notNull())
      .addColumn('notes', 'integer', (c) => c.notNull())
      .addColumn('dismissed_at', 'text')
      .addColumn('dismissed_by', 'text')
      .addColumn('dismissed_until', 'text')
      .execute();
    // A lead reads their teams' open proposals.
    await db.schema
      .createIndex('erasure_proposals_team')
      .on('erasure_proposals')
      .column('team_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('erasure_proposals').execute();
    await db.schema.dropIndex('changes_record').execute();
  },
};
