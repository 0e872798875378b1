import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/data/createDatabase';
import { migrationProviderFor } from '../../src/server/data/migrations';
import { runMigrations } from '../../src/server/data/migrate';
import { createTestDatabase, DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('migration 0012 on a database of 0010 (%s)', (dialect) => {
  it('lets a user have no team, keeping every user with their sessions, devices, identities and memberships', async () => {
    const testDb = await createTestDatabase(dialect);
    const database = createDatabase(testDb.config);
    try {
      const migrator = new Migrator({ db: database.db, provider: migrationProviderFor(dialect) });
      expect((await migrator.migrateTo('0010_retention')).error).toBeUndefined();
      const at = '2026-11-01T00:00:00.000Z';
      const db = database.db;
      await db.insertInto('teams').values({ id: 'syd', name: 'Syd', created_at: at }).execute();
      await db
        .insertInto('users')
        .values({
          id: 'u1',
          username: 'u1',
          name: 'U1',
          team_id: 'syd',
          role: 'lead',
          password_hash: 'x',
          created_at: at,
          must_change_password: 1,
          deactivated_at: null,
        })
        .execute();
      await db
        .insertInto('user_teams')
        .values({ user_id: 'u1', team_id: 'syd', added_at: at })
        .execute();
      await db
        .insertInto('devices')
        .values({
          id: 'd1',
          user_id: 'u1',
          secret: 's',
          label: null,
          created_at: at,
          last_seen_at: null,
          revoked_at: null,
          revoked_by: null,
        })
        .execute();
      await db
        .insertInto('sessions')
        .values({
          token_hash: 'h1',
          user_id: 'u1',
          device_id: 'd1',
          created_at: at,
          expires_at: '2027-01-01T00:00:00.000Z',
          revoked_at: null,
        })
        .execute();
      await db
        .insertInto('user_identities')
        .values({ issuer: 'https://idp', subject: 'oid-1', user_id: 'u1', created_at: at })
        .execute();

      expect(await runMigrations(database)).toContain('0012_no_team_and_provider_groups');

      // Nothing cascaded away while SQLite rebuilt the table.
      expect(await db.selectFrom('users').selectAll().execute()).toEqual([
        {
          id: 'u1',
          username: 'u1',
          name: 'U1',
          team_id: 'syd',
          role: 'lead',
          password_hash: 'x',
          created_at: at,
          must_change_password: 1,
          deactivated_at: null,
          role_source: 'app',
        },
      ]);
      expect(await db.selectFrom('sessions').select('token_hash').execute()).toEqual([
        { token_hash: 'h1' },
      ]);
      expect(await db.selectFrom('devices').select('id').execute()).toEqual([{ id: 'd1' }]);
      expect(await db.selectFrom('user_identities').select('subject').execute()).toEqual([
        { subject: 'oid-1' },
      ]);
      expect(await db.selectFrom('user_teams').select(['team_id', 'source']).execute()).toEqual([
        { team_id: 'syd', source: 'app' },
      ]);
      // A user with no team can be stored now; the username stays unique and the team a reference.
      await db
        .insertInto('users')
        .values({
          id: 'u2',
          username: 'u2',
          name: 'U2',
          team_id: null,
          role: 'caseworker',
          password_hash: 'x',
          created_at: at,
          deactivated_at: null,
        })
        .execute();
      await expect(
        db
          .insertInto('users')
          .values({
            id: 'u3',
            username: 'u2',
            name: 'U3',
            team_id: null,
            role: 'caseworker',
            password_hash: 'x',
            created_at: at,
            deactivated_at: null,
          })
          .execute(),
      ).rejects.toThrow();
      await expect(
        db
          .insertInto('users')
          .values({
            id: 'u4',
            username: 'u4',
            name: 'U4',
            team_id: 'nowhere',
            role: 'caseworker',
            password_hash: 'x',
            created_at: at,
            deactivated_at: null,
          })
          .execute(),
      ).rejects.toThrow();
      // Deleting a user still takes their sessions along (the foreign keys point at the new table).
      await db.deleteFrom('user_identities').where('user_id', '=', 'u1').execute();
      await db.deleteFrom('user_teams').where('user_id', '=', 'u1').execute();
      await db.deleteFrom('devices').where('user_id', '=', 'u1').execute();
      await db.deleteFrom('users').where('id', '=', 'u1').execute();
      expect(await db.selectFrom('sessions').select('token_hash').execute()).toEqual([]);
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
