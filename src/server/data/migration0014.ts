import type { Kysely, Migration } from 'kysely';

/**
 * Staged deliveries: a pulled page's citizens as one row (a JSON array) beside its `pull` entry,
 * folded into `audit_deliveries` in batches (audit/deliveryIndex.ts). Writing a page's 1,000
 * citizen rows straight into that index dirtied up to 1,000 random pages of it per pull: on
 * SQLite each one written whole to the WAL at every commit, about half of the server's CPU in a
 * first sync (bench/README.md, row 2). The citizen's access view reads both tables, so a delivery
 * is shown from the moment its page was sent.
 */
export const m0014StagedDeliveries: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_deliveries_staged')
      .addColumn('audit_id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('citizens', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('audit_deliveries_staged').execute();
  },
};
