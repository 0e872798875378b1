import type { Kysely, Migration } from 'kysely';

/**
 * Single sign-on (auth/oidc.ts): which provider subject is which Fremskudt user, and the two
 * short-lived steps of a browser sign-in — the pending authorization (state, nonce and PKCE
 * verifier, kept here rather than in the browser) and the one-time hand-off from the callback to
 * the app. Both short-lived tables are emptied by the housekeeping as their rows expire.
 */
export const mOidcSignIn: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('user_identities')
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
      .execute();
    await db.schema
      .createIndex('user_identities_user')
      .on('user_identities')
      .column('user_id')
      .execute();
    await db.schema
      .createTable('oidc_logins')
      .addColumn('state', 'text', (c) => c.primaryKey())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('oidc_handoffs')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('oidc_handoffs').execute();
    await db.schema.dropTable('oidc_logins').execute();
    await db.schema.dropTable('user_identities').execute();
  },
};
