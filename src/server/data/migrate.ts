import { Migrator } from 'kysely';
import type { Database } from './schema';
import { migrationProviderFor } from './migrations';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly code = 'migration-failed';
}

/** Brings the schema to the newest version; a no-op when it is already there. */
export async function runMigrations(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProviderFor(database.dialect),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed) {
    const reason =
      error instanceof Error ? error.message : `migration ${failed?.migrationName ?? '(unknown)'}`;
    throw new MigrationError(`Database migration failed: ${reason}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
