import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ConfigSchema, type Config } from '../../../src/server/config';
import { createDatabase } from '../../../src/server/data/createDatabase';
import { runMigrations } from '../../../src/server/data/migrate';
import type { Database, Dialect } from '../../../src/server/data/schema';

/** The PostgreSQL server the tests use; override with TEST_DATABASE_URL. */
export const TEST_PG_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  dialect: Dialect;
  /** Config pointing at this database (for buildApp, or to open it again after a "restart"). */
  config: Config;
  /** Opens a new, migrated connection to the same database (with `overrides` to its config). */
  open(overrides?: Partial<Config>): Promise<Database>;
  /** Deletes the database (the SQLite folder or the PostgreSQL database). */
  drop(): Promise<void>;
}

function howToStartPg(url: string): string {
  return (
    `PostgreSQL is required for the server tests and is not reachable at ${url}. Start it with: ` +
    'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ' +
    '(or set TEST_DATABASE_URL; `npm test` starts a throwaway cluster by itself).'
  );
}

/** Runs `work` on an admin connection; fails (never skips) with how to start PostgreSQL. */
export async function withAdmin<T>(
  work: (client: pg.Client) => Promise<T>,
  url = TEST_PG_URL,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`${howToStartPg(url)} (${String(error)})`, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function baseConfig(overrides: Partial<Record<keyof Config, string>>): Config {
  return ConfigSchema.parse({
    LOG_LEVEL: 'silent',
    // Test files sign in dozens of times from 127.0.0.1; the per-IP limit has its own test.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    // scrypt at 2^10 instead of 2^15: the suites sign in thousands of times. The production cost
    // has its own test (config.test.ts).
    PASSWORD_HASH_COST: '10',
    STATIC_DIR: join(tmpdir(), 'fremskudt-no-static'),
    ...overrides,
  });
}

async function createPostgres(): Promise<TestDatabase> {
  // One database per test file (and per call), so parallel test files never see each other.
  const name = `fremskudt_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const config = baseConfig({ DATABASE_URL: url.toString() });
  return {
    dialect: 'postgres',
    config,
    async open(overrides = {}) {
      const database = createDatabase({ ...config, ...overrides });
      await runMigrations(database);
      return database;
    },
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

function createSqlite(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'fremskudt-test-'));
  const config = baseConfig({ SQLITE_PATH: join(dir, 'test.sqlite') });
  return {
    dialect: 'sqlite',
    config,
    async open(overrides = {}) {
      const database = createDatabase({ ...config, ...overrides });
      await runMigrations(database);
      return database;
    },
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** A fresh, empty database of the given dialect (not yet opened). */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  return dialect === 'postgres' ? createPostgres() : createSqlite();
}
