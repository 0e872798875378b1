import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './schema';

/**
 * Users without a team, and memberships and roles that come from the identity provider.
 *
 * - `users.team_id` may be null: a person created at their first single sign-on has no team until
 *   a lead adds them (or a mapped group gives them one); they can sign in and see nothing.
 *   PostgreSQL drops the NOT NULL; SQLite cannot, so the table is rebuilt (the documented
 *   twelve-step way: foreign keys off, copy, drop, rename, check), keeping every row and column.
 * - `user_teams.source` and `users.role_source`: `app` (set in Fremskudt) or `provider` (set from
 *   the provider's group claim at sign-in, auth/groupMapping.ts). The provider owns what it set;
 *   the app refuses to change it, since the next sign-in would undo it.
 */
export function m0012NoTeamAndProviderGroups(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('user_teams')
        .addColumn('source', 'text', (c) => c.notNull().defaultTo('app'))
        .execute();
      if (dialect === 'postgres') {
        await sql`alter table users alter column team_id drop not null`.execute(db);
        await db.schema
          .alterTable('users')
          .addColumn('role_source', 'text', (c) => c.notNull().defaultTo('app'))
          .execute();
        return;
      }
      // SQLite runs migrations outside a transaction (no transactional DDL in Kysely's adapter),
      // so the pragma takes effect; without it, dropping `users` would cascade to its sessions.
      await sql`pragma foreign_keys = off`.execute(db);
      try {
        await db.schema
          .createTable('users_0012')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('team_id', 'text', (c) => c.references('teams.id'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('deactivated_at', 'text')
          .addColumn('role_source', 'text', (c) => c.notNull().defaultTo('app'))
          .execute();
        await sql`insert into users_0012
          (id, username, name, team_id, role, password_hash, created_at, must_change_password,
           deactivated_at)
          select id, username, name, team_id, role, password_hash, created_at,
           must_change_password, deactivated_at from users`.execute(db);
        await sql`drop table users`.execute(db);
        await sql`alter table users_0012 rename to users`.execute(db);
        const broken = await sql`pragma foreign_key_check`.execute(db);
        if (broken.rows.length > 0)
          throw new Error(`migration 0012: ${broken.rows.length} broken foreign keys`);
      } finally {
        await sql`pragma foreign_keys = on`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      // Only possible while every user has a team again.
      if (dialect === 'postgres') {
        await db.schema.alterTable('users').dropColumn('role_source').execute();
        await sql`alter table users alter column team_id set not null`.execute(db);
      } else {
        await db.schema.alterTable('users').dropColumn('role_source').execute();
      }
      await db.schema.alterTable('user_teams').dropColumn('source').execute();
    },
  };
}
