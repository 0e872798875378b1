import { type Kysely, type Migration } from 'kysely';

/**
 * Accounts managed in the app: a user an administrator created with an initial password must
 * choose their own before they get a session (must_change_password 0/1), and a deactivated user
 * (deactivated_at set) can no longer sign in. Deactivation keeps the row: the audit log and the
 * records still name the user.
 */
export const mAccountFlags: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute();
    // The administration log lists the `admin` entries, newest first, often of one team.
    await db.schema
      .createIndex('audit_log_action_at')
      .on('audit_log')
      .columns(['action', 'at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('audit_log_action_at').execute();
    await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
    await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  },
};
