import type { Kysely, Migration } from 'kysely';

/**
 * Retention (retention/retentionJob.ts): a lease row per scheduled job, so that of several server
 * processes on one database one runs a job and the others skip it; and per scope the change-log
 * horizon, the highest seq compaction removed a tombstone at, below which a device's position
 * can no longer be served (retention/compactChangeLog.ts).
 */
export const mRetention: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('change_log_horizon')
      .addColumn('team_id', 'text', (c) => c.primaryKey())
      // A change-log seq: 64-bit like changes.seq (PostgreSQL bigint; SQLite's integer is 64-bit).
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('change_log_horizon').execute();
    await db.schema.dropTable('job_leases').execute();
  },
};
