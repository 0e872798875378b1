import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/data/createDatabase';
import { runMigrations } from '../../src/server/data/migrate';
import { migrationProviderFor } from '../../src/server/data/migrations';
import type { Database } from '../../src/server/data/schema';
import { createTestDatabase, DIALECTS } from './helpers/testDatabase';

const contact = (id: string, teamId: string, fields: Record<string, unknown>) =>
  JSON.stringify({
    id,
    teamId,
    visitId: 'v1',
    locationId: 'alfa',
    at: '2026-08-15T10:00:00.000Z',
    kind: 'anonymous',
    ageGroup: '25-39',
    gender: 'kvinde',
    topics: ['bolig', 'sundhed'],
    version: 1,
    ...fields,
  });

async function insertRecord(database: Database, entity: string, id: string, data: string) {
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
      updated_seq: 1,
    })
    .execute();
}

const copies = (database: Database) =>
  database.db.selectFrom('statistics_contacts').selectAll().orderBy('id').execute();

/**
 * Migration 0013: the statistics read contacts from `statistics_contacts`, a copy of their counted
 * fields kept by triggers on `records`. Whatever writes a record (here plain SQL, as a repair or a
 * restore would), the copy follows, and contacts from before the migration are copied by it.
 */
describe.each(DIALECTS)('the statistics copy of contacts (%s)', (dialect) => {
  it('copies the contacts already stored when migrating, and only live contacts', async () => {
    const testDb = await createTestDatabase(dialect);
    const database = createDatabase(testDb.config);
    try {
      const migrator = new Migrator({ db: database.db, provider: migrationProviderFor(dialect) });
      expect((await migrator.migrateTo('0010_retention')).error).toBeUndefined();
      await database.db
        .insertInto('teams')
        .values({ id: 'syd', name: 'Syd', created_at: '2026-01-01T00:00:00.000Z' })
        .execute();
      await insertRecord(database, 'contact', 'k1', contact('k1', 'syd', { citizenId: 'c1' }));
      await insertRecord(database, 'contact', 'k2', contact('k2', 'syd', {}));
      await database.db.updateTable('records').set({ deleted: 1 }).where('id', '=', 'k2').execute();
      await insertRecord(database, 'note', 'n1', JSON.stringify({ id: 'n1', at: 'x' }));

      expect(await runMigrations(database)).toContain('0013_statistics_contacts');

      expect(await copies(database)).toEqual([
        {
          id: 'k1',
          team_id: 'syd',
          at: '2026-08-15T10:00:00.000Z',
          location_id: 'alfa',
          kind: 'anonymous',
          age_group: '25-39',
          gender: 'kvinde',
          citizen_id: 'c1',
          topics: '["bolig","sundhed"]',
        },
      ]);
    } finally {
      await database.close();
      await testDb.drop();
    }
  });

  it('follows every write of a contact: created, changed, moved to another team, deleted, removed', async () => {
    const testDb = await createTestDatabase(dialect);
    const database = await testDb.open();
    try {
      for (const id of ['syd', 'nord'])
        await database.db
          .insertInto('teams')
          .values({ id, name: id, created_at: '2026-01-01T00:00:00.000Z' })
          .execute();
      await insertRecord(database, 'contact', 'k1', contact('k1', 'syd', {}));
      await insertRecord(database, 'contact', 'k2', contact('k2', 'syd', {}));
      await insertRecord(database, 'citizen', 'c1', JSON.stringify({ id: 'c1', kind: 'named' }));
      expect((await copies(database)).map((c) => [c.id, c.location_id])).toEqual([
        ['k1', 'alfa'],
        ['k2', 'alfa'],
      ]);

      // A correction: another location and gender, no topics.
      await database.db
        .updateTable('records')
        .set({ data: contact('k1', 'syd', { locationId: 'beta', gender: 'mand', topics: [] }) })
        .where('entity', '=', 'contact')
        .where('id', '=', 'k1')
        .execute();
      // Moved to another team.
      await database.db
        .updateTable('records')
        .set({ team_id: 'nord' })
        .where('entity', '=', 'contact')
        .where('id', '=', 'k2')
        .execute();
      expect(
        (await copies(database)).map((c) => [c.id, c.team_id, c.location_id, c.gender, c.topics]),
      ).toEqual([
        ['k1', 'syd', 'beta', 'mand', '[]'],
        ['k2', 'nord', 'alfa', 'kvinde', '["bolig","sundhed"]'],
      ]);

      // Deleted (a tombstone), then the row removed altogether (retention).
      await database.db
        .updateTable('records')
        .set({ deleted: 1 })
        .where('entity', '=', 'contact')
        .where('id', '=', 'k1')
        .execute();
      expect((await copies(database)).map((c) => c.id)).toEqual(['k2']);
      await database.db
        .deleteFrom('records')
        .where('entity', '=', 'contact')
        .where('id', '=', 'k2')
        .execute();
      expect(await copies(database)).toEqual([]);
      // Other entities are never copied.
      await database.db
        .updateTable('records')
        .set({ version: 2 })
        .where('entity', '=', 'citizen')
        .execute();
      expect(await copies(database)).toEqual([]);
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
