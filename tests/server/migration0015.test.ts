import { Migrator, sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { buildApp } from '../../src/server/app';
import { createDatabase } from '../../src/server/data/createDatabase';
import { migrationProviderFor } from '../../src/server/data/migrations';
import type { Database } from '../../src/server/data/schema';
import { seedDemo } from '../../src/server/demo/seedDemo';
import { loginOn, mutation, newCitizen, newNote, push } from './helpers/api';
import { createTestDatabase } from './helpers/testDatabase';

interface OldDatabase {
  database: Database;
  app: FastifyInstance;
  token: string;
  device: string;
  citizenId: string;
  migrateToLatest: () => Promise<void>;
}

/**
 * A PostgreSQL database migrated to `migration` whose note statistics index reads the JSON as
 * `noteIndexJson` did then (`older` may set back more), seeded, with mette signed in on a device
 * and a citizen of hers pushed.
 */
async function withOldDatabase(
  migration: string,
  noteIndexJson: string,
  older: (db: Kysely<unknown>) => Promise<void>,
  work: (old: OldDatabase) => Promise<void>,
): Promise<void> {
  const testDb = await createTestDatabase('postgres');
  const database = createDatabase(testDb.config);
  try {
    const migrator = new Migrator({ db: database.db, provider: migrationProviderFor('postgres') });
    expect((await migrator.migrateTo(migration)).error).toBeUndefined();
    await sql`drop index records_stats_note_team`.execute(database.db);
    await sql
      .raw(
        `create index records_stats_note_team on records (team_id, (${noteIndexJson} ->> 'createdAt'))
        where entity = 'note' and deleted = 0`,
      )
      .execute(database.db);
    await older(database.db as Kysely<unknown>);
    await seedDemo(database);
    const app = await buildApp({ config: testDb.config, database });
    const device = `device-${migration}`;
    const { token } = await loginOn(app, 'mette', device);
    const citizen = newCitizen({}, device);
    await push(app, token, [citizen]);
    const migrateToLatest = async () => {
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
    };
    try {
      await work({ database, app, token, device, citizenId: citizen.recordId, migrateToLatest });
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await testDb.drop();
  }
}

describe('migrations 0015 and 0016 on an older PostgreSQL database', () => {
  it('lets a note and a contact holding a NUL character be stored, where the old indexes refused them', async () => {
    // Before 0015 the JSON was read as it is (`data::json`), in the index and the contacts' copy.
    const oldCopyFunction = async (db: Kysely<unknown>) => {
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
        .execute(db);
    };
    await withOldDatabase(
      '0014_staged_deliveries',
      'data::json',
      oldCopyFunction,
      async ({ database, app, token, device, citizenId, migrateToLatest }) => {
        const now = new Date().toISOString();
        const note = () => newNote(citizenId, { body: 'før\u0000efter' }, device);
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

        await migrateToLatest();
        const results = await push(app, token, [note(), contact()]);
        expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
        const copied = await database.db
          .selectFrom('statistics_contacts')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(copied.n)).toBeGreaterThanOrEqual(1);
      },
    );
  });

  it('lets a note holding a lone surrogate be stored after 0016, where the indexes of 0015 refused it', async () => {
    // Before 0016 the JSON was read with NUL replaced, nothing else.
    await withOldDatabase(
      '0015_nul_safe_json',
      `replace(data, '\\u0000', '\\ufffd')::json`,
      () => Promise.resolve(),
      async ({ app, token, device, citizenId, migrateToLatest }) => {
        const note = () => newNote(citizenId, { body: 'halv \ud83d emoji' }, device);
        await expect(push(app, token, [note()])).rejects.toThrow(/500/);

        await migrateToLatest();
        const results = await push(app, token, [note()]);
        expect(results.map((r) => r.status)).toEqual(['applied']);
      },
    );
  });
});
