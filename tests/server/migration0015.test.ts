import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/server/data/createDatabase';
import { migrationProviderFor } from '../../src/server/data/migrations';
import { seedDemo } from '../../src/server/demo/seedDemo';
import { loginOn, mutation, newCitizen, newNote, push } from './helpers/api';
import { createTestDatabase } from './helpers/testDatabase';

describe('migrations 0015 and 0016 on an older PostgreSQL database', () => {
  it('lets a note and a contact holding a NUL character be stored, where the old indexes refused them', async () => {
    const testDb = await createTestDatabase('postgres');
    const database = createDatabase(testDb.config);
    try {
      const migrator = new Migrator({
        db: database.db,
        provider: migrationProviderFor('postgres'),
      });
      expect((await migrator.migrateTo('0014_staged_deliveries')).error).toBeUndefined();
      // A database migrated before 0015 has the JSON read the old way (`data::json`).
      await sql`drop index records_stats_note_team`.execute(database.db);
      await sql`create index records_stats_note_team on records (team_id, (data::json ->> 'createdAt'))
        where entity = 'note' and deleted = 0`.execute(database.db);
      await sql
        .raw(
          `create or replace function statistics_contacts_copy() returns trigger language plpgsql as $$
           begin
             if tg_op <> 'DELETE' and new.entity = 'contact' and new.deleted = 0 then
               insert into statistics_contacts (id, team_id, at)
               select new.id, new.team_id, x."at" from json_to_record(new.data::json) as x("at" text);
             end if;
             return null;
           end $$`,
        )
        .execute(database.db);
      await seedDemo(database);
      const app = await buildApp({ config: testDb.config, database });
      const device = 'device-migration-15';
      const { token } = await loginOn(app, 'mette', device);
      const citizen = newCitizen({}, device);
      await push(app, token, [citizen]);
      const now = new Date().toISOString();
      const note = () => newNote(citizen.recordId, { body: 'før\u0000efter' }, device);
      const contact = () =>
        mutation(
          'contact',
          'create',
          newId(),
          { visitId: newId(), locationId: newId(), at: now, kind: 'anonymous', remark: '\u0000' },
          { deviceId: device },
        );
      await expect(push(app, token, [note()])).rejects.toThrow(/500/);
      await expect(push(app, token, [contact()])).rejects.toThrow(/500/);

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const results = await push(app, token, [note(), contact()]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const copied = await database.db
        .selectFrom('statistics_contacts')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(copied.n)).toBeGreaterThanOrEqual(1);
      await app.close();
    } finally {
      await database.close();
      await testDb.drop();
    }
  });

  it('lets a note holding a lone surrogate be stored after 0016, where the indexes of 0015 refused it', async () => {
    const testDb = await createTestDatabase('postgres');
    const database = createDatabase(testDb.config);
    try {
      const migrator = new Migrator({
        db: database.db,
        provider: migrationProviderFor('postgres'),
      });
      expect((await migrator.migrateTo('0015_nul_safe_json')).error).toBeUndefined();
      // A database migrated before 0016 reads the JSON with NUL replaced, nothing else.
      await sql`drop index records_stats_note_team`.execute(database.db);
      await sql`create index records_stats_note_team on records
        (team_id, (replace(data, '\\u0000', '\\ufffd')::json ->> 'createdAt'))
        where entity = 'note' and deleted = 0`.execute(database.db);
      await seedDemo(database);
      const app = await buildApp({ config: testDb.config, database });
      const device = 'device-migration-16';
      const { token } = await loginOn(app, 'mette', device);
      const citizen = newCitizen({}, device);
      await push(app, token, [citizen]);
      const note = () => newNote(citizen.recordId, { body: 'halv \ud83d emoji' }, device);
      await expect(push(app, token, [note()])).rejects.toThrow(/500/);

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const results = await push(app, token, [note()]);
      expect(results.map((r) => r.status)).toEqual(['applied']);
      await app.close();
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
