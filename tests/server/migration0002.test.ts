import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/data/createDatabase';
import { migrationProviderFor } from '../../src/server/data/migrations';
import { runMigrations } from '../../src/server/data/migrate';
import { createTestDatabase, DIALECTS } from './helpers/testDatabase';

describe.each(DIALECTS)('migration 0002 on a database of 0001 (%s)', (dialect) => {
  it('puts existing users in their team and moves locations (records, JSON and change log) to the shared scope', async () => {
    const testDb = await createTestDatabase(dialect);
    const database = createDatabase(testDb.config);
    try {
      const migrator = new Migrator({ db: database.db, provider: migrationProviderFor(dialect) });
      const to0001 = await migrator.migrateTo('0001_initial');
      expect(to0001.error).toBeUndefined();
      const at = '2026-11-01T00:00:00.000Z';
      await database.db
        .insertInto('teams')
        .values({ id: 'syd', name: 'Syd', created_at: at })
        .execute();
      await database.db
        .insertInto('users')
        .values({
          id: 'u1',
          username: 'u1',
          name: 'U1',
          team_id: 'syd',
          role: 'lead',
          password_hash: 'x',
          created_at: at,
        })
        .execute();
      const location = JSON.stringify({ id: 'l1', teamId: 'syd', name: 'Værestedet', version: 1 });
      const citizen = JSON.stringify({ id: 'c1', teamId: 'syd', firstName: 'Jens', version: 1 });
      for (const [seq, entity, id, data] of [
        [1, 'location', 'l1', location],
        [2, 'citizen', 'c1', citizen],
      ] as const) {
        await database.db
          .insertInto('records')
          .values({
            entity,
            id,
            team_id: 'syd',
            version: 1,
            deleted: 0,
            data,
            field_versions: '{}',
            updated_seq: seq,
          })
          .execute();
        await database.db
          .insertInto('changes')
          .values({
            seq,
            team_id: 'syd',
            entity,
            record_id: id,
            op: 'upsert',
            version: 1,
            data,
            created_at: at,
          })
          .execute();
      }

      expect(await runMigrations(database)).toContain('0002_accounts_and_scope');

      expect(
        await database.db.selectFrom('user_teams').select(['user_id', 'team_id']).execute(),
      ).toEqual([{ user_id: 'u1', team_id: 'syd' }]);
      const records = await database.db
        .selectFrom('records')
        .select(['id', 'team_id', 'data'])
        .orderBy('id')
        .execute();
      expect(
        records.map((r) => [r.id, r.team_id, (JSON.parse(r.data) as { teamId: string }).teamId]),
      ).toEqual([
        ['c1', 'syd', 'syd'],
        ['l1', 'shared', 'shared'],
      ]);
      const changes = await database.db
        .selectFrom('changes')
        .select(['seq', 'team_id', 'data'])
        .orderBy('seq')
        .execute();
      expect(
        changes.map((c) => [c.seq, c.team_id, (JSON.parse(c.data!) as { teamId: string }).teamId]),
      ).toEqual([
        [1, 'shared', 'shared'],
        [2, 'syd', 'syd'],
      ]);
      expect(
        await database.db
          .selectFrom('teams')
          .select('name')
          .where('id', '=', 'shared')
          .executeTakeFirst(),
      ).toEqual({ name: 'Hele kommunen' });
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
