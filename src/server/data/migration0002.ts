import { sql, type Kysely, type Migration } from 'kysely';

/** The whole municipality's scope: locations and schedule slots (domain/common.ts SHARED_TEAM_ID). */
const SHARED = 'shared';
const SHARED_NAME = 'Hele kommunen';
const SHARED_ENTITIES = ['location', 'scheduleSlot'];

/**
 * Accounts, devices and team scope (docs/security.md): several teams per user, devices bound to
 * sessions and revocable, per-username login throttling, the shared scope for locations and
 * schedule slots, and the citizen an audit entry concerns. Portable types only (text, integer).
 */
export const m0002AccountsAndScope: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('user_teams')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_teams_pk', ['user_id', 'team_id'])
      .execute();
    // "Who is in team X" (team members, moves) without a scan.
    await db.schema.createIndex('user_teams_team').on('user_teams').column('team_id').execute();
    await sql`insert into user_teams (user_id, team_id, added_at)
      select id, team_id, created_at from users`.execute(db);

    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      // Per (user, device): one user naming another user's device id gets nothing of theirs.
      .addPrimaryKeyConstraint('devices_pk', ['user_id', 'id'])
      .execute();

    // SQLite adds one column per statement.
    await db.schema.alterTable('sessions').addColumn('device_id', 'text').execute();
    await db.schema.alterTable('sessions').addColumn('revoked_at', 'text').execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('login_throttle')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('last_failure_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();

    await db.schema.alterTable('audit_log').addColumn('citizen_id', 'text').execute();
    await db.schema.alterTable('audit_log').addColumn('device_id', 'text').execute();
    // The per-citizen access view is one index range, newest first.
    await db.schema
      .createIndex('audit_log_citizen')
      .on('audit_log')
      .columns(['citizen_id', 'at'])
      .execute();

    await sql`insert into teams (id, name, created_at)
      select ${SHARED}, ${SHARED_NAME}, ${new Date().toISOString()}
      where not exists (select 1 from teams where id = ${SHARED})`.execute(db);
    // The record's JSON carries its teamId too; replace() and || exist in both databases.
    const entities = sql.join(SHARED_ENTITIES.map((e) => sql`${e}`));
    await sql`update changes
      set data = replace(data, '"teamId":"' || team_id || '"', ${`"teamId":"${SHARED}"`}),
          team_id = ${SHARED}
      where entity in (${entities})`.execute(db);
    await sql`update records
      set data = replace(data, '"teamId":"' || team_id || '"', ${`"teamId":"${SHARED}"`}),
          team_id = ${SHARED}
      where entity in (${entities})`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('audit_log_citizen').execute();
    await db.schema.alterTable('audit_log').dropColumn('device_id').execute();
    await db.schema.alterTable('audit_log').dropColumn('citizen_id').execute();
    await db.schema.dropTable('login_throttle').execute();
    await db.schema.dropIndex('sessions_user').execute();
    await db.schema.alterTable('sessions').dropColumn('revoked_at').execute();
    await db.schema.alterTable('sessions').dropColumn('device_id').execute();
    await db.schema.dropTable('devices').execute();
    await db.schema.dropTable('user_teams').execute();
  },
};
