import type { Kysely, Migration } from 'kysely';

/**
 * The delivery audit's citizen index: a pulled page is ONE audit_log row (action `pull`) and here
 * one narrow row per citizen it carried, which the citizen's access view reads as "delivered to
 * device X" (audit/citizenAccess.ts). It replaces an audit_log row per citizen per page, the
 * largest write of a first sync. `deliver` rows written before it stay in audit_log and are shown
 * as they were.
 */
export const m0007AuditDeliveries: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_deliveries')
      .addColumn('citizen_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('audit_id', 'text', (c) => c.notNull())
      // The access view reads one citizen's deliveries newest first: one range of the key.
      .addPrimaryKeyConstraint('audit_deliveries_pk', ['citizen_id', 'at', 'audit_id'])
      .execute();
    // Retention deletes by age, as audit_log_at does for audit_log.
    await db.schema
      .createIndex('audit_deliveries_at')
      .on('audit_deliveries')
      .column('at')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('audit_deliveries').execute();
  },
};
