import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { m0002AccountsAndScope } from './migration0002';
import { m0003ChangeSeq } from './migration0003';
import { m0004LoginIpWindow } from './migration0004';
import { m0005StatisticsIndexes } from './migration0005';
import { m0006BigintSeqs } from './migration0006';
import { m0007AuditDeliveries } from './migration0007';
import { mOidcSignIn } from './migrationOidc';
import { mAccountFlags } from './migrationAccountFlags';
import { mRetention } from './migrationRetention';
import { m0011RetentionProposals } from './migration0011';
import { m0012NoTeamAndProviderGroups } from './migration0012';
import { m0013StatisticsContacts } from './migration0013';
import { m0014StagedDeliveries } from './migration0014';
import { m0015NulSafeJson } from './migration0015';
import { m0016SurrogateSafeJson } from './migration0016';
import type { Dialect } from './schema';

/**
 * Versioned migrations, in code so the bundled server carries them. Written with portable column
 * types only (text, integer) so the same migration runs on SQLite and PostgreSQL. Never edit a
 * migration that has shipped: add the next one.
 */
const m0001Initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('records')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('field_versions', 'text', (c) => c.notNull())
      .addColumn('updated_seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
      .execute();
    await db.schema
      .createTable('changes')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('data', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // Pull reads "this team's changes after seq N": cost follows the page, not the log.
    await db.schema
      .createIndex('changes_team_seq')
      .on('changes')
      .columns(['team_id', 'seq'])
      .execute();
    await db.schema
      .createTable('applied_mutations')
      .addColumn('mutation_id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('rejected_mutations')
      .addColumn('mutation_id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('mutation', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('issues', 'text')
      .addColumn('rejected_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('team_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text')
      .addColumn('record_id', 'text')
      .addColumn('request_id', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    // "What was looked up about this citizen, and when" (the per-citizen access log, docs/security.md).
    await db.schema
      .createIndex('audit_log_record')
      .on('audit_log')
      .columns(['record_id', 'at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'audit_log',
      'rejected_mutations',
      'applied_mutations',
      'changes',
      'records',
      'sessions',
      'users',
      'teams',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** The migrations, in order; a few differ by dialect where the databases differ (0003). */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': m0001Initial,
    '0002_accounts_and_scope': m0002AccountsAndScope,
    '0003_change_seq': m0003ChangeSeq(dialect),
    '0004_login_ip_window': m0004LoginIpWindow,
    '0005_statistics_indexes': m0005StatisticsIndexes(dialect),
    '0006_bigint_seqs': m0006BigintSeqs(dialect),
    '0007_audit_deliveries': m0007AuditDeliveries,
    '0008_oidc_sign_in': mOidcSignIn,
    '0009_account_flags': mAccountFlags,
    '0010_retention': mRetention,
    '0011_retention_proposals': m0011RetentionProposals,
    '0012_no_team_and_provider_groups': m0012NoTeamAndProviderGroups(dialect),
    '0013_statistics_contacts': m0013StatisticsContacts(dialect),
    '0014_staged_deliveries': m0014StagedDeliveries,
    '0015_nul_safe_json': m0015NulSafeJson(dialect),
    '0016_surrogate_safe_json': m0016SurrogateSafeJson(dialect),
  };
}

export function migrationProviderFor(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrationsFor(dialect)) };
}
