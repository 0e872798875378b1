import type { Kysely, Migration } from 'kysely';

/**
 * The per-IP login limit, counted in the database so that every server process on it shares one
 * count (auth/loginIpLimit.ts): one row per (client IP, minute window), its attempts counted by an
 * atomic upsert. Rows of past windows are deleted as new windows start, so the table holds about
 * one row per IP that tried to sign in during the last two minutes.
 */
export const m0004LoginIpWindow: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('login_ip_window')
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('login_ip_window_pk', ['ip', 'window_start'])
      .execute();
    // The clean-up deletes by window: without this it would scan the table.
    await db.schema
      .createIndex('login_ip_window_start')
      .on('login_ip_window')
      .column('window_start')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('login_ip_window').execute();
  },
};
